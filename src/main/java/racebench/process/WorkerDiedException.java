package racebench.process;

/**
 * A worker JVM ended while tasks were in flight: its exit code and the tail of its
 * stderr. {@link #killedByParent()} tells a deliberate kill (after a timeout, on close)
 * from a crash.
 */
public final class WorkerDiedException extends Exception {
    private final long pid;
    private final int exitCode;
    private final String stderrTail;
    private final boolean killedByParent;

    public WorkerDiedException(long pid, int exitCode, String stderrTail, boolean killedByParent, Throwable cause) {
        super("worker JVM " + pid + (killedByParent ? " was killed" : " died") + " with exit code " + exitCode
                + (stderrTail.isBlank() ? "" : "; stderr tail:\n" + stderrTail), cause);
        this.pid = pid;
        this.exitCode = exitCode;
        this.stderrTail = stderrTail;
        this.killedByParent = killedByParent;
    }

    public long pid() {
        return pid;
    }

    public int exitCode() {
        return exitCode;
    }

    public String stderrTail() {
        return stderrTail;
    }

    public boolean killedByParent() {
        return killedByParent;
    }
}
