package racebench.strategy;

import racebench.workload.StandardBatch;
import racebench.workload.TaskSpec;
import racebench.workload.Tasks;
import racebench.workload.Workload;

import java.time.Duration;
import java.util.List;

/**
 * One standard batch run again and again by one strategy, as the batch benchmarks measure it:
 * the strategy's threads or worker JVMs started once (worker JVMs warmed for a second, as a
 * long-lived application's would be), every run's checksums compared with the sequential answer
 * so that no task can be optimised away, lost or run twice.
 */
public final class MeasuredBatch implements AutoCloseable {
    /** The most one task may take before the batch fails. */
    public static final Duration TASK_TIMEOUT = Duration.ofSeconds(30);
    /** JMH's warm-up warms the fork; worker JVMs start cold in every fork and need their own. */
    private static final Duration WORKER_WARM_UP = Duration.ofSeconds(1);

    private final StrategyKind strategy;
    private final ExecutionStrategy runner;
    private final List<TaskSpec> batch;
    private final List<Long> expected;

    private MeasuredBatch(StrategyKind strategy, ExecutionStrategy runner, List<TaskSpec> batch, List<Long> expected) {
        this.strategy = strategy;
        this.runner = runner;
        this.batch = batch;
        this.expected = expected;
    }

    public static MeasuredBatch start(StrategyKind strategy, Workload workload, int tasks) throws Exception {
        List<TaskSpec> batch = StandardBatch.of(workload, tasks);
        List<Long> expected = Tasks.expectedChecksums(batch);
        ExecutionStrategy runner = strategy.create();
        try {
            if (strategy.keepsWorkerJvms()) {
                runner.warmUp(batch, WORKER_WARM_UP, TASK_TIMEOUT);
            }
        } catch (Exception | Error e) {
            runner.close();
            throw e;
        }
        return new MeasuredBatch(strategy, runner, batch, expected);
    }

    /** Runs the batch once; its checksums, after checking them. */
    public List<Long> run() throws Exception {
        List<Long> results = runner.run(batch, TASK_TIMEOUT);
        if (!results.equals(expected)) {
            throw new IllegalStateException(strategy + " returned " + results + ", expected " + expected);
        }
        return results;
    }

    @Override
    public void close() {
        runner.close();
    }
}
