package racebench.nightly;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import racebench.bench.ForkSamples;
import racebench.bench.RowId;
import racebench.bench.RunComparison;
import racebench.report.AtomicFiles;
import racebench.report.Csv;
import racebench.stats.Summary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
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
    public static final List<String> HEADER = List.of("run", "time", "machine", "settings", "git_commit", "benchmark",
            "params",
            "unit", "forks", "mean", "trimmed_mean", "ci_low", "ci_high", "ratio", "verdict", "mode");

    private History() {
    }

    /**
     * A history written before modes were recorded, with its mode column added (every row of it
     * average time, the mode of all of racebench's benchmarks); other text as it is. A file that
     * cannot be read as CSV is kept as it is: its rows are the change-point search's to skip.
     */
    static String withModes(String text) {
        String header = text.lines().findFirst().orElse("");
        if (header.endsWith(",mode") || !header.startsWith("run,")) {
            return text;
        }
        try {
            StringBuilder out = new StringBuilder();
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                    .setHeader(HEADER.toArray(String[]::new)).get());
            for (org.apache.commons.csv.CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                    .get().parse(new java.io.StringReader(text))) {
                List<String> cells = new java.util.ArrayList<>(r.toList());
                cells.add(RowId.DEFAULT_MODE);
                printer.printRecord(cells);
            }
            printer.flush();
            return out.toString();
        } catch (IOException | RuntimeException e) {
            return text;
        }
    }

    public static void append(Path results, String run, Instant time, Fingerprint machine, String commit,
                              List<ForkSamples> samples, Optional<RunComparison.Result> comparison) throws IOException {
        Map<RowId, RunComparison.Row> compared = new HashMap<>();
        comparison.ifPresent(c -> c.rows().forEach(r -> compared.put(r.id(), r)));
        Path file = results.resolve(FILE);
        boolean exists = Files.isRegularFile(file) && Files.size(file) > 0;
        String old = exists ? withModes(Files.readString(file, StandardCharsets.UTF_8)) : "";
        AtomicFiles.write(file, out -> {
            out.write(old);
            if (!old.isEmpty() && !old.endsWith("\n")) {
                out.write("\r\n"); // a last newline a person removed: tonight's first row must not fuse with it
            }
            CSVFormat format = exists ? CSVFormat.RFC4180
                    : CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();
            CSVPrinter printer = new CSVPrinter(out, format);
            for (ForkSamples s : samples) {
                Summary summary = Summary.of(s.forkMeans());
                RunComparison.Row row = compared.get(s.id());
                printer.printRecord(run, time.toString(), machine.machine(), machine.settings(), commit, s.benchmark(),
                        s.params().toString(), s.unit(), summary.n(), Csv.number(summary.mean(), 6),
                        Csv.number(summary.trimmedMean(), 6),
                        Csv.number(summary.ciLow(), 6), Csv.number(summary.ciHigh(), 6),
                        row == null ? "" : Csv.number(row.comparison().ratio().point(), 4),
                        row == null ? "BASELINE" : row.verdict().name(), s.mode());
            }
            printer.flush();
        });
    }
}
