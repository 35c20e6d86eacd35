package racebench.bench;

import racebench.results.Csv;
import racebench.stats.RatioInterval;
import racebench.stats.Summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row of bench.csv: a benchmark and parameter set, summarised over its forks.
 *
 * @param benchmark    e.g. StrategyBenchmark.batch
 * @param workload     CPU, DOWNLOAD, MIXED, or "spawn" for SpawnBenchmark ({@link BenchmarkMapping}); for a
 *                     benchmark racebench does not know, its class and mode (the mode only when not average time)
 * @param strategy     the StrategyKind, or the SpawnKind; for a benchmark racebench does not know, its
 *                     method and parameters, {@code parse a=1 b=2}
 * @param tasks        tasks per batch (1 for a spawn); 0, an empty cell, for a benchmark racebench does not know
 * @param workers      tasks that can be in progress at once; 0 likewise
 * @param unit         JMH's score unit, e.g. ms/op
 * @param summary      Student t summary over fork means
 * @param speedup      sequential / this, bootstrap interval over forks; null where there is no baseline
 * @param efficiency   speedup / min(cores, tasks), CPU-bound rows only; NaN elsewhere
 * @param ideal        the physical floor in {@code unit}: the greedy makespan of the downloads; NaN elsewhere
 * @param trimmedIterations measurement iterations dropped as warm-up transient, over all forks
 * @param id           the row: benchmark, JMH mode and parameters, each parameter also a column of its own
 */
public record BenchRow(String benchmark, String workload, String strategy, int tasks, int workers, String unit,
                       Summary summary, RatioInterval speedup, double efficiency, double ideal, int trimmedIterations,
                       RowId id, Map<String, String> params) {

    public static final List<String> HEADER = List.of("benchmark", "workload", "strategy", "tasks", "workers", "unit",
            "forks", "mean", "trimmed_mean", "stdev", "ci_low", "ci_high", "median", "rel_ci_half_width", "speedup", "speedup_ci_low",
            "speedup_ci_high", "efficiency", "ideal", "overhead", "trimmed_iterations", "forks_for_target", "mode");

    public BenchRow {
        params = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(params));
    }

    /** bench.csv's columns for these rows: {@link #HEADER}, then a column per parameter any of them has. */
    public static List<String> header(List<BenchRow> rows) {
        return racebench.results.ParamColumns.header(HEADER, paramNames(rows));
    }

    /** Every parameter name of these rows, sorted. */
    public static List<String> paramNames(List<BenchRow> rows) {
        return racebench.results.ParamColumns.names(rows.stream().map(r -> r.id().params()).toList());
    }

    /** The row's cells under {@link #header}: an empty cell for a parameter it does not have. */
    public List<Object> cells(List<String> paramNames) {
        List<Object> cells = cells();
        cells.addAll(racebench.results.ParamColumns.cells(id.params(), paramNames));
        return cells;
    }

    /** measured / ideal - 1: what the strategy costs beyond the sleeps themselves. */
    public double overhead() {
        return Double.isNaN(ideal) ? Double.NaN : summary.trimmedMean() / ideal - 1;
    }

    public List<Object> cells() {
        List<Object> cells = new ArrayList<>(List.of(benchmark, workload, strategy, tasks == 0 ? "" : tasks,
                workers == 0 ? "" : workers, unit,
                summary.n(), num(summary.mean()), num(summary.trimmedMean()), num(summary.stdev()), num(summary.ciLow()),
                num(summary.ciHigh()),
                num(summary.median()), Csv.number(summary.relativeHalfWidth(), 5)));
        if (speedup == null) {
            cells.addAll(List.of("", "", ""));
        } else {
            cells.addAll(List.of(Csv.number(speedup.point(), 4), Csv.number(speedup.low(), 4),
                    Csv.number(speedup.high(), 4)));
        }
        cells.addAll(List.of(Csv.number(efficiency, 4), num(ideal), Csv.number(overhead(), 4), trimmedIterations));
        int needed = forksForTarget();
        cells.add(needed == Integer.MAX_VALUE ? "" : needed);
        cells.add(id.mode());
        return cells;
    }

    /**
     * The forks this row's spread says its interval needs to come within the profiles' target
     * (±2%) of the mean ({@link Summary#forksFor}), and for a row not within it yet at least one
     * more than it has; {@link Integer#MAX_VALUE}, an empty cell, when it cannot tell (fewer than
     * three forks) or it would take more than a million.
     */
    public int forksForTarget() {
        int estimate = summary.forksFor(Profile.TARGET_HALF_WIDTH);
        boolean within = summary.relativeHalfWidth() <= Profile.TARGET_HALF_WIDTH;
        return estimate == Integer.MAX_VALUE || within ? estimate : Math.max(estimate, summary.n() + 1);
    }

    private static String num(double v) {
        return Csv.number(v, 6);
    }
}
