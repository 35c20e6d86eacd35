package racebench.demo;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * What a demo may be told: the length of the tutorials' second ({@code unit}; tests shorten it),
 * the tutorials for the random download sizes (empty: a new draw each run, as the tutorials'
 * {@code randint}), and the size of the pools (the number of cores, as the tutorials advise).
 */
public record DemoOptions(Duration unit, OptionalLong seed, int workers) {
    public static final Duration DEFAULT_UNIT = Duration.ofSeconds(1);

    public DemoOptions {
        if (unit.isNegative() || unit.isZero()) {
            throw new IllegalArgumentException("unit must be positive, got " + unit);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
    }

    public static DemoOptions defaults() {
        return new DemoOptions(DEFAULT_UNIT, OptionalLong.empty(), Runtime.getRuntime().availableProcessors());
    }

    public DemoOptions withUnit(Duration u) {
        return new DemoOptions(u, seed, workers);
    }

    public DemoOptions withSeed(long s) {
        return new DemoOptions(unit, OptionalLong.of(s), workers);
    }

    public DemoOptions withWorkers(int n) {
        return new DemoOptions(unit, seed, n);
    }

    SplittableRandom random() {
        return seed.isPresent() ? new SplittableRandom(seed.getAsLong()) : new SplittableRandom();
    }

    /** {@code units} of the tutorials' seconds, in nanoseconds. */
    long nanos(double units) {
        return Math.round(unit.toNanos() * units);
    }

    /** Elapsed nanoseconds in units, for "took 7.02 units". */
    double units(long nanos) {
        return (double) nanos / unit.toNanos();
    }

    /** How a unit reads in a line: "1 s", "10 ms". */
    String unitLabel() {
        long ms = unit.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
