package racebench.report;

import org.apache.commons.csv.CSVRecord;
import racebench.results.ParamColumns;
import racebench.report.Charts.Estimate;
import racebench.report.Charts.Line;
import racebench.report.Charts.Point;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * history.csv around one nightly: per benchmark, every row's trimmed mean over the last
 * nights of the same machine and settings, relative to the row's own median, with the change
 * points marked; then, for each row this night flagged or a change point names, its own trend
 * with intervals and the baseline band the night was judged against.
 */
final class TrendSection {
    private static final int WINDOW = racebench.stats.ChangePoints.WINDOW;
    private static final int MAX_ROW_CHARTS = 12;

    private TrendSection() {
    }

    static void add(HtmlPage page, String run, List<CSVRecord> history, List<CSVRecord> changePoints,
                    List<CSVRecord> comparison) {
        CSVRecord mine = history.stream().filter(h -> h.get("run").equals(run)).findFirst().orElse(null);
        if (mine == null) {
            return;
        }
        List<CSVRecord> same = history.stream().filter(h -> h.get("machine").equals(mine.get("machine"))
                && h.get("settings").equals(mine.get("settings"))).toList();
        List<String> all = new ArrayList<>(new LinkedHashSet<>(same.stream().map(h -> h.get("run")).toList()));
        List<String> runs = all.subList(Math.max(0, all.indexOf(run) + 1 - WINDOW), all.indexOf(run) + 1);
        List<String> labels = runs.stream().map(TrendSection::label).toList();
        page.heading("History (history.csv): the last " + runs.size() + " nightly run(s) of this machine and settings");
        Map<String, Map<String, double[]>> byBenchmark = new LinkedHashMap<>();
        for (CSVRecord h : same) {
            int x = runs.indexOf(h.get("run"));
            if (x < 0) {
                continue;
            }
            double[] values = byBenchmark.computeIfAbsent(h.get("benchmark"), b -> new LinkedHashMap<>())
                    .computeIfAbsent(ParamColumns.read(h), p -> filled(runs.size()));
            values[x] = Format.parse(h.get("trimmed_mean"));
        }
        Set<String> changed = new LinkedHashSet<>();
        for (Map.Entry<String, Map<String, double[]>> benchmark : byBenchmark.entrySet()) {
            Map<String, double[]> relative = new LinkedHashMap<>();
            List<Point> marks = new ArrayList<>();
            for (Map.Entry<String, double[]> row : benchmark.getValue().entrySet()) {
                double median = median(row.getValue());
                double[] r = Arrays.stream(row.getValue()).map(v -> v / median).toArray();
                relative.put(row.getKey(), r);
                for (CSVRecord c : changePoints) {
                    int x = runs.indexOf(c.get("run"));
                    if (c.get("benchmark").equals(benchmark.getKey()) && ParamColumns.read(c).equals(row.getKey()) && x >= 0) {
                        marks.add(new Point("change point", x, r[x], Double.NaN, Double.NaN));
                        changed.add(benchmark.getKey() + " " + row.getKey());
                    }
                }
            }
            page.chart(Charts.trend(benchmark.getKey() + ": every row over the nights", "One faint line per "
                    + "parameter set: its trimmed mean each night divided by its own median over these nights (1 = "
                    + "usual; above = slower). Red diamonds are change points found by E-divisive means with a "
                    + "permutation test (p < 0.001) over the last " + WINDOW + " nights.", "time / row's median",
                    labels, relative, marks));
        }
        rowTrends(page, runs, labels, same, comparison, changed);
    }

    private static void rowTrends(HtmlPage page, List<String> runs, List<String> labels, List<CSVRecord> same,
                                  List<CSVRecord> comparison, Set<String> changed) {
        double noise = ComparisonSection.noise(comparison);
        Map<String, CSVRecord> flagged = new LinkedHashMap<>();
        comparison.stream().filter(c -> c.get("verdict").equals("REGRESSION") || c.get("verdict").equals("IMPROVEMENT"))
                .forEach(c -> flagged.put(c.get("benchmark") + " " + ParamColumns.read(c), c));
        Set<String> rows = new LinkedHashSet<>(flagged.keySet());
        rows.addAll(changed);
        int drawn = 0;
        for (String row : rows) {
            if (drawn++ == MAX_ROW_CHARTS) {
                page.paragraph((rows.size() - MAX_ROW_CHARTS) + " more flagged row(s) are in the tables only.");
                break;
            }
            List<Estimate> points = new ArrayList<>();
            String unit = "";
            for (CSVRecord h : same) {
                int x = runs.indexOf(h.get("run"));
                if (x >= 0 && (h.get("benchmark") + " " + ParamColumns.read(h)).equals(row)) {
                    points.add(new Estimate("trimmed mean, 95% CI", labels.get(x), Format.parse(h.get("trimmed_mean")),
                            Format.parse(h.get("ci_low")), Format.parse(h.get("ci_high"))));
                    unit = h.get("unit");
                }
            }
            List<Line> lines = new ArrayList<>();
            CSVRecord c = flagged.get(row);
            if (c != null) {
                double base = Format.parse(c.get("base_trimmed_mean"));
                lines.add(new Line("baseline", base, Color.GRAY));
                if (!Double.isNaN(noise)) {
                    lines.add(new Line("baseline ± noise", base * (1 + noise), new Color(0xd62728)));
                    lines.add(new Line(" ", base * (1 - noise), new Color(0xd62728)));
                }
            }
            page.chart(Charts.categories(row, (c == null ? "A change point in this row's history. "
                    : "This night's verdict: " + c.get("verdict") + ", new/base " + c.get("ratio") + ". ")
                    + "Each point is one night's trimmed mean with its 95% interval; the band is the baseline it was "
                    + "judged against (its base build's forks measured beside it, or the pooled baseline nights), ± the "
                    + "noise threshold.", "nightly run", unit, points, lines, false, true));
        }
    }

    /** "20261122-114910-nightly" to "11-22 11:49". */
    static String label(String run) {
        return run.length() >= 13 ? run.substring(4, 6) + "-" + run.substring(6, 8) + " " + run.substring(9, 11) + ":"
                + run.substring(11, 13) : run;
    }

    private static double[] filled(int n) {
        double[] values = new double[n];
        Arrays.fill(values, Double.NaN);
        return values;
    }

    private static double median(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return Double.NaN;
        }
        int m = finite.length / 2;
        return finite.length % 2 == 1 ? finite[m] : (finite[m - 1] + finite[m]) / 2;
    }
}
