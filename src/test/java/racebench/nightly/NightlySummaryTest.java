package racebench.nightly;

import org.junit.jupiter.api.Test;
import racebench.bench.Profile;
import racebench.bench.RunComparison;
import racebench.stats.AlarmBudget;
import racebench.stats.Change;
import racebench.stats.Comparison;
import racebench.stats.Judge;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NightlySummaryTest {

    @Test
    void aRowThatFailedTonightIsAFindingNamedInTheSummary() {
        Nightly.Outcome outcome = new Nightly.Outcome(Optional.empty(), Optional.empty(), false,
                List.of("SpawnBenchmark.spawn {kind=CHILD_JVM_AOT}: Benchmark caught the exception"));
        assertTrue(outcome.finding(), "a broken row alerts like a regression");
        assertFalse(outcome.toolFailed(), "the night's other rows are judged and it completes");
        assertFalse(new Nightly.Outcome(Optional.empty(), Optional.empty(), false).finding());
        StringWriter out = new StringWriter();
        Nightly.Options options = new Nightly.Options(Profile.NIGHTLY, ".*", Duration.ofMinutes(30), "none", List.of(),
                List.of(), Comparison.Criteria.DEFAULT);
        Nightly.summary(new PrintWriter(out), outcome, Optional.empty(), new MachineCheck.Selection(List.of(), List.of()),
                options, Duration.ofMinutes(29));
        String text = out.toString();
        assertTrue(text.contains("benchmarks: 1 row(s) failed tonight, no verdict for them (see jmh.log):\n"
                + "  FAILED       SpawnBenchmark.spawn {kind=CHILD_JVM_AOT}: Benchmark caught the exception"), text);
    }

    /** Rows judged as the nightly judges them: weighted Holm over all, the strategy rows at 8 tasks primary. */
    private static List<RunComparison.Row> judged(List<Comparison> comparisons, List<String> benchmarks,
                                                  List<String> params) {
        boolean[] primary = new boolean[comparisons.size()];
        for (int i = 0; i < primary.length; i++) {
            primary[i] = Profile.primary(benchmarks.get(i), params.get(i));
        }
        List<Judge.Judged> judged = Judge.judge(comparisons, primary,
                java.util.Collections.nCopies(comparisons.size(), Optional.empty()), Comparison.Criteria.DEFAULT,
                AlarmBudget.DEFAULT);
        List<RunComparison.Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < comparisons.size(); i++) {
            rows.add(new RunComparison.Row(new racebench.bench.RowId(benchmarks.get(i), "avgt", params.get(i)), "ms/op", comparisons.get(i), judged.get(i),
                    Comparison.Criteria.DEFAULT, 0.25, primary[i]));
        }
        return rows;
    }

    @Test
    void aRowSlowerOnItsOwnButNotAfterTheCorrectionIsSuspectCountedFirstAndListed() {
        // 8.5% slower at about 3% spread, 4 forks a side: p near 0.01 alone, beyond 0.05 after the correction
        double[] base = {100, 104, 97, 101};
        Comparison slower = Comparison.of(base, new double[] {108, 113, 105, 110});
        Comparison same = Comparison.of(new double[] {100, 100.2, 99.9, 100.1}, new double[] {100.1, 99.9, 100, 100.2});
        Comparison slightly = Comparison.of(new double[] {100, 100.2, 99.9, 100.1}, new double[] {102, 102.1, 101.9, 102.2}); // p < 0.05, within 3%
        Comparison oneFork = Comparison.of(base, new double[] {130});                         // no test: NaN
        List<Comparison> comparisons = new java.util.ArrayList<>(List.of(slower, slightly, oneFork));
        while (comparisons.size() < 90) {
            comparisons.add(same);
        }
        List<String> benchmarks = java.util.Collections.nCopies(90, "LockBenchmark.increment");
        List<String> params = java.util.stream.IntStream.range(0, 90).mapToObj(i -> "{counter=C" + i + "}").toList();
        List<RunComparison.Row> rows = judged(comparisons, benchmarks, params);
        assertTrue(slower.p() < 0.05 && rows.getFirst().adjustedP() > 0.05, "p " + slower.p() + ", after Holm "
                + rows.getFirst().adjustedP());
        assertEquals(Change.SUSPECT, rows.getFirst().verdict(), "beyond the noise, significant alone only");
        assertEquals(Change.NO_CHANGE, rows.get(1).verdict(), "2% slower, within the noise: " + rows.get(1).why());
        assertEquals(Change.INCONCLUSIVE, rows.get(2).verdict());
        assertEquals(Change.NO_CHANGE, rows.get(3).verdict());
        assertTrue(rows.getFirst().why().contains("p=0.0"), rows.getFirst().why());
        RunComparison.Result result = new RunComparison.Result(rows, List.of(), List.of());
        assertEquals(List.of(rows.getFirst()), result.notable(), "SUSPECT rows are listed, INCONCLUSIVE ones counted");
        StringWriter out = new StringWriter();
        Nightly.Options options = new Nightly.Options(Profile.NIGHTLY, ".*", Duration.ofMinutes(30), "none", List.of(),
                List.of(), Comparison.Criteria.DEFAULT);
        Nightly.summary(new PrintWriter(out), new Nightly.Outcome(Optional.empty(), Optional.of(result), false),
                Optional.empty(), new MachineCheck.Selection(List.of(), List.of()), options, Duration.ofMinutes(29));
        List<String> lines = out.toString().lines().toList();
        assertEquals("OK: 0 alarm(s) (0 REGRESSION, 0 from evidence over nights), 1 SUSPECT, 0 failed row(s); race suite "
                + "not run", lines.get(2), out.toString());
        assertTrue(out.toString().contains("  SUSPECT      LockBenchmark.increment {counter=C0}  new/base 1."),
                out.toString());
    }

    @Test
    void aPrimaryRowMeetsALowerBarThanTheSameRowAmongEqualRows() {
        // the same 6% slowdown at 2% spread, 6 forks a side: among 90 equal rows it is SUSPECT; as one of 36
        // primary rows it gets 0.8 x 0.05 / 36 instead of 0.05 / 90 and is flagged
        double[] base = {100, 103, 97, 101, 99, 102};
        Comparison slower = Comparison.of(base, new double[] {106, 109.2, 102.8, 107.1, 104.9, 108.1});
        Comparison same = Comparison.of(base, base.clone());
        List<Comparison> comparisons = new java.util.ArrayList<>(List.of(slower));
        while (comparisons.size() < 90) {
            comparisons.add(same);
        }
        List<String> params = java.util.stream.IntStream.range(0, 90)
                .mapToObj(i -> "{strategy=S" + i + ", tasks=" + (i < 36 ? 8 : 32) + ", workload=CPU}").toList();
        List<RunComparison.Row> primary = judged(comparisons, java.util.Collections.nCopies(90, "StrategyBenchmark.batch"),
                params);
        List<RunComparison.Row> equal = judged(comparisons, java.util.Collections.nCopies(90, "LockBenchmark.increment"),
                params);
        assertTrue(primary.getFirst().primary() && !primary.get(36).primary());
        assertEquals(0.05 * 0.8 / 36, primary.getFirst().judged().share(), 1e-12);
        assertEquals(0.05 / 90, equal.getFirst().judged().share(), 1e-12);
        double p = slower.p();
        assertTrue(p * 90 > 0.05 && p * 36 / 0.8 < 0.05, "p " + p + " lies between the two bars");
        assertEquals(Change.REGRESSION, primary.getFirst().verdict(), primary.getFirst().why());
        assertEquals(Change.SUSPECT, equal.getFirst().verdict(), equal.getFirst().why());
    }
}
