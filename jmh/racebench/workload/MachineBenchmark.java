package racebench.workload;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import racebench.process.OrphanGuard;

import java.util.concurrent.TimeUnit;

/**
 * The nightly's machine check: a fixed integer loop (xorshift, 100,000 steps) whose code is
 * not racebench's to change and which no option scales ({@code racebench.cpuScale} is read only
 * by {@link StandardBatch}). A nightly compares it with each baseline night's before it judges
 * a row: when it moved by more than the noise threshold, the machine changed, not the build
 * ({@code racebench.nightly.MachineCheck}).
 *
 * <p>Run just this: {@code ./racebench bench --include MachineBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 6, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class MachineBenchmark {
    static final int STEPS = 100_000;

    /** Not final, so the loop cannot be computed at compile time. */
    long seed = 0x9E3779B97F4A7C15L;

    @Setup(Level.Trial)
    public void open() {
        OrphanGuard.start(); // a killed racebench must not leave this fork measuring
    }

    @Benchmark
    public long cpu() {
        long x = seed;
        long sum = 0;
        for (int i = 0; i < STEPS; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            sum += (x * 0xBF58476D1CE4E5B9L) >>> 31;
        }
        return sum;
    }
}
