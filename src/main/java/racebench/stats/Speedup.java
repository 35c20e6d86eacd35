package racebench.stats;

import java.util.PriorityQueue;

/**
 * The physical limits a report sets measurements against. CPU-bound work speeds up at most
 * min(cores, tasks) times; sleeping "downloads" take at least the longest sleep and, in a pool
 * of {@code workers}, at least total / workers. Times are nanoseconds.
 *
 * <p>Two ideals for a pool, because they answer different questions: {@link #idealDownloadNanos}
 * is a lower bound no scheduler can beat; {@link #greedyMakespan} is what a FIFO pool
 * (a fixed {@code ThreadPoolExecutor}) achieves with zero overhead, since it hands each task in
 * submission order to the first free worker. {@code overhead(measured, greedyMakespan)} is then
 * the pool's own cost; against the lower bound it also counts the unlucky order of the tasks.
 */
public final class Speedup {

    private Speedup() {
    }

    /** mean(sequential) / mean(parallel), both times. */
    public static double speedup(double sequential, double parallel) {
        return sequential / parallel;
    }

    /** Speedup over its ceiling min(cores, tasks): 1.0 is perfect scaling. */
    public static double efficiency(double speedup, int cores, int tasks) {
        if (cores < 1 || tasks < 1) {
            throw new IllegalArgumentException("cores " + cores + ", tasks " + tasks);
        }
        return speedup / Math.min(cores, tasks);
    }

    /**
     * Lower bound on the wall time of {@code sleepNanos.length} sleeping tasks on {@code workers}
     * threads: max(longest sleep, ceil(total / workers)); the longest sleep alone once
     * {@code workers >= tasks}.
     */
    public static long idealDownloadNanos(long[] sleepNanos, int workers) {
        check(sleepNanos, workers);
        long longest = 0;
        long total = 0;
        for (long s : sleepNanos) {
            longest = Math.max(longest, s);
            total = Math.addExact(total, s);
        }
        return workers >= sleepNanos.length ? longest : Math.max(longest, Math.ceilDiv(total, workers));
    }

    /**
     * List scheduling in submission order: each task goes to the worker that becomes free first.
     * {10, 5, 8, 7} on 2 workers: 10 | 5, then 8 after 5 (ends 13), then 7 after 10 (ends 17).
     */
    public static long greedyMakespan(long[] durations, int workers) {
        check(durations, workers);
        PriorityQueue<Long> freeAt = new PriorityQueue<>();
        long makespan = 0;
        for (long d : durations) {
            long start = freeAt.size() < workers ? 0 : freeAt.poll();
            long end = Math.addExact(start, d);
            freeAt.add(end);
            makespan = Math.max(makespan, end);
        }
        return makespan;
    }

    /** measured / ideal - 1: 0.10 reads "10% slower than the limit". */
    public static double overhead(double measured, double ideal) {
        if (!(ideal > 0)) {
            throw new IllegalArgumentException("ideal must be positive: " + ideal);
        }
        return measured / ideal - 1;
    }

    private static void check(long[] durations, int workers) {
        if (durations == null || durations.length == 0) {
            throw new IllegalArgumentException("no tasks");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be positive: " + workers);
        }
        for (long d : durations) {
            if (d < 0) {
                throw new IllegalArgumentException("negative duration: " + d);
            }
        }
    }
}
