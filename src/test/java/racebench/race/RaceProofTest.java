package racebench.race;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import racebench.cli.Main;
import racebench.process.NoLeftoverProcesses;
import racebench.results.Csv;
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
 * in jcstress's quick mode, with its adaptive rounds and five-minute budget, in a jcstress JVM
 * of its own, and holds each verdict to what the variant is: every racy and broken counter
 * REPRODUCED, no fix with a lost update, and each fix's verdict the one its evidence supports
 * (PROVEN only with a 95% bound 100x below its twin's lower bound in every configuration, else
 * SAFE_UNPROVEN): a run on a day of a quiet twin may honestly end SAFE_UNPROVEN.
 */
@Tag("e2e")
@Timeout(value = 25, unit = java.util.concurrent.TimeUnit.MINUTES)
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
                // no lost update, and a verdict that says what the run showed: PROVEN exactly when
                // the twin raced in every configuration and the bound lies 100x below it in each
                assertEquals("0", r.get("forbidden"), kind.variant() + ": " + r);
                assertEquals(kind.twin().variant(), r.get("twin"));
                assertTrue(Double.parseDouble(r.get("rate_upper_bound_95")) <= 3.0 / samples, r.toString());
                assertTrue(samples >= 1_000_000, kind.variant() + " had only " + samples + " samples");
                boolean strongEnough = r.get("configurations_twin_raced").equals(r.get("fix_configurations"))
                        && Double.parseDouble(r.get("sensitivity_min")) >= 100;
                assertEquals(strongEnough ? "PROVEN" : "SAFE_UNPROVEN", r.get("verdict"), r.toString());
            } else if (kind.expect() == CounterKind.Expectation.MAY_RACE) {
                // the tutorials' plain int: reproduced where C1 runs both actors, or folded away by C2 this run;
                // either way it is reported with its samples and is not a failure
                assertTrue(List.of("REPRODUCED", "NOT_SEEN").contains(r.get("verdict")), kind.variant() + ": " + r);
                assertEquals(r.get("verdict").equals("REPRODUCED"), Long.parseLong(r.get("interesting")) > 0, r.toString());
            } else {
                assertEquals("REPRODUCED", r.get("verdict"), kind.variant() + ": " + r);
            }
        }
        assertEquals(CounterKind.values().length, byVariant.size());
        assertEquals(0, exit, "exit code");
        assertTrue(Files.isRegularFile(run.resolve("jcstress-report/index.html")), "jcstress HTML report");
        List<String> files = List.of("race-outcomes.csv", "race-configurations.csv", "race-values.csv",
                "environment.csv", "complete.csv");
        for (String f : files) {
            assertTrue(Files.size(run.resolve(f)) > 0, f);
        }
        racebench.results.ResultFilesDoc.check(run, "race");
        NoLeftoverProcesses.check();
    }

    @Test
    void aUsersCounterIsJudgedSafeOrRacy(@TempDir Path out) throws IOException, InterruptedException {
        // relative, as a user types it: jcstress runs in a directory of its own and must still find it
        String fixtures = Path.of("target", "test-classes").toString();
        // a short run is enough here: the volatile race shows in every configuration, about once in 1,000
        String[] bounded = {"race", "--mode", "quick", "--time", "50", "--iterations", "1", "--budget", "1",
                "--classpath", fixtures};
        // three counters in one command: each checked first, then raced into a run directory of its own
        assertEquals(1, Main.run(concat(bounded, "--counter", "racebench.fixtures.UserSynchronizedCounter,"
                + "racebench.fixtures.UserRacyCounter,racebench.fixtures.twins.AtomicCounter",
                "--out", out.toString())), "the racy counter's RACE is a finding");
        try (Stream<Path> runs = Files.list(out)) {
            List<Path> dirs = runs.toList();
            assertEquals(3, dirs.size(), "a run directory per counter: " + dirs);
            for (Path dir : dirs) {
                assertTrue(Files.isRegularFile(dir.resolve("complete.csv")), dir.toString());
            }
        }
        CSVRecord safe = row(out, "racebench.fixtures.UserSynchronizedCounter");
        // judged against its own twin, the class without its synchronisation, stressed in the same run
        assertEquals("UserCounterTwin", safe.get("twin"));
        CSVRecord twin = row(out, "racebench.fixtures.UserSynchronizedCounter twin");
        assertTrue(List.of("REPRODUCED", "NOT_SEEN").contains(twin.get("verdict")), twin.toString());
        // an atomic counter's twin (a read, then a write, of a volatile) races in every configuration
        assertEquals("UserCounterTwin", row(out, "racebench.fixtures.twins.AtomicCounter").get("twin"));
        assertEquals("REPRODUCED", row(out, "racebench.fixtures.twins.AtomicCounter twin").get("verdict"));
        assertTrue(Double.parseDouble(safe.get("rate_upper_bound_95")) > 0, safe.toString());
        assertTrue(List.of("PROVEN", "SAFE_UNPROVEN").contains(safe.get("verdict")), safe.toString());
        String sensitivity = safe.get("sensitivity_min"); // empty when the twin lost no update anywhere
        assertEquals(safe.get("verdict").equals("PROVEN"), !sensitivity.isEmpty()
                && Double.parseDouble(sensitivity) >= 100, safe.toString());
        CSVRecord racy = row(out, "racebench.fixtures.UserRacyCounter");
        assertEquals("RACE", racy.get("verdict"));
        assertTrue(Long.parseLong(racy.get("forbidden")) > 0, racy.toString());
        NoLeftoverProcesses.check();
    }

    @Test
    void aFixShortOfSamplesAfterItsFirstRoundIsStressedAgainWhereItsProofNeedsIt(@TempDir Path out)
            throws IOException, InterruptedException {
        // one 20 ms iteration: about 1e5 samples a configuration, where the twin's quietest
        // configurations (about 5e-4 here) need several times that for a proof
        int exit = Main.run("race", "--mode", "quick", "--time", "20", "--iterations", "1", "--budget", "2",
                "--tests", "Synchronized$", "--out", out.toString());
        assertEquals(0, exit);
        Path run;
        try (Stream<Path> runs = Files.list(out)) {
            run = runs.findFirst().orElseThrow();
        }
        List<String> rounds;
        try (Stream<Path> files = Files.list(run)) {
            rounds = files.map(p -> p.getFileName().toString()).filter(f -> f.startsWith("jcstress") && f.endsWith(".log"))
                    .sorted().toList();
        }
        assertTrue(rounds.stream().anyMatch(f -> f.startsWith("jcstress-more") || f.startsWith("jcstress-twins-")),
                "a look added a round: " + rounds);
        // a later round's forks continue the configuration's count
        List<CSVRecord> outcomes = Csv.read(run.resolve("race-outcomes.csv"));
        assertTrue(outcomes.stream().anyMatch(r -> Integer.parseInt(r.get("fork")) >= (r.get("test")
                .endsWith("Synchronized") ? 1 : 2)), "forks numbered over the rounds");
        CSVRecord fix = Csv.read(run.resolve("race.csv")).stream().filter(r -> r.get("variant").equals("Synchronized"))
                .findFirst().orElseThrow();
        assertEquals("0", fix.get("forbidden"));
        String sensitivity = fix.get("sensitivity_min");
        assertEquals(fix.get("verdict").equals("PROVEN"), !sensitivity.isEmpty()
                && Double.parseDouble(sensitivity) >= 100 && fix.get("configurations_twin_raced").equals(fix.get("fix_configurations")),
                fix.toString());
        NoLeftoverProcesses.check();
    }

    @Tag("fault")
    @Test
    void aUsersCounterWhoseForkDiesIsAnErrorNotAPass(@TempDir Path out) throws IOException, InterruptedException {
        String fixtures = Path.of("target", "test-classes").toAbsolutePath().toString();
        // passes the one-thread check, then halts the forked JVM as soon as two threads call it
        assertEquals(3, Main.run("race", "--mode", "quick", "--time", "50", "--iterations", "1", "--budget", "1", "--no-retry",
                "--classpath", fixtures, "--counter", "racebench.fixtures.DyingUnderStressCounter",
                "--out", out.toString()));
        CSVRecord dying = row(out, "racebench.fixtures.DyingUnderStressCounter");
        assertEquals("ERROR", dying.get("verdict"), dying.toString());
        assertEquals("0", dying.get("samples"), dying.toString());
        NoLeftoverProcesses.check();
    }

    /** The user's counter and its reference twin, nothing else. */
    /** The row of this variant in the one run directory under {@code results} that has it; each run holds a counter and its twin. */
    private static CSVRecord row(Path results, String variant) throws IOException {
        try (Stream<Path> runs = Files.list(results)) {
            List<CSVRecord> found = new java.util.ArrayList<>();
            for (Path run : runs.toList()) {
                List<CSVRecord> rows = Csv.read(run.resolve("race.csv"));
                assertEquals(2, rows.size(), rows.toString());
                rows.stream().filter(r -> r.get("variant").equals(variant)).forEach(found::add);
            }
            assertEquals(1, found.size(), variant + ": " + found);
            return found.getFirst();
        }
    }

    private static String[] concat(String[] head, String... tail) {
        return Stream.concat(Stream.of(head), Stream.of(tail)).toArray(String[]::new);
    }
}
