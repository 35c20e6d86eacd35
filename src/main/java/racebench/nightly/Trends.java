package racebench.nightly;

import org.apache.commons.csv.CSVRecord;
import racebench.results.Csv;
import racebench.results.ParamColumns;
import racebench.stats.ChangePoints;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Change points over history.csv: for each benchmark row, the nightly means of this machine
 * and these settings (a smoke nightly's numbers are not a step in the nightly profile's) in run order, the last {@link ChangePoints#WINDOW} of them (Otava's default window), searched with
 * E-divisive means at p 0.001 ({@link ChangePoints#OTAVA}). A step shows the night it happens
 * only if the night-to-night comparison misses it; a slow drift of a fraction of a percent a
 * night never fails that comparison but shows here once it adds up.
 */
public final class Trends {
    /** The columns before the parameters' ({@link ParamColumns}), which close each row. */
    public static final List<String> HEADER = List.of("benchmark", "mode", "run", "nights_in_window", "mean_before",
            "mean_after", "ratio", "p_value");

    /** A change point in one row's history: the first run after it. */
    public record Shift(racebench.bench.RowId id, String run, int nights, ChangePoints.Point point) {
        List<Object> cells(List<String> paramNames) {
            List<Object> cells = new ArrayList<>(List.of(id.benchmark(), id.mode(), run, nights,
                    Csv.number(point.meanBefore(), 6), Csv.number(point.meanAfter(), 6), Csv.number(point.ratio(), 4),
                    Csv.number(point.p(), 4)));
            cells.addAll(ParamColumns.cells(id.params(), paramNames));
            return cells;
        }

        public String benchmark() {
            return id.benchmark();
        }

        public String params() {
            return id.params();
        }
    }

    private Trends() {
    }

    /** Every change point in the window of each row's history on this machine. */
    public static List<Shift> find(Path historyFile, Fingerprint machine) throws IOException {
        if (!Files.isRegularFile(historyFile)) {
            return List.of();
        }
        Map<racebench.bench.RowId, List<CSVRecord>> series = new LinkedHashMap<>();
        for (CSVRecord r : Csv.read(historyFile)) {
            if (r.isConsistent() && r.isMapped("settings") && r.isMapped("trimmed_mean") && r.get("machine").equals(machine.machine())
                    && r.get("settings").equals(machine.settings()) && !r.get("trimmed_mean").isEmpty()) {
                String mode = r.isMapped("mode") ? r.get("mode") : "";
                series.computeIfAbsent(new racebench.bench.RowId(r.get("benchmark"), mode, ParamColumns.read(r)),
                        k -> new ArrayList<>()).add(r);
            }
        }
        List<Shift> shifts = new ArrayList<>();
        for (Map.Entry<racebench.bench.RowId, List<CSVRecord>> row : series.entrySet()) {
            List<CSVRecord> rows = row.getValue();
            List<CSVRecord> window = rows.subList(Math.max(0, rows.size() - ChangePoints.WINDOW), rows.size());
            double[] means = window.stream().mapToDouble(r -> Double.parseDouble(r.get("trimmed_mean"))).toArray();
            for (ChangePoints.Point p : ChangePoints.OTAVA.find(means)) {
                CSVRecord at = window.get(p.index());
                shifts.add(new Shift(row.getKey(), at.get("run"), window.size(), p));
            }
        }
        return shifts;
    }

    public static void write(Path target, List<Shift> shifts) throws IOException {
        List<String> names = ParamColumns.names(shifts.stream().map(Shift::params).toList());
        Csv.write(target, ParamColumns.header(HEADER, names), shifts, s -> s.cells(names));
    }
}
