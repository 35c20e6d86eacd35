package racebench.strategy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import racebench.process.WorkerLauncher;
import racebench.process.WorkerProcess;
import racebench.workload.TaskSpec;

/**
 * Persistent worker JVMs fed over pipes: the tutorials' {@code Pool(n)} with apply_async, and
 * with {@code threadsPerWorker > 1} its "processes + threads". Workers start in the
 * constructor and serve every run until close(). In a run, each worker has
 * {@code threadsPerWorker} driver threads (virtual) in the parent, each keeping one request in
 * flight and taking the next task index when it is answered, so no task queues inside a
 * worker and a task's timeout measures its execution. A timed-out task's worker is killed;
 * a dead worker is replaced at the start of the next run.
 */
final class ProcessPoolStrategy implements ExecutionStrategy {
    private final WorkerLauncher launcher;
    private final int threadsPerWorker;
    private final Duration startTimeout;
    private final WorkerProcess[] workers;

    ProcessPoolStrategy(int processes, int threadsPerWorker, WorkerLauncher launcher, Duration startTimeout)
            throws StrategyException, InterruptedException {
        this.launcher = launcher;
        this.threadsPerWorker = threadsPerWorker;
        this.startTimeout = startTimeout;
        this.workers = new WorkerProcess[processes];
        try {
            replaceDeadWorkers();
        } catch (StrategyException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void replaceDeadWorkers() throws StrategyException, InterruptedException {
        List<WorkerProcess> started = new ArrayList<>();
        for (int i = 0; i < workers.length; i++) {
            if (workers[i] == null || !workers[i].isAlive()) {
                if (workers[i] != null) {
                    workers[i].close();
                }
                workers[i] = null;
                workers[i] = ProcessWorkers.start(launcher, threadsPerWorker);
                started.add(workers[i]);
            }
        }
        for (WorkerProcess w : started) { // they start in parallel; wait for all
            ProcessWorkers.awaitReady(w, startTimeout);
        }
    }

    @Override
    public List<Long> run(List<TaskSpec> tasks, Duration perTaskTimeout) throws StrategyException, InterruptedException {
        replaceDeadWorkers();
        Batch batch = new Batch(tasks.size());
        AtomicInteger next = new AtomicInteger();
        List<Thread> drivers = new ArrayList<>();
        for (WorkerProcess worker : workers) {
            for (int t = 0; t < threadsPerWorker; t++) {
                drivers.add(Thread.ofVirtual().unstarted(() -> drive(worker, tasks, perTaskTimeout, batch, next)));
            }
        }
        drivers.forEach(Thread::start);
        try {
            for (Thread d : drivers) {
                d.join();
            }
        } catch (InterruptedException e) {
            batch.cancel(); // an abandoned run leaves requests in flight: those workers cannot be reused
            for (WorkerProcess w : workers) {
                w.kill();
            }
            drivers.forEach(InProcessStrategy::joinUninterruptibly);
            throw e;
        }
        return batch.resultsOrThrow();
    }

    private static void drive(WorkerProcess worker, List<TaskSpec> tasks, Duration timeout, Batch batch, AtomicInteger next) {
        while (!batch.stopped()) {
            int index = next.getAndIncrement();
            if (index >= tasks.size()) {
                return;
            }
            try {
                ProcessWorkers.await(batch, index, worker, worker.submit(index, tasks.get(index)), timeout);
            } catch (InterruptedException e) {
                return; // cancelled: run() kills the workers
            }
        }
    }

    @Override
    public void close() {
        for (WorkerProcess w : workers) {
            if (w != null) {
                w.close();
            }
        }
    }
}
