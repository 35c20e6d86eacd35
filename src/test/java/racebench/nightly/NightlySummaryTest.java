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
    }
}
