package racebench.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static racebench.cli.MainTest.assertUsageError;
import static racebench.cli.MainTest.run;

class BenchCommandTest {

    @Tag("fault")
    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path tmp) throws IOException {
        Path results = tmp.resolve("results");
        assertUsageError(run("bench", "--profile", "hourly", "--out", results.toString()), "unknown profile 'hourly'");
        assertUsageError(run("bench", "--include", "NoSuchBenchmark", "--out", results.toString()), "matches no benchmark");
        assertUsageError(run("bench", "--include", "[", "--out", results.toString()), "not a valid regular expression");
        assertUsageError(run("bench", "--include", "Ipc", "--param", "threads=4", "--out", results.toString()),
                "no selected benchmark has a parameter 'threads'");
        assertUsageError(run("bench", "--include", "Ipc", "--param", "bytes=8,64", "--out", results.toString()),
                "'64' is not a value of bytes; it takes: 8, 4096");
        assertUsageError(run("bench", "--include", "Ipc", "--param", "bytes=", "--out", results.toString()),
                "--param bytes needs at least one value");
        assertUsageError(run("bench", "--include", "Ipc", "--param", "bytes", "--out", results.toString()),
                "--param 'bytes' is not NAME=V1,V2");
        assertUsageError(run("bench", "--include", "Ipc", "--param", "bytes=8", "--param", "bytes=4096", "--out",
                results.toString()), "--param bytes is given twice");
        assertUsageError(run("bench", "--include", "Ipc", "--param", "=8", "--out", results.toString()),
                "--param '=8' is not NAME=V1,V2");
        assertUsageError(run("bench", "--include", "Ipc", "--param", "bytes=8,8", "--out", results.toString()),
                "--param bytes names a value twice");
        assertFalse(Files.exists(results), "bad input leaves no run directory");

        Path file = Files.writeString(tmp.resolve("file"), "keep");
        assertUsageError(run("bench", "--profile", "smoke", "--out", file.toString()), "not a directory");
        assertEquals("keep", Files.readString(file));
    }

    @Tag("fault")
    @Test
    void reportOfARunWithADamagedCsvIsOneLineAndExitTwo(@TempDir Path tmp) throws IOException {
        Path run = Files.createDirectories(tmp.resolve("20261201-120000-bench"));
        Files.writeString(run.resolve("bench.csv"), "benchmark,workload\nStrategyBenchmark.batch,\"CPU\n");
        assertUsageError(run("report", run.toString()), "not valid CSV");
        assertFalse(Files.exists(run.resolve("index.html")), "nothing drawn");
        assertUsageError(run("report", tmp.resolve("none").toString()), "is not a run directory");
    }

    @Test
    void helpNamesTheProfiles() {
        MainTest.Outcome o = run("bench", "--help");
        assertEquals(0, o.exit());
        for (String word : new String[] {"smoke", "quick", "nightly", "--include", "--results"}) {
            org.junit.jupiter.api.Assertions.assertTrue(o.out().contains(word), word);
        }
        String flat = o.out().replaceAll("\\s+", " ");
        for (racebench.bench.Profile p : racebench.bench.Profile.values()) {
            String budget = p.name().toLowerCase(java.util.Locale.ROOT) + " " + p.budget().toMinutes();
            org.junit.jupiter.api.Assertions.assertTrue(flat.contains(budget), "help says the budget '" + budget + "'");
        }
    }

    @Test
    void listNamesEachBenchmarkItsParametersAndWhatTheProfileRunsAndMeasuresNothing(@TempDir Path tmp) {
        MainTest.Outcome o = run("bench", "--list", "--include", "StrategyBenchmark", "--results", tmp.toString());
        assertEquals(0, o.exit(), o.toString());
        java.util.List<String> lines = o.out().lines().toList();
        assertEquals("StrategyBenchmark.batch  (36 rows in this profile)", lines.getFirst(), o.out());
        org.junit.jupiter.api.Assertions.assertTrue(lines.contains("    tasks=1,2,8,32  [this profile: 8]"), o.out());
        org.junit.jupiter.api.Assertions.assertTrue(lines.stream().anyMatch(l -> l.startsWith("    strategy=SEQUENTIAL,")),
                o.out());
        assertEquals(0, tmp.toFile().list().length, "nothing measured, nothing written");
    }
}
