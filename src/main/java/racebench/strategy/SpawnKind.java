package racebench.strategy;

import racebench.process.Children;
import racebench.process.WorkerLauncher;
import racebench.process.WorkerSpawn;
import racebench.workload.TaskSpec;
import racebench.workload.Workload;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The unit of each way to run work, started and finished once: what a task pays before it
 * does anything. Threads and pools cost microseconds; a process costs at least a
 * {@code fork}/{@code exec} ({@code /bin/true} is that floor) and a JVM start on top; a
 * warm worker JVM costs a round trip over its pipes.
 */
public enum SpawnKind {
    /** {@code new Thread(r)}, start, join */
    PLATFORM_THREAD,
    /** a virtual thread, start, join */
    VIRTUAL_THREAD,
    /** submit to a warm fixed pool, get */
    POOL_SUBMIT,
    /** a trivial task through a warm worker JVM: the process pool's per-task overhead */
    PROCESS_POOL_TASK,
    /** ProcessBuilder of /bin/true: the floor for any process */
    BIN_TRUE,
    /** a worker JVM started, given one trivial task, and reaped */
    CHILD_JVM,
    /** the same with a JDK 25 AOT cache made for the worker (needs a JAR class path) */
    CHILD_JVM_AOT;

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final TaskSpec TRIVIAL = new TaskSpec(0, Workload.CPU, 0, 0);

    /** One started-and-finished unit; open() does the one-time set-up (pools, workers, the AOT cache). */
    public interface Spawner extends AutoCloseable {
        long once() throws Exception;

        @Override
        default void close() {
        }
    }

    public Spawner open() throws Exception {
        AtomicLong sink = new AtomicLong();
        return switch (this) {
            case PLATFORM_THREAD -> () -> {
                Thread t = new Thread(sink::incrementAndGet);
                t.start();
                t.join();
                return sink.get();
            };
            case VIRTUAL_THREAD -> () -> {
                Thread t = Thread.ofVirtual().start(sink::incrementAndGet);
                t.join();
                return sink.get();
            };
            case POOL_SUBMIT -> {
                ExecutorService pool = Executors.newFixedThreadPool(1);
                yield new Spawner() {
                    @Override
                    public long once() throws Exception {
                        return pool.submit(sink::incrementAndGet).get();
                    }

                    @Override
                    public void close() {
                        pool.shutdownNow();
                    }
                };
            }
            case PROCESS_POOL_TASK -> {
                ExecutionStrategy pool = StrategyKind.PROCESS_POOL.create(StrategyOptions.defaults().withProcesses(1));
                yield new Spawner() {
                    @Override
                    public long once() throws Exception {
                        return pool.run(List.of(TRIVIAL), TIMEOUT).getFirst();
                    }

                    @Override
                    public void close() {
                        pool.close();
                    }
                };
            }
            case BIN_TRUE -> () -> {
                Process p = Children.start(new ProcessBuilder("/bin/true"));
                try {
                    return p.waitFor();
                } finally {
                    Children.reap(p, 1_000);
                }
            };
            case CHILD_JVM -> jvm(WorkerSpawn.launcher(false));
            case CHILD_JVM_AOT -> {
                // measuring a plain start under the AOT label would be a lie: refuse instead
                WorkerSpawn.aotSkippedReason().ifPresent(reason -> {
                    throw new IllegalStateException(reason);
                });
                yield jvm(WorkerSpawn.launcher(true));
            }
        };
    }

    private static Spawner jvm(WorkerLauncher launcher) {
        return () -> WorkerSpawn.spawnAndJoin(launcher);
    }
}
