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

import java.util.concurrent.TimeUnit;

/**
 * The cost to start and finish one unit of each kind ({@link SpawnKind}): a platform
 * thread, a virtual thread, a pool submission, a task through a warm worker JVM, a
 * {@code /bin/true} process, and a whole worker JVM with and without a JDK 25 AOT cache.
 * The unit does no work, so the score is pure overhead; expect microseconds for threads
 * and pools, tens of milliseconds for a JVM.
 *
 * <p>Run just this: {@code ./racebench bench --include SpawnBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 6, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class SpawnBenchmark {

    @Param
    public SpawnKind kind;

    private SpawnKind.Spawner spawner;

    @Setup(Level.Trial)
    public void open() throws Exception {
        OrphanGuard.start(); // a killed racebench must not leave this fork measuring
        spawner = kind.open();
    }

    @TearDown(Level.Trial)
    public void close() {
        spawner.close();
    }

    @Benchmark
    public long spawn() throws Exception {
        return spawner.once();
    }
}
