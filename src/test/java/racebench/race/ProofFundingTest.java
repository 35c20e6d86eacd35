package racebench.race;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProofFundingTest {
    private static final String FIX = "racebench.stress.LostUpdate.Synchronized";
    private static final String OTHER_FIX = "racebench.stress.LostUpdate.Atomic";
    private static final String TWIN = "racebench.stress.LostUpdate.RacyVolatile";
    private static final String BROKEN = "racebench.stress.LostUpdate.HalfLocked";
    private static final List<String> CONFIGURATIONS = List.of("actor1=C1 actor2=C1", "actor1=C2 actor2=Interpreter");

    /** {@code samples} in each configuration, {@code lost} of them lost updates in the first and {@code lostLast} in the last. */
    private static void add(List<OutcomeRow> rows, String test, long samples, long lost, long lostLast) {
        int forks = test.equals(TWIN) ? 2 : 1; // a twin's forks agree: no spread beyond counting
        for (String c : CONFIGURATIONS) {
            long l = c.equals(CONFIGURATIONS.getLast()) ? lostLast : lost;
            for (int f = 0; f < forks; f++) {
                rows.add(new OutcomeRow(test, c, "", f, "NORMAL", "0", "ACCEPTABLE", (samples - l) / forks, "d"));
                rows.add(new OutcomeRow(test, c, "", f, "NORMAL", "1", "ACCEPTABLE_INTERESTING", l / forks, "d"));
            }
        }
    }

    private static void add(List<OutcomeRow> rows, String test, long samples, long lost) {
        add(rows, test, samples, lost, lost);
    }

    /**
     * The evidence after first rounds: the twin's rows (its lost updates in the last configuration),
     * the fixes' and the broken fix's.
     */
    private static RaceEvidence evidence(long twinLostInLast, long fixSamples, long brokenLost) {
        RaceEvidence e = new RaceEvidence(StressMode.QUICK, null, null, null);
        List<OutcomeRow> twin = new ArrayList<>();
        add(twin, TWIN, 1_000_000, 1_000, twinLostInLast);
        e.add(new ProofFunding.Round("-twins", null, List.of(TWIN), null, 2, 2), twin, 4);
        List<OutcomeRow> fixes = new ArrayList<>();
        add(fixes, FIX, fixSamples, 0);
        add(fixes, OTHER_FIX, 10 * fixSamples, 0);
        e.add(new ProofFunding.Round("", null, List.of(FIX, OTHER_FIX), null, 3, null), fixes, 6);
        List<OutcomeRow> broken = new ArrayList<>();
        add(broken, BROKEN, 100_000, brokenLost);
        e.add(new ProofFunding.Round("-broken", null, List.of(BROKEN), null, 1, null), broken, 2);
        return e;
    }

    /** The one round the planner asks for next, given the seconds left. */
    private static ProofFunding.Round onlyRound(RaceEvidence e, double secondsLeft) {
        ProofFunding.Plan plan = ProofFunding.next(e.evidence(secondsLeft));
        assertEquals(1, plan.rounds().size(), plan.toString());
        return plan.rounds().getFirst();
    }

    @Test
    void nothingMoreIsMeasuredOnceEveryFixIsProvenAndEveryRaceReproduced() {
        ProofFunding.Plan plan = ProofFunding.next(evidence(1_000, 10_000_000, 50).evidence(300));
        assertTrue(plan.done(), plan.toString());
        assertEquals("every fix is PROVEN and every racy variant REPRODUCED", plan.stop());
    }

    @Test
    void aFixWithTooFewSamplesGetsWhatItsWeakestConfigurationNeeds() {
        // twin 1e-3 (lower bound 9.5e-4): a fix needs about 316,000 samples a configuration; it has 100,000
        // from 0.6 s of stress, so about 3.2 x 1.3 times that: 1.9 s more, 10 iterations, rounded up to 12
        ProofFunding.Round more = onlyRound(evidence(1_000, 100_000, 50), 300);
        assertEquals(List.of(FIX), more.tests(), "only the unproven fix: " + more);
        assertEquals(12, more.iterations());
        assertEquals(1, more.forks());
        assertTrue(more.why().contains("Synchronized"), more.why());
    }

    @Test
    void aTwinThatLostNothingSomewhereIsStressedInMoreForksAndTheFixesWait() {
        // the twin raced in one configuration and not the other: no fix can be proved there yet
        ProofFunding.Round twins = onlyRound(evidence(0, 10_000_000, 50), 300);
        assertEquals(List.of(TWIN), twins.tests());
        assertEquals(ProofFunding.TWIN_FORKS, twins.forks());
        assertTrue(twins.why().contains("Synchronized, Atomic"), twins.why());
    }

    @Test
    void aRoundThatDoesNotFitTheBudgetLeftIsNotStarted() {
        RaceEvidence e = evidence(1_000, 100_000, 50);
        ProofFunding.Plan plan = ProofFunding.next(e.evidence(3));
        assertTrue(plan.done(), plan.toString());
        assertEquals("the budget is spent; 1 fix(es) still unproven", plan.stop());
    }

    @Test
    void anUnreproducedRaceGetsOneLongerRoundWhateverTheBudgetAndNoMore() {
        RaceEvidence e = evidence(1_000, 10_000_000, 0);
        ProofFunding.Round retry = onlyRound(e, 0);
        assertEquals(ProofFunding.RETRY, retry.suffix());
        assertEquals(List.of(BROKEN), retry.tests());
        assertEquals(5 * StressMode.QUICK.timeMillis(), retry.timeMillis());

        List<OutcomeRow> still = new ArrayList<>();
        add(still, BROKEN, 100_000, 0);
        e.add(retry, still, 10);
        ProofFunding.Plan after = ProofFunding.next(e.evidence(300));
        assertTrue(after.done(), after.toString());
        assertTrue(after.stop().contains("stayed unreproduced"), after.stop());
    }

    @Test
    void theCostOfAForkIsLearnedFromTheRoundsSoFar() {
        // 4 + 4 + 2 forks took 12 s, of which 4 x 0.4 + 4 x 0.6 + 2 x 0.2 = 4.4 s were stress: 7.6 s over 10 forks
        ProofFunding.Evidence evidence = evidence(1_000, 100_000, 50).evidence(300);
        assertEquals(0.76, evidence.secondsPerForkStart(), 0.001);
    }

    @Test
    void theFirstRoundsMeasureTheTwinsFirstAndTheBrokenFixesBriefly() {
        List<ProofFunding.Round> first = ProofFunding.first(List.of(FIX, BROKEN, TWIN), StressMode.QUICK, null, null);
        assertEquals(List.of("-twins", "", "-broken"), first.stream().map(ProofFunding.Round::suffix).toList());
        assertEquals(List.of(TWIN), first.get(0).tests());
        assertEquals(List.of(FIX), first.get(1).tests());
        assertEquals(3, first.get(1).iterations(), "half the mode's 5 iterations, rounded up");
        assertEquals(1, first.get(2).iterations());
        assertEquals(5, ProofFunding.first(List.of(FIX, TWIN), StressMode.QUICK, null, 5).get(1).iterations(),
                "iterations asked for are kept");
    }
}
