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

    @Override
    void close();
}
