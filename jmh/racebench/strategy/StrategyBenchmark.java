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
import racebench.workload.Workload;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Wall time to run one batch of the tutorials' work every way racebench knows: sequentially,
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
    @Param
    public StrategyKind strategy;

    @Param({"DOWNLOAD", "CPU", "MIXED"}) // TASK is TaskBenchmark's
    public Workload workload;

    @Param({"1", "2", "8", "32"})
    public int tasks;

    private MeasuredBatch batch;

    @Setup(Level.Trial)
    public void start() throws Exception {
        OrphanGuard.start(); // a killed racebench must not leave this fork measuring
        batch = MeasuredBatch.start(strategy, workload, tasks);
    }

    @TearDown(Level.Trial)
    public void stop() {
        batch.close();
    }

    @Benchmark
    public List<Long> batch() throws Exception {
        return batch.run();
    }
}
