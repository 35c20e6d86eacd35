package racebench.workload;

import java.util.List;

/**
 * The batches the benchmarks run, fixed so every strategy gets the same work and the
 * analysis can recompute the physical floor: downloads of 5 to 10 ms drawn from one seed,
 * CPU tasks of {@link #CPU_SIZE} xorshift steps (a few milliseconds each).
 */
public final class StandardBatch {
    public static final long SEED = 20261121L;
    public static final int CPU_SIZE = 2_000_000;

    private StandardBatch() {
    }

    /**
     * Makes every CPU task this much larger, to inject a known slowdown: only {@code calibrate}
     * sets it (on its JMH forks' command line), to measure how much of a slowdown the nightly
     * detects. Unset, the batch is the standard one.
     */
    public static final String CPU_SCALE_PROPERTY = "racebench.cpuScale";

    public static List<TaskSpec> of(Workload workload, int tasks) {
        return workload.batch(tasks, SEED, Workload.DEFAULT_UNIT, cpuSize());
    }

    static int cpuSize() {
        String scale = System.getProperty(CPU_SCALE_PROPERTY);
        if (scale == null) {
            return CPU_SIZE;
        }
        double factor = Double.parseDouble(scale);
        if (!(factor >= 1 && factor <= 10)) {
            throw new IllegalArgumentException(CPU_SCALE_PROPERTY + " must lie in [1, 10]: " + scale);
        }
        return (int) Math.round(CPU_SIZE * factor);
    }
}
