package racebench.bench;

import racebench.results.Csv;
import racebench.results.ParamColumns;
import racebench.results.RunDirectory;
import racebench.stats.SteadyState;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** bench.csv, bench-ratios.csv and the console tables: strategies ranked per workload and batch size. */
public final class BenchReport {

    private BenchReport() {
    }

    /** Per fork, the numbers behind a row: what a later comparison of two runs resamples. */
    static final List<String> FORKS_HEADER = List.of("benchmark", "mode", "unit", "fork", "mean", "cv", "iterations",
            "trimmed");

    public static void write(RunDirectory run, List<ForkSamples> samples, List<BenchRow> rows,
                             List<BenchAnalysis.Ratio> ratios) throws IOException {
        List<String> paramNames = BenchRow.paramNames(rows);
        Csv.write(run.resolve("bench.csv"), BenchRow.header(rows), rows, r -> r.cells(paramNames));
        writeForks(run.resolve(RunComparison.FORKS_FILE), samples);
        BencherJson.write(run.resolve(BencherJson.FILE), rows);
        Csv.write(run.resolve("bench-ratios.csv"), BenchAnalysis.Ratio.HEADER, ratios, BenchAnalysis.Ratio::cells);
    }

    /** bench-forks.csv, or base-forks.csv for a base build's forks: one line per fork. */
    static void writeForks(java.nio.file.Path target, List<ForkSamples> samples) throws IOException {
        List<String> names = ParamColumns.names(samples.stream().map(s -> s.id().params()).toList());
        List<List<Object>> forks = new java.util.ArrayList<>();
        for (ForkSamples s : samples) {
            double[] means = s.forkMeans();
            for (int f = 0; f < means.length; f++) {
                double[] iterations = s.forks().get(f);
                double[] steady = SteadyState.steady(iterations);
                List<Object> cells = new java.util.ArrayList<>(List.of(s.benchmark(), s.mode(), s.unit(), f + 1,
                        Csv.number(means[f], 6), Csv.number(SteadyState.coefficientOfVariation(steady), 5),
                        steady.length, iterations.length - steady.length));
                cells.addAll(ParamColumns.cells(s.id().params(), names));
                forks.add(cells);
            }
        }
        Csv.write(target, ParamColumns.header(FORKS_HEADER, names), forks, row -> row);
    }

    /**
     * @param secondsPerFork what a fork cost in this run, to say how long the imprecise rows'
     *                       missing forks would take; NaN when unknown
     */
    public static void print(PrintWriter out, List<BenchRow> rows, List<BenchAnalysis.Ratio> ratios, double target,
                             double secondsPerFork) {
        Map<String, List<BenchRow>> groups = rows.stream().collect(Collectors.groupingBy(
                r -> r.benchmark().equals(BenchmarkMapping.STRATEGY.benchmark())
                        || r.benchmark().equals(BenchmarkMapping.TASK.benchmark())
                        ? r.workload() + ", " + r.tasks() + " tasks" : r.workload(),
                TreeMap::new, Collectors.toList()));
        groups.forEach((title, group) -> {
            out.printf(Locale.ROOT, "%n%s  (%s; mean ± 95%% CI over %s forks)%n", title, group.getFirst().unit(),
                    forkRange(group));
            boolean known = BenchmarkMapping.of(group.getFirst().benchmark()).isPresent();
            int width = Math.max(18, group.stream().mapToInt(r -> r.strategy().length()).max().orElse(0));
            // a user's rows have no efficiency or overhead: racebench knows neither their cores nor their floor
            String line = "  %-" + width + "s %22s %24s" + (known ? " %8s %9s" : "%s%s");
            out.printf(Locale.ROOT, line + "%n", known ? "strategy" : "benchmark", "mean ± CI",
                    "speedup [95% CI]", known ? "effic." : "", known ? "overhead" : "");
            group.stream().sorted(Comparator.comparingDouble(r -> r.summary().trimmedMean())).forEach(r -> out.printf(
                    Locale.ROOT, line + "  %s%n", r.strategy(),
                    plusMinus(r.summary().trimmedMean(), r.summary().halfWidth()),
                    r.speedup() == null ? "" : ratio(r.speedup().point()) + " [" + ratio(r.speedup().low()) + ", "
                            + ratio(r.speedup().high()) + "]",
                    known ? percent(r.efficiency()) : "", known ? percent(r.overhead()) : "", precision(r, target)));
        });
        if (!ratios.isEmpty()) {
            out.printf("%nratios (bootstrap 95%% CI over forks)%n");
            for (BenchAnalysis.Ratio r : ratios) {
                out.printf(Locale.ROOT, "  %-40s %.3f [%.3f, %.3f]%n", r.name(), r.interval().point(),
                        r.interval().low(), r.interval().high());
            }
        }
        // the targets are racebench's own, of its own work: not a user's benchmarks' or task's
        if (rows.stream().anyMatch(r -> BenchmarkMapping.of(r.benchmark()).filter(m -> m != BenchmarkMapping.TASK)
                .isPresent())) {
            out.printf(Locale.ROOT, "%ntargets (README):%n");
            for (Targets.Check c : Targets.check(rows, ratios)) {
                out.printf(Locale.ROOT, "  %-6s %-75s %s%n", c.met() ? "MET" : "MISSED", c.target(), c.measured());
            }
        }
        long precise = rows.stream().filter(r -> r.summary().relativeHalfWidth() <= target).count();
        out.printf(Locale.ROOT, "%d of %d rows (%.0f%%) have a 95%% CI half-width within %.0f%% of the mean%n",
                precise, rows.size(), 100.0 * precise / rows.size(), 100 * target);
        Shortfall shortfall = Shortfall.of(rows, target);
        if (shortfall.rows() > shortfall.unknown()) {
            out.printf(Locale.ROOT, "  at the spread their forks showed, %d of the other %d would need %,d forks more%s "
                            + "(median row %,d forks in all)%s%n", shortfall.rows() - shortfall.unknown(),
                    shortfall.rows(), shortfall.forks(),
                    Double.isNaN(secondsPerFork) ? "" : String.format(Locale.ROOT, ", about %s at this run's %.1f s a fork",
                            racebench.results.Durations.pretty(java.time.Duration.ofSeconds(
                                    (long) (shortfall.forks() * secondsPerFork))), secondsPerFork),
                    shortfall.medianForks(),
                    shortfall.unknown() == 0 ? "" : "; " + shortfall.unknown() + " cannot tell (too few forks, or over a million)");
        }
    }

    /**
     * What the rows outside the target lack: how many, the forks their spread says they still
     * need ({@link BenchRow#forksForTarget}) summed over those that can tell, the median row's
     * total, and how many cannot tell.
     */
    record Shortfall(int rows, long forks, int medianForks, int unknown) {
        static Shortfall of(List<BenchRow> rows, double target) {
            List<BenchRow> wide = rows.stream().filter(r -> !(r.summary().relativeHalfWidth() <= target)).toList();
            List<BenchRow> known = wide.stream().filter(r -> r.forksForTarget() != Integer.MAX_VALUE).toList();
            long forks = known.stream().mapToLong(r -> Math.max(0, r.forksForTarget() - r.summary().n())).sum();
            int[] totals = known.stream().mapToInt(BenchRow::forksForTarget).sorted().toArray();
            int median = totals.length == 0 ? 0 : totals[(totals.length - 1) / 2];
            return new Shortfall(wide.size(), forks, median, wide.size() - known.size());
        }
    }

    private static String forkRange(List<BenchRow> group) {
        int min = group.stream().mapToInt(r -> r.summary().n()).min().orElse(0);
        int max = group.stream().mapToInt(r -> r.summary().n()).max().orElse(0);
        return min == max ? Integer.toString(min) : min + "-" + max;
    }

    /** Empty for a precise row; otherwise how far it got, so a wide interval is never silent. */
    private static String precision(BenchRow r, double target) {
        double rel = r.summary().relativeHalfWidth();
        if (r.summary().n() < 3) {
            return "only " + r.summary().n() + " fork(s): interval not meaningful";
        }
        if (rel <= target) {
            return "";
        }
        int needed = r.forksForTarget();
        return String.format(Locale.ROOT, "±%.1f%% (target %.0f%%%s)", 100 * rel, 100 * target,
                needed == Integer.MAX_VALUE ? "" : String.format(Locale.ROOT, "; its spread needs ~%,d forks", needed));
    }

    /** "12.34 ± 0.56": decimals chosen for about four significant digits of the mean, no exponents. */
    static String plusMinus(double mean, double halfWidth) {
        double magnitude = Math.abs(mean);
        int decimals = magnitude >= 1000 ? 0 : magnitude >= 100 ? 1 : magnitude >= 10 ? 2 : 3;
        String format = "%." + decimals + "f ± %." + decimals + "f";
        return Double.isNaN(halfWidth) ? String.format(Locale.ROOT, "%." + decimals + "f", mean)
                : String.format(Locale.ROOT, format, mean, halfWidth);
    }

    /** Two decimals, or three significant digits for a ratio below 0.1 (a user's rows can differ a thousandfold). */
    static String ratio(double v) {
        return Math.abs(v) >= 0.1 || v == 0 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }
}
