package racebench.strategy;

import racebench.process.WorkerDiedException;

/** The worker JVM running a task died: its exit code and the tail of its stderr. */
public final class WorkerCrashedException extends StrategyException {
    private final int exitCode;
    private final String stderrTail;

    public WorkerCrashedException(int taskIndex, WorkerDiedException died) {
        super(taskIndex, "worker JVM " + died.pid() + " running task " + taskIndex + " crashed with exit code "
                + died.exitCode() + (died.stderrTail().isBlank() ? "" : "; stderr tail:\n" + died.stderrTail()), died);
        this.exitCode = died.exitCode();
        this.stderrTail = died.stderrTail();
    }

    public int exitCode() {
        return exitCode;
    }

    public String stderrTail() {
        return stderrTail;
    }
}
