package racebench.strategy;

/**
 * Why a batch did not complete: the base of the failures a run reports. {@link #taskIndex()}
 * is the position in the batch of the task that failed, or -1 when no task is to blame
 * (a worker JVM that would not start).
 */
public class StrategyException extends Exception {
    private final int taskIndex;

    public StrategyException(int taskIndex, String message, Throwable cause) {
        super(message, cause);
        this.taskIndex = taskIndex;
    }

    public int taskIndex() {
        return taskIndex;
    }
}
