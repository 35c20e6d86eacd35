package racebench.nightly;

import org.apache.commons.csv.CSVRecord;
import racebench.bench.ForkSamples;
import racebench.bench.RowId;
import racebench.bench.RunComparison;
import racebench.results.Csv;
import racebench.results.ParamColumns;
import racebench.stats.Summary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@value #FILE} in the results directory: one tidy row per nightly and benchmark row, the
 * long memory that a trend chart or a change-point search reads. Appending rewrites the file
 * under a temporary name and moves it into place, so a crash leaves the old file whole.
 */
public final class History {
    public static final String FILE = "history.csv";
    /** The columns before the parameters' ({@link ParamColumns}), which close each row. */
    public static final List<String> HEADER = List.of("run", "time", "machine", "settings", "git_commit", "benchmark",
            "mode", "unit", "forks", "mean", "trimmed_mean", "ci_low", "ci_high", "ratio", "verdict");

    private History() {
    }

    /**
     * Appends tonight's rows: the file is read whole and written again under the columns of every
     * row's parameters, old rows as they were (a row without a mode is average time). The file as
     * it was is kept beside it when any of its rows cannot be read (those rows leave the history),
     * and moved there when the file cannot be read as CSV at all (the history starts again).
     *
     * @return where the history as it was is kept, when it had to be
     */
    public static Optional<Path> append(Path results, String run, Instant time, Fingerprint machine, String commit,
                                        List<ForkSamples> samples, Optional<RunComparison.Result> comparison)
            throws IOException {
        Map<RowId, RunComparison.Row> compared = new HashMap<>();
        comparison.ifPresent(c -> c.rows().forEach(r -> compared.put(r.id(), r)));
        Path file = results.resolve(FILE);
        List<Map<String, String>> rows = new ArrayList<>();
        Optional<Path> movedAside = Optional.empty();
        if (Files.isRegularFile(file) && Files.size(file) > 0) {
            Path aside = results.resolve("history-unreadable-" + run + ".csv");
            List<Map<String, String>> old;
            try {
                old = read(file);
            } catch (IOException | RuntimeException e) {
                old = null;
            }
            if (old == null) {
                Files.move(file, aside);
                movedAside = Optional.of(aside);
            } else {
                if (old.contains(null)) {
                    Files.copy(file, aside);
                    movedAside = Optional.of(aside);
                }
                old.stream().filter(java.util.Objects::nonNull).forEach(rows::add);
            }
        }
        for (ForkSamples s : samples) {
            Summary summary = Summary.of(s.forkMeans());
            RunComparison.Row row = compared.get(s.id());
            List<String> cells = List.of(run, time.toString(), machine.machine(), machine.settings(), commit,
                    s.benchmark(), s.mode(), s.unit(), Integer.toString(summary.n()), Csv.number(summary.mean(), 6),
                    Csv.number(summary.trimmedMean(), 6), Csv.number(summary.ciLow(), 6),
                    Csv.number(summary.ciHigh(), 6), row == null ? "" : Csv.number(row.comparison().ratio().point(), 4),
                    row == null ? "BASELINE" : row.verdict().name());
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < HEADER.size(); i++) {
                values.put(HEADER.get(i), cells.get(i));
            }
            values.put(ParamColumns.LEGACY, s.id().params());
            rows.add(values);
        }
        List<String> names = ParamColumns.names(rows.stream().map(r -> r.get(ParamColumns.LEGACY)).toList());
        Csv.write(file, ParamColumns.header(HEADER, names), rows, r -> {
            List<String> cells = new ArrayList<>();
            HEADER.forEach(h -> cells.add(r.get(h)));
            cells.addAll(ParamColumns.cells(r.get(ParamColumns.LEGACY), names));
            return cells;
        });
        return movedAside;
    }

    /**
     * Every row of a history file, its parameters as one canonical string under {@code params};
     * null for a row that is not a history row (too few or too many cells, no run or benchmark).
     */
    static List<Map<String, String>> read(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        for (CSVRecord r : Csv.read(file)) {
            if (!r.isConsistent() || !r.isMapped("run") || !r.isMapped("benchmark")) {
                rows.add(null);
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (String h : HEADER) {
                values.put(h, r.isMapped(h) ? r.get(h) : h.equals("mode") ? RowId.DEFAULT_MODE : "");
            }
            values.put(ParamColumns.LEGACY, ParamColumns.read(r));
            rows.add(values);
        }
        return rows;
    }
}
