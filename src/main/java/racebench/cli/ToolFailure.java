package racebench.cli;

/** The underlying tool (jcstress, JMH, a child JVM) failed: printed as one line, exit code 3. */
public final class ToolFailure extends RuntimeException {
    public ToolFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
