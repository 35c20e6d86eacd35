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

    /** A worker died under a task: a crash is the task's failure; a kill by us is a consequence of another one. */
    static void recordDeath(Batch batch, int index, WorkerDiedException died) {
        if (!died.killedByParent()) {
            batch.fail(new WorkerCrashedException(index, died));
        }
    }
}
