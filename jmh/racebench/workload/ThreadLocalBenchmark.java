package racebench.workload;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import racebench.process.OrphanGuard;
import racebench.strategy.ThreadTeam;

import java.util.concurrent.TimeUnit;

/**
 * The tutorials' thread-local lesson as a cost: reading a per-thread value through a
 * {@link ThreadLocal} (get, and set once per round), through a {@link ScopedValue} bound for
 * the round (final in JDK 25), or passed as a parameter, on a platform and on a virtual
 * thread. Nanoseconds per read; the parameter is the floor.
 *
 * <p>Run just this: {@code ./racebench bench --include ThreadLocalBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 6, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class ThreadLocalBenchmark {
    static final int READS = 100_000;
    static final ThreadLocal<Long> LOCAL = new ThreadLocal<>();
    static final ScopedValue<Long> SCOPED = ScopedValue.newInstance();

    /** How the per-thread value reaches the code that reads it. */
    public enum Access {
        THREAD_LOCAL, SCOPED_VALUE, PARAMETER
    }

    @Param
    public Access access;

    @Param
    public ThreadTeam.Kind threadKind;

    private ThreadTeam team;

    @Setup(Level.Trial)
    public void open() {
        OrphanGuard.start(); // a killed racebench must not leave this fork measuring
        team = new ThreadTeam(1, threadKind);
    }

    @TearDown(Level.Trial)
    public void close() {
        team.close();
    }

    @Benchmark
    @OperationsPerInvocation(READS)
    public long read() {
        return team.round(member -> {
            Long value = 17L + member;
            return switch (access) {
                case THREAD_LOCAL -> {
                    LOCAL.set(value);
                    yield readLocal();
                }
                case SCOPED_VALUE -> ScopedValue.where(SCOPED, value).call(ThreadLocalBenchmark::readScoped);
                case PARAMETER -> readParameter(value);
            };
        });
    }

    private static long readLocal() {
        long sum = 0;
        for (int i = 0; i < READS; i++) {
            sum += LOCAL.get() ^ i;
        }
        return sum;
    }

    private static long readScoped() {
        long sum = 0;
        for (int i = 0; i < READS; i++) {
            sum += SCOPED.get() ^ i;
        }
        return sum;
    }

    private static long readParameter(Long value) {
        long sum = 0;
        for (int i = 0; i < READS; i++) {
            sum += value ^ i;
        }
        return sum;
    }
}
