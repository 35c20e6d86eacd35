package racebench.strategy;

/** A task's failure inside a worker JVM, as the worker described it (class, message, stack trace). */
public final class RemoteTaskException extends Exception {
    public RemoteTaskException(String description) {
        super(description);
    }
}
