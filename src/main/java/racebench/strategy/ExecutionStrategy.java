package racebench.strategy;

import java.time.Duration;
import java.util.List;
import racebench.workload.TaskSpec;

/**
 * One way to run a batch of tasks: threads, pools, virtual threads, worker JVMs or a GIL.
 * A strategy is created once (pools and worker JVMs start then) and may run many batches;
 * close() stops its threads and kills and reaps its worker JVMs.
 *
 * run() returns one checksum per task in submission order, or throws the first failure
 * (a {@link TaskFailedException}, {@link TaskTimeoutException} or {@link WorkerCrashedException},
 * with later ones suppressed). Once a task fails no new task starts; those already running
 * finish or time out before run() returns, so nothing of a batch outlives its run.
 */
public interface ExecutionStrategy extends AutoCloseable {

    List<Long> run(List<TaskSpec> tasks, Duration perTaskTimeout) throws StrategyException, InterruptedException;

    /**
     * Runs the batch again and again for at least {@code duration}. A pool of worker JVMs is
     * cold when it starts: each JVM's JIT learns the task only by running it, and a JMH fork
     * starts fresh workers, so without this its measurement would time their warm-up.
     */
    default void warmUp(List<TaskSpec> tasks, Duration duration, Duration perTaskTimeout)
            throws StrategyException, InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        do {
            run(tasks, perTaskTimeout);
        } while (System.nanoTime() < end);
    }

    @Override
    void close();
}
