package racebench.nightly;

import racebench.results.Csv;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * calibrate's time to detection for one injected slowdown (0: A/A): over runs of consecutive
 * simulated nights ({@link DetectorSimulation#detection}), the share of slowed rows flagged by the
 * first, second and third night, and the share of each night that flagged a row not slowed.
 * detection.csv holds one line per night.
 */
record Detection(double injected, double measuredRatio, DetectorSimulation.Detection rates) {
    static final String FILE = "detection.csv";
    static final List<String> HEADER = List.of("injected", "measured_ratio", "night", "runs", "flagged_by",
            "flagged_by_ci_low", "flagged_by_ci_high", "false_alarm_nights", "false_alarm_ci_low", "false_alarm_ci_high");

    List<List<Object>> rows() {
        List<List<Object>> rows = new ArrayList<>();
        for (int k = 0; k < rates.flaggedBy().size(); k++) {
            DetectorSimulation.Rate f = rates.flaggedBy().get(k);
            DetectorSimulation.Rate a = rates.falseAlarm().get(k);
            rows.add(List.of(Csv.number(injected, 2), Csv.number(measuredRatio, 4), k + 1, a.trials(),
                    injected == 0 ? "" : Csv.number(f.value(), 4), injected == 0 ? "" : Csv.number(f.low(), 4),
                    injected == 0 ? "" : Csv.number(f.high(), 4), Csv.number(a.value(), 4), Csv.number(a.low(), 4),
                    Csv.number(a.high(), 4)));
        }
        return rows;
    }

    static void print(PrintWriter console, List<Detection> detections) {
        console.printf("%ntime to detection: runs of nights after the CPU rows slowed (A/A: none), judged as the nightly "
                + "judges them, evidence adding up over nights against one base build%n");
        console.printf("  %8s %9s  %-28s %-28s %-28s%n", "injected", "measured", "slowed rows flagged by night 1",
                "by night 2", "by night 3");
        for (Detection d : detections) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %7.0f%% %9.3f ", 100 * d.injected(),
                    d.measuredRatio()));
            for (DetectorSimulation.Rate r : d.rates().flaggedBy()) {
                line.append(String.format(Locale.ROOT, " %-28s", d.injected() == 0 ? "" : percent(r)));
            }
            console.println(line.toString().stripTrailing());
        }
        console.printf("  nights with a false alarm, by night of the run:%n");
        for (Detection d : detections) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %7.0f%%           ", 100 * d.injected()));
            for (DetectorSimulation.Rate r : d.rates().falseAlarm()) {
                line.append(String.format(Locale.ROOT, " %-28s", percent(r) + " of " + r.trials()));
            }
            console.println(line.toString().stripTrailing());
        }
        console.flush();
    }

    private static String percent(DetectorSimulation.Rate r) {
        return String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f]", 100 * r.value(), 100 * r.low(), 100 * r.high());
    }
}
