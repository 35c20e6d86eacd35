package racebench.cli;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racebench.results.Csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static racebench.cli.MainTest.assertUsageError;
import static racebench.cli.MainTest.run;

/** compare on hand-made runs: the same numbers, a 10% slowdown, noise, and bad input. */
class CompareCommandTest {
    private static final String HEADER = "benchmark,params,unit,fork,mean,cv,iterations\r\n";

    /** A run whose two benchmarks have five forks each, scaled by the given factors. */
    private static Path runDir(Path root, String name, double cpuFactor, double downloadFactor, double cv) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        double[] jitter = {1.000, 1.004, 0.996, 1.002, 0.998};
        StringBuilder csv = new StringBuilder(HEADER);
        for (int f = 0; f < jitter.length; f++) {
            csv.append(String.format(java.util.Locale.ROOT, "StrategyBenchmark.batch,\"{strategy=VIRTUAL, tasks=8, workload=CPU}\",ms/op,%d,%.6f,%.5f,5\r\n",
                    f + 1, 10.0 * jitter[f] * cpuFactor, cv));
            csv.append(String.format(java.util.Locale.ROOT, "StrategyBenchmark.batch,\"{strategy=VIRTUAL, tasks=8, workload=DOWNLOAD}\",ms/op,%d,%.6f,%.5f,5\r\n",
                    f + 1, 11.0 * jitter[f] * downloadFactor, cv));
        }
        Files.writeString(dir.resolve("bench-forks.csv"), csv);
        return dir;
    }

    private static List<CSVRecord> compareCsv(Path out) throws IOException {
        try (Stream<Path> runs = Files.list(out)) {
            Path run = runs.filter(p -> p.getFileName().toString().endsWith("-compare")).findFirst().orElseThrow();
            return Csv.read(run.resolve("compare.csv"));
        }
    }

    @Test
    void aRunComparedWithItselfHasNoChange(@TempDir Path tmp) throws IOException {
        Path a = runDir(tmp, "a", 1, 1, 0.005);
        Path out = tmp.resolve("out");
        MainTest.Outcome o = run("compare", a.toString(), a.toString(), "--out", out.toString());
        assertEquals(0, o.exit(), o.toString());
        List<CSVRecord> rows = compareCsv(out);
        assertEquals(2, rows.size());
        for (CSVRecord r : rows) {
            assertEquals("NO_CHANGE", r.get("verdict"));
            assertEquals("1.0000", r.get("ratio"));
        }
        Path run = compareRun(out);
        assertEquals("2", Csv.readFacts(run.resolve("environment.csv")).get("format_version"));
        assertEquals("OK", Csv.readFacts(run.resolve("complete.csv")).get("status"), "a finished compare is complete");
        racebench.results.ResultFilesDoc.check(run, "compare");
    }

    private static Path compareRun(Path out) throws IOException {
        try (Stream<Path> runs = Files.list(out)) {
            return runs.filter(p -> p.getFileName().toString().endsWith("-compare")).findFirst().orElseThrow();
        }
    }

    @Test
    void aRunOfTheFirstFormatComparesWithOneOfTheSecond(@TempDir Path tmp) throws IOException {
        Path old = runDir(tmp, "old", 1, 1, 0.005);
        Path now = Files.createDirectories(tmp.resolve("now"));
        // format 2: a column per parameter, the mode beside the benchmark
        List<String> lines = new ArrayList<>(List.of("benchmark,mode,unit,fork,mean,cv,iterations,trimmed,"
                + "param_strategy,param_tasks,param_workload"));
        for (String line : Files.readAllLines(old.resolve("bench-forks.csv")).subList(1, 11)) {
            String[] cells = line.split("\"");
            String[] params = racebench.results.ParamColumns.parse(cells[1]).values().toArray(String[]::new);
            String[] rest = cells[2].substring(1).split(",");
            lines.add(cells[0].replace(",", "") + ",avgt," + rest[0] + "," + rest[1] + "," + rest[2] + "," + rest[3]
                    + "," + rest[4] + ",0," + String.join(",", params));
        }
        Files.writeString(now.resolve("bench-forks.csv"), String.join("\r\n", lines) + "\r\n");
        Path out = tmp.resolve("out");
        MainTest.Outcome o = run("compare", old.toString(), now.toString(), "--results", out.toString());
        assertEquals(0, o.exit(), o.toString());
        List<CSVRecord> rows = compareCsv(out);
        assertEquals(2, rows.size(), "both rows matched across the formats");
        assertEquals(List.of("CPU", "DOWNLOAD"), rows.stream().map(r -> r.get("param_workload")).sorted().toList());
        rows.forEach(r -> assertEquals("NO_CHANGE", r.get("verdict")));
    }

    @Test
    void aRunOfANewerFormatIsRefusedInOneLine(@TempDir Path tmp) throws IOException {
        Path a = runDir(tmp, "a", 1, 1, 0.005);
        Path future = runDir(tmp, "future", 1, 1, 0.005);
        Files.writeString(future.resolve("environment.csv"), "key,value\r\nformat_version,3\r\n");
        Path out = tmp.resolve("out");
        assertUsageError(run("compare", a.toString(), future.toString(), "--results", out.toString()),
                "holds result format 3");
        assertUsageError(run("report", future.toString()), "holds result format 3");
    }

    @Test
    void aTenPercentSlowdownIsARegressionAndExitsOne(@TempDir Path tmp) throws IOException {
        Path base = runDir(tmp, "base", 1, 1, 0.005);
        Path slower = runDir(tmp, "new", 1.10, 0.995, 0.005);
        Path out = tmp.resolve("out");
        MainTest.Outcome o = run("compare", base.toString(), slower.toString(), "--out", out.toString());
        assertEquals(1, o.exit(), o.toString());
        List<String> verdicts = new ArrayList<>();
        for (CSVRecord r : compareCsv(out)) {
            verdicts.add(racebench.results.ParamColumns.read(r) + "=" + r.get("verdict"));
        }
        // the 0.5% speed-up is within the 3% noise band: not an improvement
        assertEquals(List.of("{strategy=VIRTUAL, tasks=8, workload=CPU}=REGRESSION",
                "{strategy=VIRTUAL, tasks=8, workload=DOWNLOAD}=NO_CHANGE"), verdicts);
        assertTrue(o.out().contains("REGRESSION"), o.out());
        assertTrue(o.out().contains("p(Holm)="), "the console names the correction: " + o.out());
        for (CSVRecord r : compareCsv(out)) {
            assertEquals("holm", r.get("correction"), "Holm unless told otherwise");
        }
    }

    @Test
    void bhCanBeAskedForAndIsNamedInTheCsv(@TempDir Path tmp) throws IOException {
        Path base = runDir(tmp, "base", 1, 1, 0.005);
        Path slower = runDir(tmp, "new", 1.10, 1, 0.005);
        Path out = tmp.resolve("out");
        MainTest.Outcome o = run("compare", base.toString(), slower.toString(), "--out", out.toString(),
                "--correction", "bh");
        assertEquals(1, o.exit(), o.toString());
        assertTrue(o.out().contains("p(BH)="), o.out());
        List<CSVRecord> rows = compareCsv(out);
        assertEquals(List.of("bh", "bh"), rows.stream().map(r -> r.get("correction")).toList());
        // two rows: BH doubles the smaller p (one significant row of two), as Holm does, the larger stays
        double p = Double.parseDouble(rows.getFirst().get("p_value"));
        assertEquals(Math.min(1, 2 * p), Double.parseDouble(rows.getFirst().get("p_adjusted")), 1e-6);
    }

    @Test
    void noisyForksMakeTheRowInconclusiveAndSayHowWide(@TempDir Path tmp) throws IOException {
        Path base = runDir(tmp, "base", 1, 1, 0.005);
        Path noisy = Files.createDirectories(tmp.resolve("noisy"));
        StringBuilder csv = new StringBuilder(HEADER);
        double[] means = {9.0, 11.5, 10.2, 8.8, 11.0};
        for (int f = 0; f < means.length; f++) {
            csv.append(String.format(java.util.Locale.ROOT,
                    "StrategyBenchmark.batch,\"{strategy=VIRTUAL, tasks=8, workload=CPU}\",ms/op,%d,%.6f,0.01,5\r\n",
                    f + 1, means[f]));
        }
        Files.writeString(noisy.resolve("bench-forks.csv"), csv);
        Path out = tmp.resolve("out");
        assertEquals(0, run("compare", base.toString(), noisy.toString(), "--out", out.toString()).exit());
        CSVRecord row = compareCsv(out).getFirst();
        assertEquals("INCONCLUSIVE", row.get("verdict"));
        assertTrue(row.get("why").contains("reaches beyond the ±3% noise and nothing says it moved"), row.get("why"));
    }

    private static Path forks(Path root, String name, double[] means) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        StringBuilder csv = new StringBuilder(HEADER);
        for (int f = 0; f < means.length; f++) {
            csv.append(String.format(java.util.Locale.ROOT,
                    "LockBenchmark.increment,\"{counter=ATOMIC, threads=2}\",ns/op,%d,%.6f,0.01,5\r\n", f + 1, means[f]));
        }
        Files.writeString(dir.resolve("bench-forks.csv"), csv);
        return dir;
    }

    @Test
    void aNoisyUnchangedRowIsInconclusiveAndSaysWhatItCouldHaveSeen(@TempDir Path tmp) throws IOException {
        // forks spread by about 8%: no ±3% verdict is possible, but a change beyond ±25% would show
        double[] spread = {0.92, 1.08, 1.00, 0.95, 1.06, 0.99, 1.02, 0.97};
        double[] base = new double[spread.length];
        double[] same = new double[spread.length];
        double[] slower = new double[spread.length];
        for (int i = 0; i < spread.length; i++) {
            base[i] = 100 * spread[i];
            same[i] = 100 * spread[(i + 3) % spread.length];
            slower[i] = 160 * spread[(i + 3) % spread.length];
        }
        Path b = forks(tmp, "base", base);
        Path out = tmp.resolve("out");
        assertEquals(0, run("compare", b.toString(), forks(tmp, "same", same).toString(), "--out", out.toString()).exit());
        CSVRecord row = compareCsv(out).getFirst();
        assertEquals("INCONCLUSIVE", row.get("verdict"), "its interval reaches beyond the noise: " + row);
        double detectable = Double.parseDouble(row.get("detectable"));
        assertTrue(detectable > 0.03 && detectable < 0.25, "detectable " + detectable);
        assertTrue(row.get("why").endsWith(String.format(java.util.Locale.ROOT,
                "this row could have seen a change of ±%.1f%%", 100 * detectable)), row.get("why"));
        // the verdict rests on the 90% interval (two one-sided tests at 5%), written beside the 95% one
        double low = Double.parseDouble(row.get("equivalence_ci_low"));
        double high = Double.parseDouble(row.get("equivalence_ci_high"));
        assertTrue(low > Double.parseDouble(row.get("ratio_ci_low")) && high < Double.parseDouble(row.get("ratio_ci_high")),
                row.toString());
        assertTrue(low < 0.97 || high > 1.03, row.toString());

        Path wide = tmp.resolve("wide");
        assertEquals(0, run("compare", b.toString(), tmp.resolve("same").toString(), "--out", wide.toString(),
                "--noise", "10").exit());
        assertEquals("NO_CHANGE", compareCsv(wide).getFirst().get("verdict"), "within a ±10% band the user chose");

        Path out2 = tmp.resolve("out2");
        assertEquals(1, run("compare", b.toString(), forks(tmp, "slower", slower).toString(), "--out",
                out2.toString()).exit());
        assertEquals("REGRESSION", compareCsv(out2).getFirst().get("verdict"));
    }

    @Tag("fault")
    @Test
    void malformedBaselinesAreOneLineUsageErrorsAndWriteNothing(@TempDir Path tmp) throws IOException {
        Path a = runDir(tmp, "a", 1, 1, 0.005);
        Path out = tmp.resolve("out");
        java.util.Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("quote", HEADER + "StrategyBenchmark.batch,\"{strategy=VIRTUAL,ms/op,1,10.0,0.01,5\r\n");
        bad.put("header-only", HEADER);
        bad.put("empty", "");
        bad.put("nan", HEADER + "StrategyBenchmark.batch,x,ms/op,1,NaN,0.01,5\r\n");
        bad.put("negative", HEADER + "StrategyBenchmark.batch,x,ms/op,1,-3,0.01,5\r\n");
        bad.put("no-mean", "benchmark,params,unit,fork\r\nStrategyBenchmark.batch,x,ms/op,1\r\n");
        for (var e : bad.entrySet()) {
            Path dir = Files.createDirectories(tmp.resolve(e.getKey()));
            Files.writeString(dir.resolve("bench-forks.csv"), e.getValue());
            MainTest.Outcome o = run("compare", dir.toString(), a.toString(), "--out", out.toString());
            assertUsageError(o, dir.resolve("bench-forks.csv").toString());
            assertFalse(Files.exists(out), e.getKey() + ": bad input leaves no run directory");
        }
    }

    @Tag("fault")
    @Test
    void badRunsAreUsageErrors(@TempDir Path tmp) throws IOException {
        Path a = runDir(tmp, "a", 1, 1, 0.005);
        Path out = tmp.resolve("out");
        assertUsageError(run("compare", a.toString()), "NEW_RUN");
        assertUsageError(run("compare", a.toString(), a.toString(), "--out", out.toString(), "--correction", "bonferroni"),
                "--correction must be bh or holm, got 'bonferroni'");
        assertUsageError(run("nightly", "--correction", "none", "--results", out.toString()),
                "--correction must be bh or holm, got 'none'");
        assertUsageError(run("compare", a.toString(), tmp.resolve("none").toString(), "--out", out.toString()),
                "is not a run directory");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertUsageError(run("compare", a.toString(), empty.toString(), "--out", out.toString()), "is not a bench run");
        Path broken = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(broken.resolve("bench-forks.csv"), "benchmark,params\r\nx,y\r\n");
        assertUsageError(run("compare", a.toString(), broken.toString(), "--out", out.toString()), "not a valid");
        assertFalse(Files.exists(out), "bad input leaves no run directory");
        assertUsageError(run("nightly", "--baseline", empty.toString(), "--results", out.toString()), "is incomplete");

        // a smoke run is no baseline for a nightly one: different forks and iterations
        Files.writeString(a.resolve("environment.csv"), "key,value\r\nprofile,smoke\r\ninclude,racebench\\..*(.*)\r\n");
        racebench.results.Completion.mark(racebench.results.RunDirectory.open(a, java.time.Instant.now()),
                racebench.results.Completion.Status.OK, java.time.Instant.now());
        assertUsageError(run("nightly", "--baseline", a.toString(), "--results", out.toString()), "ran with another");
        assertFalse(Files.exists(out), "bad input leaves no run directory");
    }
}
