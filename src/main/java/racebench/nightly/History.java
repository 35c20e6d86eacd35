package racebench.nightly;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import racebench.bench.ForkSamples;
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
            "unit", "forks", "mean", "trimmed_mean", "ci_low", "ci_high", "ratio", "verdict");

    private History() {
    }

    public static void append(Path results, String run, Instant time, Fingerprint machine, String commit,
                              List<ForkSamples> samples, Optional<RunComparison.Result> comparison) throws IOException {
        Map<String, RunComparison.Row> compared = new HashMap<>();
        comparison.ifPresent(c -> c.rows().forEach(r -> compared.put(r.benchmark() + " " + r.params(), r)));
        Path file = results.resolve(FILE);
        boolean exists = Files.isRegularFile(file) && Files.size(file) > 0;
        byte[] old = exists ? Files.readAllBytes(file) : new byte[0];
        AtomicFiles.write(file, out -> {
            out.write(new String(old, StandardCharsets.UTF_8));
            if (old.length > 0 && old[old.length - 1] != '\n') {
                out.write("\r\n"); // a last newline a person removed: tonight's first row must not fuse with it
            }
            CSVFormat format = exists ? CSVFormat.RFC4180
                    : CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();
            CSVPrinter printer = new CSVPrinter(out, format);
            for (ForkSamples s : samples) {
                Summary summary = Summary.of(s.forkMeans());
                RunComparison.Row row = compared.get(s.label());
                printer.printRecord(run, time.toString(), machine.machine(), machine.settings(), commit, s.benchmark(),
                        s.params().toString(), s.unit(), summary.n(), Csv.number(summary.mean(), 6),
                        Csv.number(summary.trimmedMean(), 6),
                        Csv.number(summary.ciLow(), 6), Csv.number(summary.ciHigh(), 6),
                        row == null ? "" : Csv.number(row.comparison().ratio().point(), 4),
                        row == null ? "BASELINE" : row.verdict().name());
            }
            printer.flush();
        });
    }
}
