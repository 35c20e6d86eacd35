package racebench.strategy;

import java.time.Duration;
import java.util.List;
import racebench.workload.CpuGate;
import racebench.workload.TaskSpec;

/** The baseline: every task on the caller's thread, one after another; stops at the first failure. */
final class SequentialStrategy extends InProcessStrategy {

    SequentialStrategy() {
        super(CpuGate.NONE);
    }

    @Override
    public List<Long> run(List<TaskSpec> tasks, Duration perTaskTimeout) throws StrategyException, InterruptedException {
        Batch batch = new Batch(tasks.size());
        for (int i = 0; i < tasks.size() && !batch.stopped(); i++) {
            try {
                batch.complete(i, call(i, tasks.get(i), perTaskTimeout));
            } catch (StrategyException e) {
                batch.fail(e);
            }
        }
        return batch.resultsOrThrow();
    }
}
