package racebench.bench;

import racebench.stats.RatioInterval;
import racebench.strategy.StrategyKind;
import racebench.workload.StandardBatch;
import racebench.workload.TaskSpec;
import racebench.workload.Workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The figures README promises, checked against a run's rows so that every claim can be
 * re-measured with one command: CPU speedups at 8 tasks, downloads against their longest
 * sleep, the process pool's per-task cost, the AOT-cached JVM start, and precision. A
 * target whose rows were not measured in this run is skipped, not passed.
 */
public final class Targets {

    /** One target: what was promised, what was measured, whether it was met. */
    public record Check(String target, String measured, boolean met) {
    }

    /** The pools with one thread per core: nothing but the batch's own imbalance keeps them from 2.0 on 2 cores. */
    private static final List<StrategyKind> THREAD_PER_CORE = List.of(StrategyKind.FIXED_POOL, StrategyKind.FORK_JOIN);

    private Targets() {
    }

    public static List<Check> check(List<BenchRow> rows, List<BenchAnalysis.Ratio> ratios) {
        List<Check> checks = new ArrayList<>();
        for (StrategyKind kind : THREAD_PER_CORE) {
            row(rows, "CPU", kind, 8).ifPresent(r -> checks.add(new Check(
                    "cpu 8 tasks, " + kind + ": speedup >= 1.9", speedup(r), r.speedup().point() >= 1.9)));
        }
        row(rows, "CPU", StrategyKind.GIL, 8).ifPresent(r -> checks.add(new Check(
                "cpu 8 tasks, GIL: speedup near 1.0 (0.9 to 1.1)", speedup(r),
                r.speedup().point() >= 0.9 && r.speedup().point() <= 1.1)));
        row(rows, "CPU", StrategyKind.PROCESS_POOL, 8).ifPresent(r -> checks.add(new Check(
                "cpu 8 tasks, PROCESS_POOL: speedup >= 1.8", speedup(r), r.speedup().point() >= 1.8)));
        double longestMs = StandardBatch.of(Workload.DOWNLOAD, 8).stream().mapToLong(TaskSpec::sleepNanos).max()
                .orElse(0) / 1e6;
        double averageMs = StandardBatch.of(Workload.DOWNLOAD, 8).stream().mapToLong(TaskSpec::sleepNanos).average()
                .orElse(0) / 1e6;
        for (StrategyKind kind : List.of(StrategyKind.THREAD_PER_TASK, StrategyKind.VIRTUAL)) {
            row(rows, "DOWNLOAD", kind, 8).ifPresent(r -> checks.add(new Check(String.format(Locale.ROOT,
                    "download 8 tasks, %s: within 10%% + 1 ms of the longest sleep (%.0f ms)", kind, longestMs),
                    String.format(Locale.ROOT, "%.2f ms (limit %.2f)", r.summary().trimmedMean(), 1.1 * longestMs + 1),
                    r.summary().trimmedMean() <= 1.1 * longestMs + 1)));
        }
        row(rows, "DOWNLOAD", StrategyKind.FIXED_POOL, 8).ifPresent(r -> {
            double rounds = r.summary().trimmedMean() / averageMs;
            checks.add(new Check("download 8 tasks, FIXED_POOL of " + r.workers() + ": about 8 / "
                    + r.workers() + " rounds of an average sleep",
                    String.format(Locale.ROOT, "%.2f rounds (%.2f ms)", rounds, r.summary().trimmedMean()),
                    Math.abs(rounds - 8.0 / r.workers()) <= 0.5));
        });
        spawn(rows, "PROCESS_POOL_TASK").ifPresent(r -> checks.add(new Check(
                "process pool per-task overhead <= 100 us", String.format(Locale.ROOT, "%.1f us", r.summary().trimmedMean()),
                r.summary().trimmedMean() <= 100)));
        ratios.stream().filter(r -> r.name().startsWith("child JVM start, AOT")).findFirst().ifPresent(r -> checks.add(
                new Check("AOT-cached worker JVM starts faster (interval of AOT/plain below 1)", interval(r.interval()),
                        r.interval().high() < 1)));
        median(rows, "ipc 8 B", "PROCESS_PIPES").ifPresent(pipes -> median(rows, "ipc 8 B", "ARRAY_BLOCKING_QUEUE")
                .ifPresent(queue -> checks.add(new Check(
                        "ipc 8 B: process pipes round trip within 2x of ArrayBlockingQueue's (medians of forks)",
                        String.format(Locale.ROOT, "%.1f us / %.1f us = %.2f", pipes, queue, pipes / queue),
                        pipes <= 2 * queue))));
        median(rows, "ipc 8 B", "MAPPED_FILE").ifPresent(mapped -> checks.add(new Check(
                "ipc 8 B: memory-mapped hand-off under 1 us per round trip (median of forks)",
                String.format(Locale.ROOT, "%.2f us", mapped), mapped < 1)));
        for (String lock : List.of("SYNCHRONIZED", "REENTRANT_LOCKED")) {
            find(rows, r -> r.workload().equals("lock 1 platform thread") && r.strategy().equals(lock)
                    && r.speedup() != null).ifPresent(r -> checks.add(new Check(
                    "lock, 1 thread, " + lock + ": within 2x of the racy volatile floor (floor/lock >= 0.5)",
                    speedup(r), r.speedup().point() >= 0.5)));
        }
        long precise = rows.stream().filter(r -> r.summary().relativeHalfWidth() <= 0.02).count();
        checks.add(new Check("95% CI half-width <= 2% of the mean in at least 90% of rows",
                String.format(Locale.ROOT, "%d of %d rows (%.0f%%)", precise, rows.size(), 100.0 * precise / rows.size()),
                precise >= 0.9 * rows.size()));
        return checks;
    }

    private static Optional<BenchRow> row(List<BenchRow> rows, String workload, StrategyKind kind, int tasks) {
        return find(rows, r -> r.workload().equals(workload) && r.strategy().equals(kind.name()) && r.tasks() == tasks
                && r.speedup() != null);
    }

    private static Optional<BenchRow> spawn(List<BenchRow> rows, String kind) {
        return find(rows, r -> r.workload().equals("spawn") && r.strategy().equals(kind));
    }

    private static Optional<Double> median(List<BenchRow> rows, String workload, String strategy) {
        return find(rows, r -> r.workload().equals(workload) && r.strategy().equals(strategy))
                .map(r -> r.summary().median());
    }

    private static Optional<BenchRow> find(List<BenchRow> rows, Predicate<BenchRow> test) {
        return rows.stream().filter(test).findFirst();
    }

    private static String speedup(BenchRow r) {
        return interval(r.speedup());
    }

    private static String interval(RatioInterval i) {
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", i.point(), i.low(), i.high());
    }
}
