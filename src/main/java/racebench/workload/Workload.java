package racebench.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The tutorials' two kinds of work and their mix. A batch is built from a seed: every task
 * draws a download time of 5 to 10 units (the tutorials' {@code randint(5, 10)}) from one
 * SplittableRandom, whatever its kind, so the same seed gives the same durations to every
 * strategy; CPU and MIXED tasks take {@code cpuSize} mixing steps each.
 */
public enum Workload {
    /** sleep 5 to 10 units: the tutorials' download */
    DOWNLOAD,
    /** {@code cpuSize} xorshift steps, no sleep */
    CPU,
    /** a download, then CPU work seeded from what was "downloaded" */
    MIXED,
    /** a user's Runnable or Callable ({@link UserTask}): {@code bench --task} */
    TASK;

    public static final Duration DEFAULT_UNIT = Duration.ofMillis(1);
    public static final int MIN_UNITS = 5;
    public static final int MAX_UNITS = 10;

    public List<TaskSpec> batch(int tasks, long seed, Duration unit, int cpuSize) {
        if (tasks < 0 || cpuSize < 0 || unit.isNegative()) {
            throw new IllegalArgumentException("tasks, cpuSize and unit must not be negative");
        }
        long unitNanos = unit.toNanos();
        SplittableRandom random = new SplittableRandom(seed);
        List<TaskSpec> batch = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            long sleep = random.nextInt(MIN_UNITS, MAX_UNITS + 1) * unitNanos;
            batch.add(switch (this) {
                case DOWNLOAD -> new TaskSpec(i, this, sleep, 0);
                case CPU -> new TaskSpec(i, this, 0, cpuSize);
                case MIXED -> new TaskSpec(i, this, sleep, cpuSize);
                case TASK -> new TaskSpec(i, this, 0, 0);
            });
        }
        return List.copyOf(batch);
    }

    public List<TaskSpec> batch(int tasks, long seed, int cpuSize) {
        return batch(tasks, seed, DEFAULT_UNIT, cpuSize);
    }
}
