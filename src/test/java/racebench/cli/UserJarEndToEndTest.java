package racebench.cli;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import racebench.bench.UserJmhJar;
import racebench.process.Children;
import racebench.results.Csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static racebench.cli.MainTest.assertUsageError;
import static racebench.cli.MainTest.run;

/** bench and ab on a JMH jar built in the test, as a user's project would build it. */
@Tag("e2e")
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class UserJarEndToEndTest {
    @TempDir
    static Path project;
    static Path jar;

    @BeforeAll
    static void buildTheUsersJar() throws IOException {
        jar = UserJmhJar.build(project);
    }

    @Test
    void listsTheJarsBenchmarksAndTheirParameters() {
        MainTest.Outcome o = run("bench", "--jar", jar.toString(), "--list");
        assertEquals(0, o.exit(), o.toString());
        List<String> lines = o.out().lines().toList();
        assertTrue(lines.contains("Work.sum  (4 rows)"), o.out());
        assertTrue(lines.contains("    op=MUL,XOR"), o.out());
        assertTrue(lines.contains("    size=1000,8000"), o.out());
        assertTrue(lines.contains("Broken.fails thrpt  (1 row)"), o.out());
    }

    @Test
    void measuresAUsersBenchmarkAsRowsWithAColumnPerParameterAndASpeedupAgainstTheNamedBaseline(@TempDir Path tmp)
            throws IOException {
        MainTest.Outcome o = run("bench", "--jar", jar.toString(), "--include", "Work.sum", "--profile", "smoke",
                "--baseline-param", "size=1000", "--results", tmp.toString());
        assertEquals(0, o.exit(), o.toString());
        Path runDir = only(tmp);
        List<CSVRecord> rows = Csv.read(runDir.resolve("bench.csv"));
        assertEquals(4, rows.size());
        for (CSVRecord r : rows) {
            assertEquals("Work.sum", r.get("benchmark"));
            assertEquals("avgt", r.get("mode"));
            assertEquals("us/op", r.get("unit"));
            assertEquals("2", r.get("forks"));
            double speedup = Double.parseDouble(r.get("speedup"));
            if (r.get("param_size").equals("1000")) {
                assertEquals(1.0, speedup, 0.0, "the baseline row");
            } else {
                assertEquals("8000", r.get("param_size"));
                assertTrue(speedup < 0.5, "eight times the work: " + speedup); // measured near 0.125
            }
        }
        assertEquals(List.of("MUL", "MUL", "XOR", "XOR"), rows.stream().map(r -> r.get("param_op")).sorted().toList());
        assertTrue(Files.isRegularFile(runDir.resolve("index.html")));
        assertTrue(o.out().contains("Work  (us/op; mean ± 95% CI over 2 forks)"), o.out());
        assertTrue(o.out().contains("sum op=MUL size=8000"), o.out());
        assertEquals(0, Children.live());
    }

    @Test
    void abFlagsTheRowsThatAJvmFlagSlowedAndExitsOne(@TempDir Path tmp) throws IOException {
        MainTest.Outcome o = run("ab", "--jar", jar.toString(), "--include", "Work.sum", "--param", "size=8000",
                "--param", "op=XOR", "--new-jvm-args", "-Xint", "--profile", "smoke", "--budget", "2",
                "--results", tmp.toString());
        assertEquals(1, o.exit(), o.toString());
        Path runDir = only(tmp);
        List<CSVRecord> rows = Csv.read(runDir.resolve("compare.csv"));
        assertEquals(1, rows.size());
        assertEquals("REGRESSION", rows.getFirst().get("verdict"), rows.getFirst().toString());
        assertTrue(Double.parseDouble(rows.getFirst().get("ratio")) > 3, "an interpreter is slower: "
                + rows.getFirst().get("ratio"));
        assertTrue(Files.isRegularFile(runDir.resolve("base-forks.csv")));
        assertTrue(Files.readString(runDir.resolve("environment.csv")).contains("flags -Xint"));
        assertTrue(o.out().contains("REGRESSION   Work.sum {op=XOR, size=8000}"), o.out());
        racebench.results.ResultFilesDoc.check(runDir, "ab");
        assertEquals(0, Children.live());
    }

    @Test
    void aBenchmarkThatThrowsOrExitsIsOneLineAndExitThreeAndTheHarnessLivesOn(@TempDir Path tmp) {
        MainTest.Outcome thrown = run("bench", "--jar", jar.toString(), "--include", "Broken", "--profile", "smoke",
                "--results", tmp.toString());
        assertEquals(3, thrown.exit(), thrown.toString());
        assertEquals(1, thrown.err().lines().count(), thrown.err());
        assertTrue(thrown.err().contains("broken on purpose"), thrown.err());
        MainTest.Outcome exited = run("bench", "--jar", jar.toString(), "--include", "Exits", "--profile", "smoke",
                "--results", tmp.toString());
        assertEquals(3, exited.exit(), exited.toString());
        assertEquals(1, exited.err().lines().count(), exited.err());
        assertEquals(0, Children.live());
    }

    @Test
    void aNightlyOfTheUsersJarPairsEachNightWithTheLastGoodBuildAndFlagsASlowerBuild(@TempDir Path tmp)
            throws IOException {
        Path results = tmp.resolve("results");
        Path slower = UserJmhJar.build(tmp.resolve("slower"), 3);
        String[] night = {"nightly", "--jar", jar.toString(), "--include", "Work", "--profile", "smoke",
                "--budget", "2", "--results", results.toString()};
        MainTest.Outcome first = run(night);
        assertEquals(0, first.exit(), first.toString());
        assertTrue(first.out().contains("race suite: not run"), first.out());
        MainTest.Outcome second = run(night);
        assertEquals(0, second.exit(), second.toString());
        assertTrue(second.out().contains("measured beside tonight's, fork by fork"), second.out());
        assertFalse(second.out().contains("REGRESSION   "), second.out());
        String[] merged = night.clone();
        merged[2] = slower.toString();
        MainTest.Outcome third = run(merged);
        assertEquals(1, third.exit(), third.toString());
        Path last;
        try (Stream<Path> runs = Files.list(results)) {
            last = runs.filter(p -> p.getFileName().toString().endsWith("-nightly")).sorted().toList().getLast();
        }
        List<CSVRecord> rows = Csv.read(last.resolve("compare.csv"));
        assertEquals(4, rows.size());
        for (CSVRecord r : rows) { // three times the loop: every row about three times slower
            assertEquals("REGRESSION", r.get("verdict"), r.toString());
            assertTrue(Double.parseDouble(r.get("ratio")) > 2, r.toString());
        }
        try (Stream<Path> builds = Files.list(results.resolve("builds"))) {
            assertEquals(1, builds.count(), "the good build, stored once; a regressed night's is no one's base");
        }
        assertEquals(0, Children.live());
    }

    @Tag("fault")
    @Test
    void badInputIsOneLineAndExitTwoAndWritesNothing(@TempDir Path tmp) throws IOException {
        Path results = tmp.resolve("results");
        String out = results.toString();
        assertUsageError(run("bench", "--jar", tmp.resolve("none.jar").toString(), "--results", out), "does not exist");
        Path notAJar = Files.writeString(tmp.resolve("notes.jar"), "not a zip");
        assertUsageError(run("bench", "--jar", notAJar.toString(), "--results", out), "neither a jar nor a directory");
        Path plain = Path.of(UserJmhJar.jmhJarsForTests().getFirst());
        assertUsageError(run("bench", "--jar", plain.toString(), "--results", out), "holds no JMH benchmarks");
        assertUsageError(run("bench", "--jar", jar.toString(), "--include", "Nothing", "--results", out),
                "matches no benchmark");
        assertUsageError(run("bench", "--jar", jar.toString(), "--include", "Work", "--param", "size=3",
                "--results", out), "'3' is not a value of size");
        assertUsageError(run("bench", "--jar", jar.toString(), "--include", "Work", "--baseline-param", "size=3",
                "--results", out), "no selected row has size=3");
        assertUsageError(run("bench", "--jar", jar.toString(), "--baseline-param", "size", "--results", out),
                "is not NAME=VALUE");
        assertUsageError(run("ab", "--jar", jar.toString(), "--new-java", tmp.toString(), "--results", out),
                "--new-java: " + tmp + " is not a JDK");
        assertUsageError(run("ab", "--base", jar.toString(), "--results", out), "--new is missing");
        assertUsageError(run("nightly", "--jar", jar.toString(), "--include", "Nothing", "--results", out),
                "matches no benchmark");
        assertUsageError(run("nightly", "--jar", notAJar.toString(), "--results", out), "neither a jar nor a directory");
        assertFalse(Files.exists(results), "bad input leaves no run directory");
    }

    private static Path only(Path results) throws IOException {
        try (Stream<Path> runs = Files.list(results)) {
            List<Path> all = runs.toList();
            assertEquals(1, all.size(), all.toString());
            return all.getFirst();
        }
    }
}
