package racebench.nightly;

import org.junit.jupiter.api.Test;
import racebench.bench.Profile;
import racebench.bench.RunComparison;
import racebench.stats.Change;
import racebench.stats.Comparison;

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

    @Test
    void theSummarySaysHowManyRowsWereJudgedAtTheirOwnResolution() {
        double[] base = {92, 108, 100, 95, 106, 99, 102, 97};
        double[] tonight = {95, 106, 99, 102, 97, 92, 108, 100};
        Comparison c = Comparison.of(base, tonight);
        double detectable = 0.111;
        Change verdict = c.judge(c.p(), Comparison.Criteria.DEFAULT, detectable);
        assertEquals(Change.NO_CHANGE, verdict, "an 8% spread row within ±11.1%");
        RunComparison.Row row = new RunComparison.Row("LockBenchmark.increment", "{counter=ATOMIC, threads=2}", "ns/op",
                c, c.p(), verdict, Comparison.Criteria.DEFAULT, detectable);
        assertTrue(row.judgedAtOwnResolution());
        Nightly.Outcome outcome = new Nightly.Outcome(Optional.empty(),
                Optional.of(new RunComparison.Result(List.of(row), List.of(), List.of())), false);
        StringWriter out = new StringWriter();
        Nightly.Options options = new Nightly.Options(Profile.NIGHTLY, ".*", Duration.ofMinutes(30), "none", List.of(),
                List.of(), Comparison.Criteria.DEFAULT);
        Nightly.summary(new PrintWriter(out), outcome, Optional.empty(), new MachineCheck.Selection(List.of(), List.of()),
                options, Duration.ofMinutes(29));
        assertTrue(out.toString().contains("1 of the NO_CHANGE rows are so at their own detectable effect, wider than "
                + "the noise (±11.1% to ±11.1%, median ±11.1%"), out.toString());
        assertFalse(out.toString().contains("not alarms"), "an unchanged row is no near miss: " + out);
    }

    @Test
    void aRowSlowerOnItsOwnButNotAfterTheCorrectionIsListedAsNoAlarm() {
        // 8.5% slower at about 3% spread, 4 forks a side: p near 0.01 alone, beyond 0.05 after Holm over 90 rows
        double[] base = {100, 104, 97, 101};
        Comparison slower = Comparison.of(base, new double[] {108, 113, 105, 110});
        Comparison same = Comparison.of(base, new double[] {101, 99, 100, 102});
        Comparison slightly = Comparison.of(new double[] {100, 100.2, 99.9, 100.1}, new double[] {102, 102.1, 101.9, 102.2}); // p < 0.05, within 3%
        Comparison oneFork = Comparison.of(base, new double[] {130});                         // no test: NaN
        List<Comparison> comparisons = new java.util.ArrayList<>(List.of(slower, slightly, oneFork));
        while (comparisons.size() < 90) {
            comparisons.add(same);
        }
        double[] adjusted = Comparison.Criteria.DEFAULT.correction().adjust(
                comparisons.stream().mapToDouble(Comparison::p).toArray());
        List<RunComparison.Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < comparisons.size(); i++) {
            Comparison c = comparisons.get(i);
            rows.add(new RunComparison.Row("StrategyBenchmark.batch", "{strategy=S" + i + ", workload=CPU}", "ms/op", c,
                    adjusted[i], c.judge(adjusted[i], Comparison.Criteria.DEFAULT, 0.25), Comparison.Criteria.DEFAULT, 0.25));
        }
        assertTrue(slower.p() < 0.05 && adjusted[0] > 0.05, "p " + slower.p() + ", after Holm " + adjusted[0]);
        assertTrue(slightly.p() < 0.05, "p " + slightly.p());
        assertEquals(Change.NO_CHANGE, rows.getFirst().verdict(), "within a ±25% band, not flagged after the correction");
        RunComparison.Result result = new RunComparison.Result(rows, List.of(), List.of());
        assertEquals(List.of(rows.getFirst()), result.nearMisses(), "the one beyond the noise, not the one within it");
        assertTrue(rows.getFirst().why().contains("not an alarm: p=0.0"), rows.getFirst().why());
        assertFalse(rows.get(1).why().contains("not an alarm"), rows.get(1).why());
        StringWriter out = new StringWriter();
        Nightly.Options options = new Nightly.Options(Profile.NIGHTLY, ".*", Duration.ofMinutes(30), "none", List.of(),
                List.of(), Comparison.Criteria.DEFAULT);
        Nightly.summary(new PrintWriter(out), new Nightly.Outcome(Optional.empty(), Optional.of(result), false),
                Optional.empty(), new MachineCheck.Selection(List.of(), List.of()), options, Duration.ofMinutes(29));
        String text = out.toString();
        assertTrue(text.contains("not alarms: 1 NO_CHANGE row(s) beyond the noise at p < 0.05 on their own but not "
                + "after Holm over 89 rows"), "the row without a test does not count: " + text);
        assertTrue(text.contains("    StrategyBenchmark.batch {strategy=S0, workload=CPU}  new/base 1."), text);
        assertFalse(text.contains("{strategy=S1,"), text);
    }
}
