package racebench.strategy;

import java.time.Duration;
import java.util.List;
import racebench.process.WorkerLauncher;
import racebench.process.WorkerProcess;
import racebench.workload.TaskSpec;

/**
 * A fresh worker JVM per task, all started at once and each reaped after its one task:
 * the tutorials' {@code Process(target=...)}, start(), join(). Start-up is bounded by the
 * start timeout; the per-task timeout starts once the worker is ready.
 */
final class ProcessPerTaskStrategy implements ExecutionStrategy {
    private final WorkerLauncher launcher;
    private final Duration startTimeout;

    ProcessPerTaskStrategy(WorkerLauncher launcher, Duration startTimeout) {
        this.launcher = launcher;
        this.startTimeout = startTimeout;
    }

    @Override
    public List<Long> run(List<TaskSpec> tasks, Duration perTaskTimeout) throws StrategyException, InterruptedException {
        Batch batch = new Batch(tasks.size());
        Thread[] drivers = new Thread[tasks.size()];
        for (int i = 0; i < drivers.length; i++) {
            int index = i;
            drivers[i] = Thread.ofVirtual().start(() -> runInOwnJvm(batch, index, tasks.get(index), perTaskTimeout));
        }
        try {
            for (Thread d : drivers) {
                d.join();
            }
        } catch (InterruptedException e) {
            batch.cancel(); // each driver kills its worker when interrupted
            for (Thread d : drivers) {
                InProcessStrategy.joinUninterruptibly(d);
            }
            throw e;
        }
        return batch.resultsOrThrow();
    }

    private void runInOwnJvm(Batch batch, int index, TaskSpec spec, Duration timeout) {
        if (!batch.enter()) {
            return;
        }
        WorkerProcess worker = null;
        try {
            worker = ProcessWorkers.start(launcher, 1);
            ProcessWorkers.awaitReady(worker, startTimeout);
            ProcessWorkers.await(batch, index, worker, worker.submit(index, spec), timeout);
        } catch (StrategyException e) {
            batch.fail(e);
        } catch (InterruptedException e) {
            if (worker != null) {
                worker.kill();
            }
        } finally {
            if (worker != null) {
                worker.close();
            }
            batch.exit();
        }
    }

    @Override
    public void close() {
        // nothing persists between runs
    }
}
