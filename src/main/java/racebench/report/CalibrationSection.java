package racebench.report;

import org.apache.commons.csv.CSVRecord;
import racebench.report.Charts.Estimate;
import racebench.report.Charts.Line;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** calibrate.csv: the detector's false-alarm rate and power against the injected slowdown. */
final class CalibrationSection {
    private CalibrationSection() {
    }

    static void add(HtmlPage page, List<CSVRecord> rows) {
        page.heading("The detector measured on this machine (calibrate.csv)");
        if (rows.isEmpty()) {
            page.paragraph("calibrate.csv has no scenario: nothing was simulated.");
            return;
        }
        List<Estimate> points = new ArrayList<>();
        boolean several = rows.stream().map(CalibrationSection::correction).distinct().count() > 1;
        for (CSVRecord r : rows) {
            String size = String.format(Locale.ROOT, "+%.0f%%", 100 * Format.parse(r.get("injected")));
            String by = several ? " (" + correction(r) + ")" : "";
            points.add(estimate("nightlies with a false alarm" + by, size, r, "any_alarm_rate"));
            if (!r.get("power").isEmpty()) {
                points.add(estimate("power: affected rows flagged" + by, size, r, "power"));
            }
            points.add(estimate("false alarms per unaffected row" + by, size, r, "false_alarm_rate"));
        }
        page.chart(Charts.categories("False alarms and power against the injected slowdown", "Simulated nightlies drawn "
                + "from recorded forks; +0% is the A/A case (same build). Each point is a rate with its exact 95% "
                + "interval. A false alarm flags a row the slowdown did not touch (on A/A, any row). Targets: at most 5% "
                + "of A/A nightlies with any alarm, power at least 80% at +5% and 95% at "
                + "+10%.", "CPU tasks made larger by", "rate", points,
                List.of(new Line("5% (A/A target)", 0.05, new Color(0xd62728)),
                        new Line("80% (power target at +5%)", 0.80, new Color(0x2ca02c)),
                        new Line("95% (power target at +10%)", 0.95, new Color(0x1f77b4))), false, true));
        page.table(List.of("scenario", "correction", "injected", "nightlies", "rows", "affected rows", "measured new/base",
                        "nightlies with a false alarm [95% CI]", "power [95% CI]", "false alarms per row", "verdict-ready rows"),
                rows.stream().map(r -> List.of(r.get("scenario"), correction(r), r.get("injected"), r.get("nightlies"), r.get("rows"),
                        r.get("affected_rows"), r.get("measured_ratio"), rate(r, "any_alarm_rate"), rate(r, "power"),
                        r.get("false_alarm_rate"), r.get("verdict_ready"))).toList(), "");
    }

    /** The correction a line was judged with; calibrations before the column judged with Holm. */
    private static String correction(CSVRecord r) {
        return r.isMapped("correction") ? r.get("correction") : "holm";
    }

    private static Estimate estimate(String series, String size, CSVRecord r, String column) {
        String prefix = column.equals("any_alarm_rate") ? "any_alarm" : column.equals("power") ? "power" : "false_alarm";
        return new Estimate(series, size, Format.parse(r.get(column)), Format.parse(r.get(prefix + "_ci_low")),
                Format.parse(r.get(prefix + "_ci_high")));
    }

    private static String rate(CSVRecord r, String column) {
        String prefix = column.equals("any_alarm_rate") ? "any_alarm" : "power";
        return r.get(column).isEmpty() ? "" : Format.ratio(Format.parse(r.get(column)),
                Format.parse(r.get(prefix + "_ci_low")), Format.parse(r.get(prefix + "_ci_high")));
    }
}
