package racebench.strategy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import racebench.process.Frames;
import racebench.process.WorkerDiedException;
import racebench.process.WorkerLauncher;
import racebench.process.WorkerProcess;

/** How the process strategies start workers and turn their answers into a batch's results or failures. */
final class ProcessWorkers {
    private ProcessWorkers() {
    }

    static WorkerProcess start(WorkerLauncher launcher, int threads) throws StrategyException {
        try {
            return WorkerProcess.start(launcher, threads);
        } catch (IOException e) {
            throw new StrategyException(-1, "cannot start a worker JVM: " + e.getMessage(), e);
        }
    }

    static void awaitReady(WorkerProcess worker, Duration timeout) throws StrategyException, InterruptedException {
        try {
            worker.awaitReady(timeout);
        } catch (WorkerDiedException e) {
            throw new StrategyException(-1, "worker JVM died while starting: " + e.getMessage(), e);
        } catch (TimeoutException e) {
            worker.kill();
            throw new StrategyException(-1, "worker JVM " + worker.pid() + " not ready after " + timeout
                    + "; stderr tail:\n" + worker.stderrTail(), e);
        }
    }

    static void record(Batch batch, int index, Frames.Response response) {
        if (response.ok()) {
            batch.complete(index, response.checksum());
        } else {
            batch.fail(new TaskFailedException(index, new RemoteTaskException(response.error())));
        }
    }

    /**
     * Waits for a task's response within its timeout and records what came: its result, a
     * timeout (the worker killed, so the task stops) or the worker's death.
     */
    static void await(Batch batch, int index, WorkerProcess worker,
                      java.util.concurrent.CompletableFuture<Frames.Response> response, java.time.Duration timeout)
            throws InterruptedException {
        try {
            record(batch, index, response.get(Watchdog.nanos(timeout), java.util.concurrent.TimeUnit.NANOSECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            worker.kill();
            batch.fail(new TaskTimeoutException(index, timeout));
        } catch (java.util.concurrent.ExecutionException e) {
            recordDeath(batch, index, (WorkerDiedException) e.getCause());
        }
    }

    /** A worker died under a task: a crash is the task's failure; a kill by us is a consequence of another one. */
    static void recordDeath(Batch batch, int index, WorkerDiedException died) {
        if (!died.killedByParent()) {
            batch.fail(new WorkerCrashedException(index, died));
        }
    }
}
