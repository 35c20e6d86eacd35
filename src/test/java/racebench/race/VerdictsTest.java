package racebench.race;

import org.junit.jupiter.api.Test;
import racebench.workload.counter.CounterKind.Expectation;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerdictsTest {
    private static final String RACY = "racebench.stress.LostUpdate.Racy";
    private static final String FIX = "racebench.stress.LostUpdate.Synchronized";
    private static final String RACY_VOLATILE = "racebench.stress.LostUpdate.RacyVolatile";

    private static OutcomeRow row(String test, String compilation, String outcome, String expect, long count) {
        return new OutcomeRow(test, compilation, "", 0, "NORMAL", outcome, expect, count, "d");
    }

    @Test
    void racyVariantWithALostUpdateIsReproducedAndCountsWhereItShowed() {
        List<OutcomeRow> rows = List.of(
                row(RACY, "actor1=C2 actor2=C2", "0", "ACCEPTABLE", 1_000),
                row(RACY, "actor1=C2 actor2=C2", "1", "ACCEPTABLE_INTERESTING", 0),
                row(RACY, "actor1=C1 actor2=C1", "0", "ACCEPTABLE", 990),
                row(RACY, "actor1=C1 actor2=C1", "4", "ACCEPTABLE_INTERESTING", 7),
                row(RACY, "actor1=C1 actor2=C1", "-3", "ACCEPTABLE_INTERESTING", 3));
        VariantResult r = Verdicts.summarize(rows, null).getFirst();
        assertEquals(Verdict.REPRODUCED, r.verdict());
        assertEquals(Expectation.MAY_RACE, r.expect());
        assertEquals(2_000, r.samples());
        assertEquals(10, r.interesting());
        assertEquals(0, r.forbidden());
        assertEquals(List.of(-3, 0, 4), List.copyOf(r.seen()));
        assertEquals(2, r.configurations());
        assertEquals(1, r.racyConfigurations());
    }

    @Test
    void aRoundThatHungIsAnErrorForEveryTestInItNeverAPass() {
        List<VariantResult> results = Verdicts.summarize(RaceSuite.timedOut(List.of(FIX, RACY), "hung"), null);
        assertEquals(2, results.size());
        results.forEach(r -> assertEquals(Verdict.ERROR, r.verdict(), r.toString()));
    }

    @Test
    void racyVariantWithoutALostUpdateIsNotReproduced() {
        VariantResult r = Verdicts.summarize(List.of(row(RACY_VOLATILE, "unified", "0", "ACCEPTABLE", 5)), null)
                .getFirst();
        assertEquals(Verdict.NOT_REPRODUCED, r.verdict());
        assertFalse(r.verdict().isGood(), "a racy reference that did not race fails the run");
    }

    @Test
    void theSeedsPlainIntWithoutALostUpdateIsNotSeenAndNoFailure() {
        VariantResult r = Verdicts.summarize(List.of(row(RACY, "unified", "0", "ACCEPTABLE", 5)), null).getFirst();
        assertEquals(Verdict.NOT_SEEN, r.verdict());
        assertTrue(r.verdict().isGood(), "C2 folding the plain field's race away is the lesson, not a fault");
    }

    @Test
    void fixIsSafeOnlyWithoutAnyLostUpdate() {
        assertEquals(Verdict.SAFE_UNPROVEN, Verdicts.summarize(List.of(row(FIX, "unified", "0", "ACCEPTABLE", 5)), null)
                .getFirst().verdict());
        VariantResult broken = Verdicts.summarize(List.of(
                row(FIX, "unified", "0", "ACCEPTABLE", 5),
                row(FIX, "unified", "-1", "FORBIDDEN", 1)), null).getFirst();
        assertEquals(Verdict.RACE, broken.verdict());
        assertEquals(1, broken.forbidden());
    }

    @Test
    void aFailedConfigurationOrNoSamplesIsAnError() {
        OutcomeRow crashed = new OutcomeRow(FIX, "unified", "", 1, "VM_ERROR", "", "", 0, "crash");
        assertEquals(Verdict.ERROR, Verdicts.summarize(List.of(row(FIX, "unified", "0", "ACCEPTABLE", 5), crashed), null)
                .getFirst().verdict());
        assertEquals(Verdict.ERROR, Verdicts.summarize(List.of(row(FIX, "unified", "0", "ACCEPTABLE", 0)), null)
                .getFirst().verdict());
    }

    @Test
    void aRaceSeenBesideACrashedConfigurationIsStillARace() {
        OutcomeRow crashed = new OutcomeRow(FIX, "actor1=C2 actor2=C2", "", 0, "VM_ERROR", "", "", 0, "crash");
        VariantResult r = Verdicts.summarize(List.of(
                row(FIX, "unified", "0", "ACCEPTABLE", 5),
                row(FIX, "unified", "4", "FORBIDDEN", 1), crashed), null).getFirst();
        assertEquals(Verdict.RACE, r.verdict());
        OutcomeRow racyCrash = new OutcomeRow(RACY, "unified", "", 1, "TIMEOUT_ERROR", "", "", 0, "timeout");
        assertEquals(Verdict.REPRODUCED, Verdicts.summarize(List.of(
                row(RACY, "unified", "1", "ACCEPTABLE_INTERESTING", 2), racyCrash), null).getFirst().verdict());
    }

    @Test
    void userCounterIsGradedAsAFixUnderItsOwnName() {
        String test = "racebench.stress.LostUpdate.UserCounter";
        VariantResult r = Verdicts.summarize(List.of(row(test, "unified", "3", "FORBIDDEN", 2),
                row(test, "unified", "0", "ACCEPTABLE", 2)), "com.example.MyCounter").getFirst();
        assertEquals("com.example.MyCounter", r.variant());
        assertEquals(Expectation.SAFE, r.expect());
        assertEquals(Verdict.RACE, r.verdict());
    }

    private static final String TWIN = "racebench.stress.LostUpdate.RacyVolatile";

    private static OutcomeRow seeded(String test, String compilation, long seed, String outcome, String expect, long count) {
        return new OutcomeRow(test, compilation, "-XX:+StressLCM -XX:StressSeed=" + seed, 0, "NORMAL", outcome, expect,
                count, "d");
    }

    /** The twin loses 1 in 1,000 in both configurations; the fix ran {@code fixSamples} in each. */
    private static List<OutcomeRow> fixAndTwin(long fixSamples) {
        return List.of(
                row(FIX, "actor1=C1 actor2=C1", "0", "ACCEPTABLE", fixSamples),
                seeded(FIX, "actor1=C2 actor2=C2", 11, "0", "ACCEPTABLE", fixSamples),
                // the twin in two forks of each configuration that agree: no spread beyond counting
                row(TWIN, "actor1=C1 actor2=C1", "0", "ACCEPTABLE", 499_500),
                row(TWIN, "actor1=C1 actor2=C1", "1", "ACCEPTABLE_INTERESTING", 500),
                second(row(TWIN, "actor1=C1 actor2=C1", "0", "ACCEPTABLE", 499_500)),
                second(row(TWIN, "actor1=C1 actor2=C1", "1", "ACCEPTABLE_INTERESTING", 500)),
                seeded(TWIN, "actor1=C2 actor2=C2", 22, "0", "ACCEPTABLE", 499_500),
                seeded(TWIN, "actor1=C2 actor2=C2", 22, "-4", "ACCEPTABLE_INTERESTING", 500),
                second(seeded(TWIN, "actor1=C2 actor2=C2", 22, "0", "ACCEPTABLE", 499_500)),
                second(seeded(TWIN, "actor1=C2 actor2=C2", 22, "-4", "ACCEPTABLE_INTERESTING", 500)));
    }

    /** The same row in the configuration's second fork. */
    static OutcomeRow second(OutcomeRow r) {
        return new OutcomeRow(r.test(), r.compilation(), r.jvmArgs(), 1, r.status(), r.outcome(), r.expect(), r.count(),
                r.description());
    }

    private static VariantResult fix(List<OutcomeRow> rows) {
        return Verdicts.summarize(rows, null).stream().filter(r -> r.test().equals(FIX)).findFirst().orElseThrow();
    }

    @Test
    void aFixIsProvenWhenItsBoundLiesAHundredTimesBelowItsTwinsRateEverywhere() {
        // 0 in 1,000,000: bound 3.0e-6; the twin's 1,000 in 1,000,000 has a 95% lower bound of 9.486e-4:
        // sensitivity 317 in both (the stress seeds differ, the settings match)
        VariantResult r = fix(fixAndTwin(1_000_000));
        assertEquals(Verdict.PROVEN, r.verdict());
        assertEquals("RacyVolatile", r.twin());
        assertEquals(2, r.proof().covered());
        assertEquals(9.486e-4 / 2.9957e-6, r.proof().weakest(), 1);
        assertEquals("", r.proof().shortfall());
    }

    @Test
    void aFixWithTooFewSamplesIsSafeButUnprovenAndSaysHowManyMoreItNeeds() {
        // 0 in 100,000: bound 3.0e-5, only 32x below the twin's lower bound; 315,800 samples would reach 9.486e-6
        VariantResult r = fix(fixAndTwin(100_000));
        assertEquals(Verdict.SAFE_UNPROVEN, r.verdict());
        assertEquals(31.7, r.proof().weakest(), 0.1);
        assertEquals(3.158, r.proof().needFactor(), 0.002);
        assertTrue(r.proof().shortfall().contains("3.2x the samples"), r.proof().shortfall());
        assertTrue(r.proof().shortfall().contains("configuration, actor1="), r.proof().shortfall());
    }

    @Test
    void aConfigurationWhereTheTwinDidNotRaceLeavesTheFixUnproven() {
        List<OutcomeRow> rows = List.of(
                row(FIX, "actor1=C1 actor2=C1", "0", "ACCEPTABLE", 10_000_000),
                row(FIX, "actor1=C2 actor2=C2", "0", "ACCEPTABLE", 10_000_000),
                row(TWIN, "actor1=C1 actor2=C1", "1", "ACCEPTABLE_INTERESTING", 1_000),
                row(TWIN, "actor1=C1 actor2=C1", "0", "ACCEPTABLE", 999_000),
                row(TWIN, "actor1=C2 actor2=C2", "0", "ACCEPTABLE", 10_000_000));
        VariantResult r = fix(rows);
        assertEquals(Verdict.SAFE_UNPROVEN, r.verdict());
        assertEquals(1, r.proof().covered());
        assertTrue(r.proof().shortfall().contains("only 1 of 2"), r.proof().shortfall());
    }

    @Test
    void aFixWhoseTwinDidNotRunIsUnproven() {
        VariantResult r = fix(List.of(row(FIX, "unified", "0", "ACCEPTABLE", 1_000_000_000)));
        assertEquals(Verdict.SAFE_UNPROVEN, r.verdict());
        assertEquals(0, r.proof().covered());
    }

    @Test
    void theUsersCounterIsProvedAgainstTheReferenceTwin() {
        String user = "racebench.stress.LostUpdate.UserCounter";
        assertEquals(TWIN, Verdicts.twinTest(user));
        assertEquals(TWIN, Verdicts.twinTest(FIX));
        assertEquals(null, Verdicts.twinTest(RACY));
        List<OutcomeRow> rows = new java.util.ArrayList<>(fixAndTwin(1_000_000).subList(2, 10)); // the twin's rows
        rows.add(row(user, "actor1=C1 actor2=C1", "0", "ACCEPTABLE", 1_000_000));
        rows.add(seeded(user, "actor1=C2 actor2=C2", 33, "0", "ACCEPTABLE", 1_000_000));
        VariantResult r = Verdicts.summarize(rows, "com.example.Mine").stream()
                .filter(v -> v.variant().equals("com.example.Mine")).findFirst().orElseThrow();
        assertEquals(Verdict.PROVEN, r.verdict());
    }

    @Test
    void anUnknownVariantIsAnErrorNotASafeGuess() {
        assertThrows(IllegalArgumentException.class,
                () -> Verdicts.summarize(List.of(row("racebench.stress.LostUpdate.Nope", "unified", "0", "ACCEPTABLE", 5)), null));
    }

    @Test
    void theTimeToTheFirstLostUpdateComesFromTheRunsSampleRate() {
        List<OutcomeRow> rows = List.of(row(RACY, "unified", "0", "ACCEPTABLE", 9_999_990),
                row(RACY, "unified", "1", "ACCEPTABLE_INTERESTING", 10));
        VariantResult r = Verdicts.summarize(rows, null, java.util.Map.of(RACY, 2.0)).getFirst();
        assertEquals(1_000_000, r.samplesPerLostUpdate(), 1e-6);
        assertEquals(0.2, r.secondsToFirstLostUpdate(), 1e-9);
    }

    @Test
    void aUsersJcstressTestIsJudgedByItsForbiddenOutcomesAndProvedAgainstItsRunOnTheTwin() {
        String test = "demo.TallyTest";
        String twin = test + Verdicts.TWIN_SUFFIX;
        String loose = "demo.LooseTallyTest";
        java.util.List<OutcomeRow> rows = new java.util.ArrayList<>();
        for (String c : List.of("first=C2 second=C2", "first=C1 second=Interpreter")) {
            // a test's outcomes are its own: "2" both hits, "1" a lost hit (FORBIDDEN)
            rows.add(row(twin, c, "2", "ACCEPTABLE", 1_000_000));
            rows.add(row(twin, c, "1", "FORBIDDEN", 50_000));
            rows.add(row(test, c, "2", "ACCEPTABLE", 10_000_000));
            rows.add(row(test, c, "1", "FORBIDDEN", 0));
            rows.add(row(loose, c, "2", "ACCEPTABLE", 1_000));
            rows.add(row(loose, c, "1", "FORBIDDEN", 3));
        }
        List<VariantResult> results = Verdicts.summarize(rows, null);
        VariantResult twinResult = results.stream().filter(r -> r.test().equals(twin)).findFirst().orElseThrow();
        VariantResult proven = results.stream().filter(r -> r.test().equals(test)).findFirst().orElseThrow();
        VariantResult race = results.stream().filter(r -> r.test().equals(loose)).findFirst().orElseThrow();
        assertEquals(Verdict.REPRODUCED, twinResult.verdict());
        assertEquals(100_000, twinResult.forbidden());
        assertEquals(Verdict.PROVEN, proven.verdict(), proven.toString());
        assertEquals(twin, proven.twin(), "proved against its own run on the twin");
        assertEquals(test, proven.variant(), "a user's test is named whole");
        assertEquals(Verdict.RACE, race.verdict());
        assertEquals(6, race.forbidden());
        assertTrue(proven.possible().isEmpty(), "a test's outcomes are not a counter's final values");
        assertEquals("", proven.cells().get(VariantResult.HEADER.indexOf("outcomes_seen")));
    }

    @Test
    void aUsersJcstressTestWithoutATwinIsSafeButUnprovenAndItsTwinMayStayQuiet() {
        List<VariantResult> alone = Verdicts.summarize(List.of(row("demo.TallyTest", "unified", "2", "ACCEPTABLE", 9)),
                null);
        assertEquals(Verdict.SAFE_UNPROVEN, alone.getFirst().verdict());
        assertEquals(null, alone.getFirst().proof(), "nothing to weigh it against");
        VariantResult quiet = Verdicts.summarize(List.of(row("demo.TallyTest twin", "unified", "2", "ACCEPTABLE", 9)),
                null).getFirst();
        assertEquals(Verdict.NOT_SEEN, quiet.verdict());
        assertTrue(quiet.verdict().isGood(), "a twin that did not race is evidence missing, not a failure");
    }

    @Test
    void anUngradedOutcomeOfAUsersTestIsARaceAndATwinThatCouldNotRunFailsNothing() {
        List<OutcomeRow> rows = List.of(row("demo.TallyTest", "unified", "2", "ACCEPTABLE", 1_000),
                row("demo.TallyTest", "unified", "3", "UNKNOWN", 1));
        assertEquals(Verdict.RACE, Verdicts.summarize(rows, null).getFirst().verdict(),
                "jcstress fails a test on an outcome it did not grade");

        List<VariantResult> twinDied = Verdicts.summarize(List.of(row("demo.TallyTest", "unified", "2", "ACCEPTABLE", 9),
                RaceSuite.timedOut(List.of("demo.TallyTest twin"), "hung").getFirst()), null);
        RaceSuite.Outcome outcome = new RaceSuite.Outcome(twinDied, java.time.Duration.ZERO);
        assertEquals(Verdict.ERROR, twinDied.stream().filter(r -> r.test().endsWith(" twin")).findFirst().orElseThrow()
                .verdict(), "the twin's row says what happened to it");
        assertEquals(Verdict.SAFE_UNPROVEN, twinDied.getFirst().verdict(), "no proof without the twin's evidence");
        assertFalse(outcome.failed(), "a twin that hung is missing evidence, not a failed run");
        assertTrue(outcome.allAsExpected());
    }
}
