package racebench.strategy;

/** A task threw; in a worker JVM the cause is a {@link RemoteTaskException} with its stack trace as text. */
public final class TaskFailedException extends StrategyException {
    public TaskFailedException(int taskIndex, Throwable cause) {
        super(taskIndex, "task " + taskIndex + " failed: " + cause, cause);
    }
}
