package racebench.nightly;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racebench.bench.Build;
import racebench.bench.Profile;
import racebench.bench.RunComparison;
import racebench.results.Completion;
import racebench.results.Csv;
import racebench.results.RunDirectory;
import racebench.stats.Change;
import racebench.stats.Comparison;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The nightly's steps one at a time, on run directories written by hand: no JVM, no JMH, no jcstress. */
class NightlyStepsTest {
    private static final List<String> FORKS_HEADER = List.of("benchmark", "mode", "unit", "fork", "mean", "cv",
            "iterations", "trimmed");

    private static final Nightly.Options OPTIONS = Nightly.Options.of(Profile.SMOKE, ".*", Duration.ofMinutes(30),
            "none", Comparison.Criteria.DEFAULT);

    /** One side's forks: each row's fork means, {@code slower} times the row's base, with a little spread. */
    private static void forks(Path file, double slower) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (String row : List.of("X.slowed", "X.same")) {
            double factor = row.equals("X.slowed") ? slower : 1.0;
            for (int f = 0; f < 12; f++) {
                double mean = 100 * factor * (1 + 0.004 * ((f * 7) % 5 - 2));
                rows.add(List.of(row, "avgt", "ms/op", f + 1, mean, 0.01, 5, 0));
            }
        }
        Csv.write(file, FORKS_HEADER, rows, r -> r);
    }

    private static PrintWriter console(StringWriter out) {
        return new PrintWriter(out, true);
    }

    @Test
    void theRaceSuiteRunsInQuickModeOnlyWhenTheBudgetAffordsIt() {
        assertEquals("sanity", Nightly.raceMode(null, NightlyPolicy.DEFAULT.quickRaceNeeds().minusSeconds(1)));
        assertEquals("quick", Nightly.raceMode(null, NightlyPolicy.DEFAULT.quickRaceNeeds()));
        assertEquals("none", Nightly.raceMode("none", Duration.ofHours(1)), "a mode given is kept");
    }

    @Test
    void tonightIsJudgedAgainstTheBaseBuildsForksMeasuredBesideIt(@TempDir Path results) throws IOException {
        RunDirectory run = RunDirectory.create(results, "nightly", Instant.now());
        forks(run.resolve("bench-forks.csv"), 1.10);
        forks(run.resolve(RunComparison.BASE_FORKS_FILE), 1.0);
        Builds.Base base = new Builds.Base(results.resolve("an-earlier-night"), new Build("b".repeat(64), List.of("base.jar")));
        Nightly.Judged judged = Nightly.judge(OPTIONS, run, List.of(), 5,
                new Nightly.Against(Optional.of(base), List.of()), Map.of(), console(new StringWriter()));
        RunComparison.Result result = judged.comparison().orElseThrow();
        Map<String, Change> verdicts = new java.util.HashMap<>();
        result.rows().forEach(r -> verdicts.put(r.id().benchmark(), r.verdict()));
        assertEquals(Change.REGRESSION, verdicts.get("X.slowed"), result.rows().toString());
        assertEquals(Change.NO_CHANGE, verdicts.get("X.same"), result.rows().toString());
        assertTrue(Files.isRegularFile(run.resolve("compare.csv")));
        assertTrue(judged.machine().baselines().isEmpty(), "no machine check beside a base build");
    }

    @Test
    void aFirstNightHasNothingToBeJudgedAgainst(@TempDir Path results) throws IOException {
        RunDirectory run = RunDirectory.create(results, "nightly", Instant.now());
        forks(run.resolve("bench-forks.csv"), 1.0);
        Nightly.Judged judged = Nightly.judge(OPTIONS, run, List.of(), 5, new Nightly.Against(Optional.empty(),
                List.of()), Map.of(), console(new StringWriter()));
        assertTrue(judged.comparison().isEmpty());
        assertFalse(Files.exists(run.resolve("compare.csv")));
    }

    @Test
    void aNightWithAFailedRowIsCompleteAsAFindingAndNamesItsBuild(@TempDir Path results) throws IOException {
        RunDirectory run = RunDirectory.create(results, "nightly", Instant.now());
        Nightly.Outcome outcome = new Nightly.Outcome(Optional.empty(), Optional.empty(), false,
                List.of("X.broken: boom"));
        Nightly.finish(results, run, outcome, Optional.of("c".repeat(64)), new Nightly.Against(Optional.empty(),
                List.of()), Fingerprint.here(Profile.SMOKE, ".*"), 5, console(new StringWriter()));
        assertEquals(Optional.of(Completion.Status.FINDING), Completion.status(run.path()));
        assertEquals(Optional.of("false"), Completion.fact(run.path(), Baselines.REGRESSION_FACT),
                "a failed row is a finding, not a regression: the night may still be a baseline once accepted");
        assertEquals(Optional.of("c".repeat(64)), Completion.fact(run.path(), Builds.FACT));
    }

    @Test
    void aNightWhoseToolFailedIsNeverComplete(@TempDir Path results) throws IOException {
        RunDirectory run = RunDirectory.create(results, "nightly", Instant.now());
        Nightly.finish(results, run, new Nightly.Outcome(Optional.empty(), Optional.empty(), true), Optional.empty(),
                new Nightly.Against(Optional.empty(), List.of()), Fingerprint.here(Profile.SMOKE, ".*"), 5,
                console(new StringWriter()));
        assertTrue(Completion.status(run.path()).isEmpty(), "no complete.csv: no later night takes it as a baseline");
        assertFalse(Files.exists(run.resolve(Completion.FILE)));
    }
}
