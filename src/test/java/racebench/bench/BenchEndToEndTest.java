package racebench.bench;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import racebench.cli.Main;
import racebench.process.NoLeftoverProcesses;
import racebench.results.Csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tiny real JMH run through the bench command: smoke profile, StrategyBenchmark only. */
@Tag("e2e")
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class BenchEndToEndTest {

    @Test
    void smokeRunWritesBenchCsvWithStatisticsPerRow(@TempDir Path out) throws IOException, InterruptedException {
        assertEquals(0, Main.run("bench", "--profile", "smoke", "--include", "StrategyBenchmark", "--out", out.toString()));
        Path run;
        try (Stream<Path> runs = Files.list(out)) {
            run = runs.findFirst().orElseThrow();
        }
        for (String f : List.of("bench.csv", "bench-forks.csv", "bench-ratios.csv", "jmh.json", "jmh-rows.json", "jmh.log",
                "bencher.json", "environment.csv", "index.html", "complete.csv")) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f);
        }
        assertEquals("OK", Csv.readFacts(run.resolve("complete.csv")).get("status"));
        racebench.results.ResultFilesDoc.check(run, "bench");
        List<CSVRecord> rows = Csv.read(run.resolve("bench.csv"));
        // JMH's own format, one element per row with both forks inside, for tools that read JMH's JSON
        String jmhRows = Files.readString(run.resolve("jmh-rows.json"));
        assertEquals(rows.size(), jmhRows.split("\"primaryMetric\"", -1).length - 1, jmhRows);
        assertEquals(2 * rows.size(), Files.readString(run.resolve("jmh.json")).split("\"primaryMetric\"", -1).length - 1,
                "jmh.json keeps one element per fork");
        assertEquals(Profile.SMOKE.params().get("strategy").size() * 2, rows.size(), "strategies x {CPU, DOWNLOAD}");
        for (CSVRecord r : rows) {
            assertEquals("2", r.get("forks"), r.toString());
            double mean = Double.parseDouble(r.get("mean"));
            assertTrue(mean > 0, r.toString());
            assertTrue(Double.parseDouble(r.get("ci_low")) <= mean && mean <= Double.parseDouble(r.get("ci_high")));
            assertFalse(r.get("speedup").isEmpty(), "every row has the sequential baseline: " + r);
            if (r.get("workload").equals("DOWNLOAD")) {
                // a batch can never beat the physical floor of its sleeps
                assertTrue(mean >= Double.parseDouble(r.get("ideal")), r.toString());
            }
        }
        NoLeftoverProcesses.check();   // JMH's forks and the worker JVMs inside them
    }
}
