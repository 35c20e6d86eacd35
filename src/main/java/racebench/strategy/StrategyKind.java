package racebench.strategy;

import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import racebench.workload.CpuGate;

/**
 * Every way racebench runs a batch, named once for the CLI, JMH's {@code @Param} and the
 * CSV's strategy column. {@link #workers(int, StrategyOptions)} is how many tasks can be
 * in progress at once, for ideal-time math (a download batch needs at least
 * ceil(tasks / workers) rounds); {@link #cpuWorkers} is how many can compute at once,
 * which differs only for the GIL.
 */
public enum StrategyKind {
    /** the baseline: one task after another on the caller's thread */
    SEQUENTIAL(false),
    /** {@code new Thread(runnable)} per task: the tutorials' Thread(target=...) */
    THREAD_PER_TASK(false),
    /** a {@code DownloadTask extends Thread} per task: the tutorials' class DownloadTask(Thread) */
    THREAD_SUBCLASS(false),
    /** a fixed thread pool with a thread per core */
    FIXED_POOL(false),
    /** a fixed pool of 4 threads: the tutorials' Pool(4) */
    POOL_OF_4(false),
    /** a cached thread pool: a thread per concurrent task, reused */
    CACHED_POOL(false),
    /** a ForkJoinPool with parallelism = cores; sleeping tasks block its workers */
    FORK_JOIN(false),
    /** a virtual thread per task */
    VIRTUAL(false),
    /** a child JVM per task: the tutorials' Process(target=...) */
    PROCESS_PER_TASK(true),
    /** persistent single-threaded worker JVMs fed over pipes: the tutorials' multiprocessing Pool */
    PROCESS_POOL(true),
    /** persistent worker JVMs each running a thread pool: the tutorials' processes + threads */
    PROCESS_THREADS(true),
    /** a platform thread per task that holds one global lock while computing: CPython's GIL */
    GIL(false);

    private final boolean process;

    StrategyKind(boolean process) {
        this.process = process;
    }

    /** True for the pools of persistent worker JVMs, which must be warmed before they are measured. */
    public boolean keepsWorkerJvms() {
        return this == PROCESS_POOL || this == PROCESS_THREADS;
    }

    /** True when tasks run in child JVMs. */
    public boolean isProcess() {
        return process;
    }

    public ExecutionStrategy create() throws StrategyException, InterruptedException {
        return create(StrategyOptions.defaults());
    }

    /** Starts the strategy's threads or worker JVMs; close() the result to stop and reap them. */
    public ExecutionStrategy create(StrategyOptions o) throws StrategyException, InterruptedException {
        int cores = StrategyOptions.cores();
        return switch (this) {
            case SEQUENTIAL -> new SequentialStrategy();
            case THREAD_PER_TASK -> new ThreadPerTaskStrategy(false, CpuGate.NONE);
            case THREAD_SUBCLASS -> new ThreadPerTaskStrategy(true, CpuGate.NONE);
            case FIXED_POOL -> new ExecutorStrategy(Executors.newFixedThreadPool(cores));
            case POOL_OF_4 -> new ExecutorStrategy(Executors.newFixedThreadPool(4));
            case CACHED_POOL -> new ExecutorStrategy(Executors.newCachedThreadPool());
            case FORK_JOIN -> new ExecutorStrategy(new ForkJoinPool(cores));
            case VIRTUAL -> new ExecutorStrategy(Executors.newVirtualThreadPerTaskExecutor());
            case PROCESS_PER_TASK -> new ProcessPerTaskStrategy(o.launcher(), o.startTimeout());
            case PROCESS_POOL -> new ProcessPoolStrategy(o.processes(), 1, o.launcher(), o.startTimeout());
            case PROCESS_THREADS -> new ProcessPoolStrategy(o.processes(), o.threadsPerProcess(), o.launcher(),
                    o.startTimeout());
            case GIL -> new ThreadPerTaskStrategy(false, new GlobalInterpreterLock());
        };
    }

    public int workers(int tasks) {
        return workers(tasks, StrategyOptions.defaults());
    }

    /** How many tasks of a batch of {@code tasks} can be in progress at once. */
    public int workers(int tasks, StrategyOptions o) {
        int cores = StrategyOptions.cores();
        int limit = switch (this) {
            case SEQUENTIAL -> 1;
            case FIXED_POOL, FORK_JOIN -> cores;
            case POOL_OF_4 -> 4;
            case PROCESS_POOL -> o.processes();
            case PROCESS_THREADS -> o.processes() * o.threadsPerProcess();
            case THREAD_PER_TASK, THREAD_SUBCLASS, CACHED_POOL, VIRTUAL, PROCESS_PER_TASK, GIL -> tasks;
        };
        return Math.min(limit, tasks);
    }

    /** How many of them can compute at once: the GIL lets one. */
    public int cpuWorkers(int tasks, StrategyOptions o) {
        return this == GIL ? Math.min(1, tasks) : workers(tasks, o);
    }
}
