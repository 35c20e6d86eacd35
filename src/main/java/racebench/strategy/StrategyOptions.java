package racebench.strategy;

import java.time.Duration;
import racebench.process.WorkerLauncher;
import racebench.process.WorkerProcess;

/**
 * The knobs of the process strategies: how many worker JVMs a pool keeps, how many threads
 * each runs (PROCESS_THREADS only), how they are launched (JVM flags, AOT cache) and how
 * long a worker may take to start. Thread strategies size themselves from the kind.
 */
public record StrategyOptions(int processes, int threadsPerProcess, WorkerLauncher launcher, Duration startTimeout) {

    public StrategyOptions {
        if (processes < 1 || threadsPerProcess < 1) {
            throw new IllegalArgumentException("processes and threadsPerProcess must be at least 1");
        }
    }

    /** A worker JVM per core, two threads each, the parent's class path, no AOT cache. */
    public static StrategyOptions defaults() {
        return new StrategyOptions(cores(), 2, WorkerLauncher.defaults(), WorkerProcess.DEFAULT_START_TIMEOUT);
    }

    public StrategyOptions withProcesses(int n) {
        return new StrategyOptions(n, threadsPerProcess, launcher, startTimeout);
    }

    public StrategyOptions withThreadsPerProcess(int n) {
        return new StrategyOptions(processes, n, launcher, startTimeout);
    }

    public StrategyOptions withLauncher(WorkerLauncher l) {
        return new StrategyOptions(processes, threadsPerProcess, l, startTimeout);
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
