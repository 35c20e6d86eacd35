package racebench.workload;

/**
 * Test hooks only: a task that is asked to misbehave, so the strategy contract test can
 * prove failures and worker crashes surface. Benchmarks and the CLI always use {@link #NONE}.
 */
public enum TaskFault {
    NONE,
    /** the task throws instead of returning a checksum */
    FAIL_FOR_TEST,
    /** a worker JVM halts with exit code 42 before running the task; in-process it just fails */
    CRASH_WORKER_FOR_TEST;

    /** The exit code a worker JVM halts with for {@link #CRASH_WORKER_FOR_TEST}. */
    public static final int CRASH_EXIT_CODE = 42;
}
