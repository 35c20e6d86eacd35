package racebench.workload;

import java.util.List;

/**
 * The batches the benchmarks run, fixed so every strategy gets the same work and the
 * analysis can recompute the physical floor: downloads of 5 to 10 ms drawn from one seed,
 * CPU tasks of {@link #CPU_SIZE} xorshift steps (about 2 ms each on the 2-vCPU machine the
 * README's figures come from).
 */
public final class StandardBatch {
    public static final long SEED = 20261121L;
    public static final int CPU_SIZE = 2_000_000;

    private StandardBatch() {
    }

    public static List<TaskSpec> of(Workload workload, int tasks) {
        return workload.batch(tasks, SEED, Workload.DEFAULT_UNIT, CPU_SIZE);
    }
}
