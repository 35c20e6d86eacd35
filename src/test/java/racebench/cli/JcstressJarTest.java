package racebench.cli;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import racebench.bench.UserJmhJar;
import racebench.fixtures.UserJcstressJar;
import racebench.process.NoLeftoverProcesses;
import racebench.results.Csv;
import racebench.results.ResultFilesDoc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code race --jcstress-jar}: a user's own jcstress tests, judged by racebench, and proved
 * against the twin of the class they exercise; every bad input one line and exit 2.
 */
class JcstressJarTest {
    @TempDir
    static Path project;
    static Path jar;

    @BeforeAll
    static void buildTheUsersJar() throws IOException {
        jar = UserJcstressJar.build(project);
    }

    @Tag("fault")
    @Test
    void badJarsTestsAndSubjectsAreOneLineAndExitTwo(@TempDir Path out) throws IOException {
        String results = out.resolve("results").toString();
        MainTest.assertUsageError(MainTest.run("race", "--jcstress-jar", out.resolve("none.jar").toString(),
                "--results", results), "is not a file");
        MainTest.assertUsageError(MainTest.run("race", "--jcstress-jar", UserJmhJar.jmhJarsForTests().getFirst(),
                "--results", results), "has no jcstress tests");
        Path notAJar = Files.writeString(out.resolve("notes.jar"), "not a jar");
        MainTest.assertUsageError(MainTest.run("race", "--jcstress-jar", notAJar.toString(), "--results", results),
                "cannot be read as a jar");
        MainTest.assertUsageError(MainTest.run("race", "--jcstress-jar", jar.toString(), "--tests", "Nothing",
                "--results", results), "matches none of the jar's 2 jcstress tests");
        MainTest.assertUsageError(MainTest.run("race", "--jcstress-jar", jar.toString(), "--subject", "demo.Missing",
                "--results", results), "--subject demo.Missing is not on the class path");
        MainTest.assertUsageError(MainTest.run("race", "--jcstress-jar", jar.toString(), "--subject", "demo.LooseTally",
                "--results", results), "has no synchronisation racebench can take out");
        MainTest.assertUsageError(MainTest.run("race", "--subject", "demo.Tally", "--results", results),
                "--subject goes with --jcstress-jar");
        MainTest.assertUsageError(MainTest.run("race", "--jcstress-jar", jar.toString(), "--counter", "demo.Tally",
                "--results", results), "give one");
        MainTest.assertUsageError(MainTest.run("race", "--jcstress-jar", jar.toString(), "--budget", "3",
                "--results", results), "--budget does not go with --jcstress-jar");
        MainTest.assertUsageError(MainTest.run("race", "--jcstress-jar", jar.toString(), "--no-retry",
                "--results", results), "--no-retry does not go with --jcstress-jar");
        assertFalse(Files.exists(out.resolve("results")), "nothing written for bad input");
    }

    @Tag("e2e")
    @Test
    @Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
    void theLockedTestIsProvenAgainstItsSubjectsTwinAndTheLooseOneRaces(@TempDir Path out)
            throws IOException, InterruptedException {
        MainTest.Outcome o = MainTest.run("race", "--jcstress-jar", jar.toString(), "--subject", "demo.Tally",
                "--results", out.toString());
        assertEquals(1, o.exit(), "the loose tally's lost hit is a finding: " + o);
        Path run;
        try (Stream<Path> runs = Files.list(out)) {
            run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        List<CSVRecord> race = Csv.read(run.resolve("race.csv"));
        CSVRecord locked = row(race, "demo.TallyTest");
        CSVRecord lockedTwin = row(race, "demo.TallyTest twin");
        CSVRecord loose = row(race, "demo.LooseTallyTest");
        assertEquals("0", locked.get("forbidden"), locked.toString());
        assertEquals("demo.TallyTest twin", locked.get("twin"), locked.toString());
        assertEquals("REPRODUCED", lockedTwin.get("verdict"), "without its lock the tally loses hits: " + lockedTwin);
        assertTrue(Long.parseLong(lockedTwin.get("forbidden")) > 0, lockedTwin.toString());
        // the twin loses a hit about once in 10 samples: quick mode proves the lock thousands of times over
        assertEquals("PROVEN", locked.get("verdict"), locked.toString());
        assertEquals("RACE", loose.get("verdict"), loose.toString());
        assertTrue(Double.parseDouble(loose.get("stress_seconds")) > 0, "its stress time: " + loose);
        assertTrue(Long.parseLong(loose.get("forbidden")) > 0, loose.toString());
        assertTrue(o.out().contains("demo.Tally's twin is the class without its"), o.out());
        assertTrue(Files.isRegularFile(run.resolve("index.html")));
        assertTrue(Files.isRegularFile(run.resolve("complete.csv")), "a finding is a complete run");
        ResultFilesDoc.check(run, "race");
        NoLeftoverProcesses.check();
    }

    private static CSVRecord row(List<CSVRecord> rows, String variant) {
        return rows.stream().filter(r -> r.get("variant").equals(variant)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + variant + " in " + rows));
    }
}
