package racebench.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which rows get the next round's forks, on rows whose state is set by hand: no JMH, no clock. */
class ForkFundingTest {
    private static final long SECOND = 1_000_000_000L;
    private static final AdaptiveMeasurement.Stopping STOPPING = new AdaptiveMeasurement.Stopping(3, 10, 0.02, 20);

    /** A row with {@code forks} forks so far, each costing {@code secondsPerFork}, needing {@code forksFor} for ±2%. */
    private static RowState row(String name, boolean primary, int forks, long secondsPerFork, int forksFor) {
        RowState s = new RowState(new BenchCase("X." + name, Map.of()), primary, 0.05);
        List<double[]> means = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            means.add(new double[] {100 + f});
        }
        s.samples = new ForkSamples("X." + name, Map.of(), "ms/op", means);
        s.calls = forks;
        s.spentNanos = forks * secondsPerFork * SECOND;
        s.forksFor = forksFor;
        s.relativeHalfWidth = forksFor <= forks ? 0.01 : 0.05;
        return s;
    }

    private static ForkFunding funding(long secondsLeft, boolean alarms) {
        return new ForkFunding(STOPPING, 0, secondsLeft * SECOND, () -> 0L, alarms);
    }

    private static List<String> names(ForkFunding.Round round) {
        return round.rows().stream().map(s -> s.c.benchmark()).toList();
    }

    @Test
    void withoutABaseTheRowsThatCanReachTheTargetAreFundedCheapestFirstWhileTheyFit() {
        RowState cheap = row("cheap", false, 3, 1, 5);       // 2 forks more at 1 s: 2 s
        RowState dear = row("dear", false, 3, 10, 8);        // 5 forks more at 10 s: 50 s
        RowState done = row("done", false, 4, 1, 3);         // precise already
        ForkFunding.Round round = funding(20, false).active(List.of(cheap, dear, done));
        assertEquals(List.of("X.cheap"), names(round), "the dear row's 50 s do not fit in 20 s: " + round.why());
        assertTrue(round.why().contains("±2%"), round.why());
        assertEquals(List.of("X.cheap", "X.dear"), names(funding(60, false).active(List.of(cheap, dear, done))),
                "both fit in 60 s, in case order");
    }

    @Test
    void whenTwoRowsFitOneAtATimeTheCheaperIsFundedWhereverItStands() {
        RowState first = row("first", false, 3, 5, 6);         // 3 forks more at 5 s: 15 s
        RowState second = row("second", false, 3, 5, 5);       // 2 forks more at 5 s: 10 s
        // 20 s left: either fits, not both; walking the rows in order would fund the first
        assertEquals(List.of("X.second"), names(funding(20, false).active(List.of(first, second))));
    }

    @Test
    void withABaseThePrimaryRowsShortOfTheirPairsComeFirst() {
        RowState primary = row("primary", true, 3, 1, 3);
        primary.primaryForks = 6;                              // its alarm needs 6 pairs
        RowState other = row("other", false, 3, 1, 8);         // short of ±2%, cheaper than the primary row
        ForkFunding.Round round = funding(100, true).active(List.of(other, primary));
        assertEquals(List.of("X.primary"), names(round));
        assertTrue(round.why().startsWith("primary rows short"), round.why());
        primary.samples = primary.samples.plus(new ForkSamples("X.primary", Map.of(), "ms/op",
                List.of(new double[] {1}, new double[] {1}, new double[] {1})));
        assertEquals(List.of("X.other"), names(funding(100, true).active(List.of(other, primary))),
                "once it has its pairs, the next goal's rows");
    }

    @Test
    void whenNoGoalFitsTheRowsThatCanConvergeShareWhatIsLeftSoOneCostlyRowCannotStarveTheRest() {
        RowState slow = row("slow", false, 3, 30, 9);          // 6 more at 30 s: 180 s
        RowState quick = row("quick", false, 3, 2, 9);         // 6 more at 2 s: 12 s
        // 10 s left: neither reaches the target; each may spend an equal share of the 100 s budget
        ForkFunding shares = new ForkFunding(STOPPING, 0, 100 * SECOND, () -> 90 * SECOND, false);
        ForkFunding.Round round = shares.active(List.of(slow, quick));
        assertEquals(List.of("X.quick"), names(round), "the slow row has spent its half already: " + round.why());
        assertTrue(round.why().contains("equal share"), round.why());
    }

    @Test
    void aRowIsFinishedWhenItFailedIsPreciseOrHasItsMaximum() {
        ForkFunding funding = funding(100, false);
        RowState failed = row("failed", false, 1, 1, 9);
        failed.failure = "boom";
        assertTrue(funding.finished(failed));
        assertTrue(funding.finished(row("precise", false, 4, 1, 3)));
        assertTrue(funding.finished(row("max", false, 10, 1, 50)), "at the maximum of 10 forks");
        assertFalse(funding.finished(row("open", false, 4, 1, 9)));
        RowState blind = row("blind", false, 10, 1, 50);
        blind.verdictForks = 15;                               // would see a 50% change at 15 forks, within 20
        assertFalse(funding.finished(blind), "a row too blind for a verdict goes past the maximum while it can see");
        assertEquals(List.of(), funding.active(List.of(failed)).rows());
    }
}
