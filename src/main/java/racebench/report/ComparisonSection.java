package racebench.report;

import org.apache.commons.csv.CSVRecord;
import racebench.results.ParamColumns;
import racebench.report.Charts.Line;
import racebench.report.Charts.Point;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** compare.csv as a chart of new/base ratios with their intervals, coloured by verdict, and its table. */
final class ComparisonSection {
    private static final Pattern NOISE = Pattern.compile("±([0-9.]+)% noise threshold");
    private static final List<String> ORDER = List.of("REGRESSION", "IMPROVEMENT", "SUSPECT", "INCONCLUSIVE", "NO_CHANGE");

    private ComparisonSection() {
    }

    static void add(HtmlPage page, List<CSVRecord> rows) {
        page.heading("Against the baseline (compare.csv)");
        double noise = noise(rows);
        List<Point> points = new ArrayList<>();
        for (String verdict : ORDER) {
            for (int i = 0; i < rows.size(); i++) {
                CSVRecord r = rows.get(i);
                if (r.get("verdict").equals(verdict)) {
                    points.add(new Point(verdict, i + 1, Format.parse(r.get("ratio")), Format.parse(r.get("ratio_ci_low")),
                            Format.parse(r.get("ratio_ci_high"))));
                }
            }
        }
        List<Line> lines = new ArrayList<>(List.of(new Line("no change", 1, Color.GRAY)));
        if (!Double.isNaN(noise)) {
            lines.add(new Line(String.format(java.util.Locale.ROOT, "±%.0f%% noise threshold", 100 * noise), 1 + noise,
                    new Color(0xd62728)));
            lines.add(new Line(" ", 1 - noise, new Color(0xd62728)));
        }
        if (!points.isEmpty()) {
            page.chart(Charts.points("new / base per row, by verdict", "Each point is one row of the run (numbered as "
                    + "in the table below): its new/base ratio of trimmed means (above 1 = slower) with its 95% interval. "
                    + "A row is a REGRESSION or an IMPROVEMENT only when its p-value, adjusted over all rows (weighted: "
                    + "the primary rows share most of alpha), is below 0.05 and its ratio lies beyond the noise "
                    + "threshold, tonight or over the nights measured against the same base build; SUSPECT when its "
                    + "ratio is beyond the threshold and it is significant on its own only; NO_CHANGE only when its "
                    + "90% interval lies within ±threshold; INCONCLUSIVE otherwise (the why column says what it could "
                    + "have seen).",
                    "row", "new / base", points, lines, false));
        }
        List<List<String>> table = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord r = rows.get(i);
            table.add(List.of(Integer.toString(i + 1), r.get("benchmark"), ParamColumns.read(r), r.get("base_forks") + " / "
                    + r.get("new_forks"), Format.number(Format.parse(r.get("base_trimmed_mean"))),
                    Format.number(Format.parse(r.get("new_trimmed_mean"))), Format.ratio(Format.parse(r.get("ratio")),
                            Format.parse(r.get("ratio_ci_low")), Format.parse(r.get("ratio_ci_high"))),
                    adjustedP(r), r.get("verdict"), r.get("why")));
        }
        page.table(List.of("row", "benchmark", "params", "forks base / new", "base", "new", "new/base [95% CI]",
                "p (adjusted)", "verdict", "why"), table, "verdict");
    }

    /** The adjusted p-value and its correction ("0.0123 BH"); runs before the correction was a column said p_holm. */
    private static String adjustedP(CSVRecord r) {
        if (r.isMapped("p_adjusted")) {
            return r.get("p_adjusted") + (r.isMapped("correction") ? " " + r.get("correction") : "");
        }
        return r.isMapped("p_holm") ? r.get("p_holm") + " holm" : "";
    }

    /** The noise threshold the comparison used (its noise column; older runs: as its verdicts state it); NaN if none says. */
    static double noise(List<CSVRecord> rows) {
        if (!rows.isEmpty() && rows.getFirst().isMapped("noise") && !rows.getFirst().get("noise").isEmpty()) {
            return Format.parse(rows.getFirst().get("noise"));
        }
        for (CSVRecord r : rows) {
            Matcher m = NOISE.matcher(r.get("why"));
            if (m.find()) {
                return Double.parseDouble(m.group(1)) / 100;
            }
        }
        return Double.NaN;
    }
}
