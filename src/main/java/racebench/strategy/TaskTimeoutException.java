package racebench.strategy;

import java.time.Duration;

/** A task ran longer than the per-task timeout; it was interrupted, or its worker JVM killed. */
public final class TaskTimeoutException extends StrategyException {
    private final Duration timeout;

    public TaskTimeoutException(int taskIndex, Duration timeout) {
        super(taskIndex, "task " + taskIndex + " timed out after " + timeout, null);
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
