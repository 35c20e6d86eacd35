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
import racebench.workload.counter.CounterKind;
import racebench.workload.counter.SharedCounter;

import java.util.concurrent.TimeUnit;

/**
 * The tutorials' critical section, {@code NUM += n; NUM -= n}, under each fix from the race
 * suite, on a team of 1, 2 or 4 platform or virtual threads that all call one counter:
 * nanoseconds per call, per thread. {@code RACY} (a plain field, which C2 folds to nothing)
 * and {@code RACY_VOLATILE} are the wrong floor a fix is measured against. One thread shows
 * what a lock costs when nobody else wants it; two and four show contention on two cores,
 * where the ranking follows how each fix waits (spin, park, retry).
 *
 * <p>Run just this: {@code ./racebench bench --include LockBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 6, time = 100, timeUnit = TimeUnit.MILLISECONDS)
public class LockBenchmark {
    /** Calls per thread per round: milliseconds of work against a round's tens of microseconds of hand-off. */
    static final int CALLS = 20_000;
    /** Virtual threads that each sleep in the critical section {@link #SLEEPS} times per round. */
    static final int SLEEPERS = 16;
    static final int SLEEPS = 4;

    @State(Scope.Benchmark)
    public static class Counters {
        @Param({"RACY", "RACY_VOLATILE", "SYNCHRONIZED", "REENTRANT_LOCKED", "CALLER_LOCKED", "ATOMIC", "LONG_ADDER",
                "CAS_LOOP", "STAMPED_LOCKED", "SEMAPHORE"})
        public CounterKind counter;

        @Param({"1", "2", "4"})
        public int threads;

        @Param
        public ThreadTeam.Kind threadKind;

        SharedCounter shared;
        ThreadTeam team;

        @Setup(Level.Trial)
        public void open() {
            OrphanGuard.start(); // a killed racebench must not leave this fork measuring
            shared = counter.create();
            team = new ThreadTeam(threads, threadKind);
        }

        @TearDown(Level.Trial)
        public void close() {
            team.close();
        }
    }

    /** The lock a sleeping critical section takes on many virtual threads. */
    public enum SleepLock {
        SYNCHRONIZED, REENTRANT_LOCK
    }

    @State(Scope.Benchmark)
    public static class Sleepers {
        @Param
        public SleepLock lock;

        final Object monitor = new Object();
        final java.util.concurrent.locks.ReentrantLock reentrant = new java.util.concurrent.locks.ReentrantLock();
        ThreadTeam team;

        @Setup(Level.Trial)
        public void open() {
            OrphanGuard.start();
            team = new ThreadTeam(SLEEPERS, ThreadTeam.Kind.VIRTUAL);
        }

        @TearDown(Level.Trial)
        public void close() {
            team.close();
        }

        long sleepInside() {
            try {
                if (lock == SleepLock.SYNCHRONIZED) {
                    synchronized (monitor) {
                        Thread.sleep(0, 50_000);
                    }
                } else {
                    reentrant.lock();
                    try {
                        Thread.sleep(0, 50_000);
                    } finally {
                        reentrant.unlock();
                    }
                }
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long criticalSection(Counters s) {
        SharedCounter c = s.shared;
        return s.team.round(member -> {
            for (int i = 0; i < CALLS; i++) {
                c.run(1 + (i & 3));
            }
            return c.value();
        });
    }

    /**
     * A 50 µs sleep inside the critical section on 16 virtual threads: before JDK 24 a virtual
     * thread in {@code synchronized} pinned its carrier (JEP 491 ended that), so the two locks
     * should now cost the same, about the serialised sleeps. Time per critical section.
     */
    @Benchmark
    @OperationsPerInvocation(SLEEPERS * SLEEPS)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long sleepInCriticalSection(Sleepers s) {
        return s.team.round(member -> {
            long done = 0;
            for (int i = 0; i < SLEEPS; i++) {
                done += s.sleepInside();
            }
            return done;
        });
    }
}
