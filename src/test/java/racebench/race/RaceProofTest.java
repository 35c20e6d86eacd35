package racebench.race;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racebench.cli.Main;
import racebench.process.NoLeftoverProcesses;
import racebench.report.Csv;
import racebench.workload.counter.CounterKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The race-proof suite itself: runs every LostUpdate variant through {@code racebench race}
 * in jcstress's quick mode, in a jcstress JVM of its own, and holds each verdict to what the
 * variant is: every racy and broken counter REPRODUCED, every fix SAFE over at least a
 * million samples. Quick mode, not less: the plain-int race shows only when both actors run
 * C1 code (C2 folds it), about once in a million samples there, so this is the least stress
 * that reproduces it every time (README: ten runs in a row).
 */
@Tag("e2e")
class RaceProofTest {

    @Test
    void everyRacyVariantIsReproducedAndEveryFixIsProvedSafe(@TempDir Path out) throws IOException, InterruptedException {
        int exit = Main.run("race", "--mode", "quick", "--out", out.toString());

        Path run;
        try (Stream<Path> runs = Files.list(out)) {
            run = runs.filter(p -> p.getFileName().toString().endsWith("-race")).findFirst().orElseThrow();
        }
        Map<String, CSVRecord> byVariant = Csv.read(run.resolve("race.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("variant"), r -> r));
        for (CounterKind kind : CounterKind.values()) {
            CSVRecord r = byVariant.get(kind.variant());
            assertTrue(r != null, "no verdict for " + kind.variant());
            long samples = Long.parseLong(r.get("samples"));
            if (kind.expect() == CounterKind.Expectation.SAFE) {
                assertEquals("SAFE", r.get("verdict"), kind.variant() + ": " + r);
                assertTrue(samples >= 1_000_000, kind.variant() + " had only " + samples + " samples");
            } else {
                assertEquals("REPRODUCED", r.get("verdict"), kind.variant() + ": " + r);
            }
        }
        assertEquals(CounterKind.values().length, byVariant.size());
        assertEquals(0, exit, "exit code");
        assertTrue(Files.isRegularFile(run.resolve("jcstress-report/index.html")), "jcstress HTML report");
        List<String> files = List.of("race-outcomes.csv", "race-configurations.csv", "environment.csv");
        for (String f : files) {
            assertTrue(Files.size(run.resolve(f)) > 0, f);
        }
        NoLeftoverProcesses.check();
    }

    @Test
    void aUsersCounterIsJudgedSafeOrRacy(@TempDir Path out) throws IOException, InterruptedException {
        String fixtures = Path.of("target", "test-classes").toAbsolutePath().toString();
        // a short run is enough here: the volatile race shows in every configuration, about once in 1,000
        String[] bounded = {"race", "--mode", "quick", "--time", "50", "--iterations", "1", "--classpath", fixtures};
        assertEquals(0, Main.run(concat(bounded, "--counter", "racebench.fixtures.UserSynchronizedCounter",
                "--out", out.resolve("safe").toString())));
        assertEquals(1, Main.run(concat(bounded, "--counter", "racebench.fixtures.UserRacyCounter",
                "--out", out.resolve("racy").toString())));
        CSVRecord safe = onlyRow(out.resolve("safe"));
        assertEquals("racebench.fixtures.UserSynchronizedCounter", safe.get("variant"));
        assertEquals("SAFE", safe.get("verdict"));
        CSVRecord racy = onlyRow(out.resolve("racy"));
        assertEquals("RACE", racy.get("verdict"));
        assertTrue(Long.parseLong(racy.get("forbidden")) > 0, racy.toString());
        NoLeftoverProcesses.check();
    }

    private static CSVRecord onlyRow(Path results) throws IOException {
        try (Stream<Path> runs = Files.list(results)) {
            List<CSVRecord> rows = Csv.read(runs.findFirst().orElseThrow().resolve("race.csv"));
            assertEquals(1, rows.size(), rows.toString());
            return rows.getFirst();
        }
    }

    private static String[] concat(String[] head, String... tail) {
        return Stream.concat(Stream.of(head), Stream.of(tail)).toArray(String[]::new);
    }
}
