package racebench.strategy;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import racebench.process.OrphanGuard;
import racebench.workload.StandardBatch;
import racebench.workload.TaskSpec;
import racebench.workload.Tasks;
import racebench.workload.Workload;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Wall time to run one batch of the seed's work every way racebench knows: sequentially,
 * a thread per task, pools, virtual threads, a child JVM per task, a pool of worker JVMs,
 * worker JVMs running thread pools, and GIL-bound threads.
 *
 * <p>Input: {@link StandardBatch} — downloads sleep a seeded 5 to 10 ms, CPU tasks are
 * 2 million xorshift steps (about 2 ms), mixed tasks do both; the same seed gives every
 * strategy the same durations. Pools and worker JVMs start in the trial set-up and are
 * reused, as a long-lived application would (worker JVMs first run the batch for a second,
 * so that their JIT is warm); a child JVM per task starts inside the batch.
 * Every batch's checksums are compared with the sequential answer, so no task can be
 * optimised away, lost or run twice. Expect CPU speedup to stop at the 2 cores, downloads
 * to approach the longest sleep with enough workers, and the GIL to stay near 1.
 *
 * <p>Run just this: {@code ./racebench bench --include StrategyBenchmark}; with JMH's own
 * command line: {@code java -cp target/racebench.jar org.openjdk.jmh.Main StrategyBenchmark -p tasks=8}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 6, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class StrategyBenchmark {
    private static final Duration TASK_TIMEOUT = Duration.ofSeconds(30);
    /** JMH's warm-up warms this JVM; worker JVMs start cold in every fork and need their own. */
    private static final Duration WORKER_WARM_UP = Duration.ofSeconds(1);

    @Param
    public StrategyKind strategy;

    @Param
    public Workload workload;

    @Param({"1", "2", "8", "32"})
    public int tasks;

    private ExecutionStrategy runner;
    private List<TaskSpec> batch;
    private List<Long> expected;

    @Setup(Level.Trial)
    public void start() throws Exception {
        OrphanGuard.start(); // a killed racebench must not leave this fork measuring
        batch = StandardBatch.of(workload, tasks);
        expected = Tasks.expectedChecksums(batch);
        runner = strategy.create();
        if (strategy.keepsWorkerJvms()) {
            runner.warmUp(batch, WORKER_WARM_UP, TASK_TIMEOUT);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        runner.close();
    }

    @Benchmark
    public List<Long> batch() throws Exception {
        List<Long> results = runner.run(batch, TASK_TIMEOUT);
        if (!results.equals(expected)) {
            throw new IllegalStateException(strategy + " returned " + results + ", expected " + expected);
        }
        return results;
    }
}
