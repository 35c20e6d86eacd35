package racebench.strategy;

import java.time.Duration;
import java.util.List;
import racebench.workload.CpuGate;
import racebench.workload.TaskSpec;

/**
 * A new platform thread per task, all started, then all joined: the tutorials'
 * {@code Thread(target=...)}, or with {@code subclass} its {@code class DownloadTask(Thread)}.
 * With the GIL as its gate it is the tutorials' Python threads: sleeps overlap, computing does not.
 */
final class ThreadPerTaskStrategy extends InProcessStrategy {
    private final boolean subclass;

    ThreadPerTaskStrategy(boolean subclass, CpuGate gate) {
        super(gate);
        this.subclass = subclass;
    }

    @Override
    public List<Long> run(List<TaskSpec> tasks, Duration perTaskTimeout) throws StrategyException, InterruptedException {
        Batch batch = new Batch(tasks.size());
        Thread[] threads = new Thread[tasks.size()];
        for (int i = 0; i < threads.length; i++) {
            int index = i;
            TaskSpec spec = tasks.get(i);
            threads[i] = subclass
                    ? new DownloadTask(this, batch, index, spec, perTaskTimeout)
                    : new Thread(() -> runOne(batch, index, spec, perTaskTimeout), "racebench-task-" + i);
        }
        int started = 0;
        try {
            for (Thread t : threads) {
                t.start();
                started++;
            }
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException | RuntimeException | Error e) { // interrupted, or out of threads
            batch.cancel();
            for (int i = 0; i < started; i++) {
                joinUninterruptibly(threads[i]);
            }
            throw e;
        }
        return batch.resultsOrThrow();
    }
}
