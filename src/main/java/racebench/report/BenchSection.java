package racebench.report;

import org.apache.commons.csv.CSVRecord;
import racebench.report.Charts.Estimate;
import racebench.report.Charts.Line;
import racebench.report.Charts.Point;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * bench.csv as charts: speedup against tasks per workload with the cores drawn in, download
 * wall time against the ideal makespan, spawn costs on a log scale, and one chart per lesson
 * (IPC, locks, thread-locals), then the table itself.
 */
final class BenchSection {
    private static final String STRATEGY = "StrategyBenchmark.batch";
    /** A user's task through the strategies (bench --task): charted as the strategies' own work is. */
    private static final String TASK = "TaskBenchmark.batch";
    private static final String SPAWN = "SpawnBenchmark.spawn";

    private BenchSection() {
    }

    static void add(HtmlPage page, List<CSVRecord> rows, int cores) {
        page.heading("Benchmarks (bench.csv)");
        speedups(page, rows, cores);
        downloads(page, rows);
        spawns(page, rows);
        lessons(page, rows);
        page.table(List.of("benchmark", "workload", "strategy", "tasks", "unit", "forks", "mean", "95% CI",
                        "±% of mean", "speedup [95% CI]"),
                rows.stream().map(r -> List.of(r.get("benchmark"), r.get("workload"), r.get("strategy"), r.get("tasks"),
                        r.get("unit"), r.get("forks"), Format.number(Format.parse(r.get("trimmed_mean"))),
                        Format.interval(Format.parse(r.get("ci_low")), Format.parse(r.get("ci_high"))),
                        Format.percent(Format.parse(r.get("rel_ci_half_width"))),
                        r.get("speedup").isEmpty() ? "" : Format.ratio(Format.parse(r.get("speedup")),
                                Format.parse(r.get("speedup_ci_low")), Format.parse(r.get("speedup_ci_high")))))
                        .toList(), "");
    }

    private static void speedups(HtmlPage page, List<CSVRecord> rows, int cores) {
        Map<String, List<CSVRecord>> byWorkload = group(rows.stream().filter(r -> (r.get("benchmark").equals(STRATEGY)
                || r.get("benchmark").equals(TASK)) && !r.get("speedup").isEmpty()).toList(), "workload");
        byWorkload.forEach((workload, list) -> {
            List<Estimate> points = list.stream().map(r -> new Estimate(r.get("strategy"), r.get("tasks") + " tasks",
                    Format.parse(r.get("speedup")), Format.parse(r.get("speedup_ci_low")),
                    Format.parse(r.get("speedup_ci_high")))).toList();
            List<Line> lines = new ArrayList<>(List.of(new Line("1 (no gain)", 1, Color.GRAY)));
            boolean cpu = workload.equals("CPU");
            if (cpu) {
                lines.add(new Line(cores + " cores (physical limit)", cores, Color.RED));
            }
            String what = workload.equals("TASK") ? "your task (bench --task)" : workload + " tasks";
            page.chart(Charts.categories("Speedup over SEQUENTIAL, " + what, "Each point is a strategy's "
                    + "speedup (sequential time / its time, ratio of trimmed means of fork means) with its 95% bootstrap "
                    + "interval. " + (cpu ? "The red line is the number of cores, the most CPU work can gain."
                    : "Sleeps overlap on any number of cores, so these are bounded by the number of tasks (and the "
                    + "CPU part of a task by the cores), not by the cores alone."), "tasks per batch", "speedup",
                    points, lines, false, false));
        });
    }

    private static void downloads(HtmlPage page, List<CSVRecord> rows) {
        List<Point> points = rows.stream().filter(r -> r.get("benchmark").equals(STRATEGY)
                        && r.get("workload").equals("DOWNLOAD") && !r.get("ideal").isEmpty())
                .map(r -> new Point(r.get("strategy"), Format.parse(r.get("ideal")), Format.parse(r.get("trimmed_mean")),
                        Format.parse(r.get("ci_low")), Format.parse(r.get("ci_high")))).toList();
        if (points.isEmpty()) {
            return;
        }
        page.chart(Charts.points("Downloads: wall time against the ideal makespan", "Each point is a strategy at one "
                + "number of tasks: x the ideal (the longest chain of sleeps its workers can form), y the measured time "
                + "with its 95% interval; the dashed line is y = x, so the height above it is the strategy's overhead.",
                "ideal makespan (ms)", "measured wall time (ms)", points, List.of(), true));
    }

    private static void spawns(HtmlPage page, List<CSVRecord> rows) {
        List<Estimate> points = rows.stream().filter(r -> r.get("benchmark").equals(SPAWN))
                .map(r -> new Estimate("start and finish", r.get("strategy"), Format.parse(r.get("trimmed_mean")),
                        Format.parse(r.get("ci_low")), Format.parse(r.get("ci_high")))).toList();
        if (points.isEmpty()) {
            return;
        }
        page.chart(Charts.categories("What starting a unit of work costs", "One start-and-finish of each kind of unit, "
                + "in " + unit(rows, SPAWN) + ", log scale, with 95% intervals: threads cost microseconds, a JVM tens "
                + "of milliseconds.", "unit of work", unit(rows, SPAWN) + " (log scale)", points, List.of(), true, false));
    }

    /** Every other benchmark: one chart per workload column (e.g. "ipc 8 B", "lock 2 platform threads"). */
    private static void lessons(HtmlPage page, List<CSVRecord> rows) {
        Map<String, List<CSVRecord>> byBenchmark = group(rows.stream().filter(r -> !r.get("benchmark").equals(STRATEGY)
                && !r.get("benchmark").equals(TASK) && !r.get("benchmark").equals(SPAWN)).toList(), "benchmark");
        byBenchmark.forEach((benchmark, list) -> {
            List<Estimate> points = list.stream().map(r -> new Estimate(r.get("workload"), r.get("strategy"),
                    Format.parse(r.get("trimmed_mean")), Format.parse(r.get("ci_low")), Format.parse(r.get("ci_high"))))
                    .toList();
            double min = points.stream().mapToDouble(Estimate::value).filter(v -> v > 0).min().orElse(1);
            double max = points.stream().mapToDouble(Estimate::value).max().orElse(1);
            boolean log = max / min > 30;
            String unit = list.getFirst().get("unit");
            page.chart(Charts.categories(benchmark, "Trimmed mean of fork means per row, in " + unit
                            + (log ? ", log scale" : "") + ", with its 95% interval; series are the rows' workload column.",
                    "", unit + (log ? " (log scale)" : ""), points, List.of(), log, false));
        });
    }

    private static String unit(List<CSVRecord> rows, String benchmark) {
        return rows.stream().filter(r -> r.get("benchmark").equals(benchmark)).map(r -> r.get("unit")).findFirst()
                .orElse("");
    }

    static Map<String, List<CSVRecord>> group(List<CSVRecord> rows, String column) {
        Map<String, List<CSVRecord>> groups = new LinkedHashMap<>();
        rows.forEach(r -> groups.computeIfAbsent(r.get(column), k -> new ArrayList<>()).add(r));
        return groups;
    }
}
