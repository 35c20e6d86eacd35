package racebench.race;

import org.junit.jupiter.api.Test;
import racebench.stats.Proportion;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForkSpreadTest {

    private static List<ForkSpread.Fork> forks(long... lost) {
        List<ForkSpread.Fork> forks = new ArrayList<>();
        for (long l : lost) {
            forks.add(new ForkSpread.Fork(1_000_000, l));
        }
        return forks;
    }

    @Test
    void forksThatAgreeLeaveTheExactBound() {
        List<List<ForkSpread.Fork>> configurations = List.of(forks(1_000, 1_000), forks(500, 500), forks(20, 20));
        ForkSpread spread = ForkSpread.of(configurations);
        assertEquals(0, spread.variance(), 1e-12);
        List<ForkSpread.Fork> quiet = forks(20, 20);
        assertEquals(Proportion.lower(40, 2_000_000, 0.95), spread.lower(quiet), 1e-12);
    }

    @Test
    void forksThatDisagreeWidenTheBoundOfEveryConfiguration() {
        // every configuration's two forks differ twofold: each lies a third from their mean, a relative
        // variance of 0.22; its 95% upper bound over 10 degrees of freedom is 0.56
        List<List<ForkSpread.Fork>> configurations = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            configurations.add(forks(10_000, 20_000));
        }
        ForkSpread spread = ForkSpread.of(configurations);
        assertEquals(0.56, spread.variance(), 0.01);
        double exact = Proportion.lower(30_000, 2_000_000, 0.95);
        double lower = spread.lower(forks(10_000, 20_000));
        assertTrue(lower < 0.75 * exact, lower + " against " + exact);
    }

    @Test
    void withoutTwoForksAnywhereTheSpreadIsAssumedNotIgnored() {
        ForkSpread spread = ForkSpread.of(List.of(forks(1_000), forks(2_000)));
        assertEquals(ForkSpread.UNKNOWN, spread.variance());
        assertTrue(spread.lower(forks(1_000)) < 0.5 * 1e-3);
    }

    @Test
    void noLostUpdateHasALowerBoundOfZero() {
        assertEquals(0, ForkSpread.of(List.of(forks(0, 0))).lower(forks(0, 0)));
    }

    @Test
    void aSecondRoundsForksAreNumberedAfterTheFirstRounds() {
        RaceEvidence evidence = new RaceEvidence(StressMode.QUICK, null, null, null);
        String twin = "racebench.stress.LostUpdate.RacyVolatile";
        ProofFunding.Round round = new ProofFunding.Round("-twins", null, List.of(twin), null, 2, 2);
        for (int r = 0; r < 2; r++) {
            List<OutcomeRow> rows = new ArrayList<>();
            for (int f = 0; f < 2; f++) {
                rows.add(new OutcomeRow(twin, "actor1=C1 actor2=C1", "", f, "NORMAL", "0", "ACCEPTABLE", 990, "d"));
                rows.add(new OutcomeRow(twin, "actor1=C1 actor2=C1", "", f, "NORMAL", "1", "ACCEPTABLE_INTERESTING", 10, "d"));
            }
            evidence.add(round, rows, 1);
        }
        assertEquals(List.of(0, 0, 1, 1, 2, 2, 3, 3), evidence.rows().stream().map(OutcomeRow::fork).toList());
    }
}
