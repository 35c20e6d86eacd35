package racebench.strategy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import racebench.workload.CpuGate;
import racebench.workload.TaskSpec;

/**
 * A batch submitted to an ExecutorService made once at create(): fixed, cached, fork/join
 * or virtual-thread-per-task. A task's timeout starts when a pool thread picks it up, not
 * while it is queued. A latch that every submitted task counts down, even one skipped after
 * a failure, tells when the batch is over.
 */
final class ExecutorStrategy extends InProcessStrategy {
    private final ExecutorService executor;

    ExecutorStrategy(ExecutorService executor) {
        super(CpuGate.NONE);
        this.executor = executor;
    }

    @Override
    public List<Long> run(List<TaskSpec> tasks, Duration perTaskTimeout) throws StrategyException, InterruptedException {
        Batch batch = new Batch(tasks.size());
        CountDownLatch done = new CountDownLatch(tasks.size());
        try {
            for (int i = 0; i < tasks.size(); i++) {
                int index = i;
                TaskSpec spec = tasks.get(i);
                executor.execute(() -> {
                    try {
                        runOne(batch, index, spec, perTaskTimeout);
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await();
        } catch (InterruptedException e) {
            batch.cancel();
            uninterruptibly(done::await);
            throw e;
        }
        return batch.resultsOrThrow();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            super.close();
        }
    }
}
