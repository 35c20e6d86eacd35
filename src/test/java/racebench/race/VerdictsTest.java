package racebench.race;

import org.junit.jupiter.api.Test;
import racebench.workload.counter.CounterKind.Expectation;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VerdictsTest {
    private static final String RACY = "racebench.stress.LostUpdate.Racy";
    private static final String FIX = "racebench.stress.LostUpdate.Synchronized";

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
        assertEquals(Expectation.RACY, r.expect());
        assertEquals(2_000, r.samples());
        assertEquals(10, r.interesting());
        assertEquals(0, r.forbidden());
        assertEquals(List.of(-3, 0, 4), List.copyOf(r.seen()));
        assertEquals(2, r.configurations());
        assertEquals(1, r.racyConfigurations());
    }

    @Test
    void racyVariantWithoutALostUpdateIsNotReproduced() {
        VariantResult r = Verdicts.summarize(List.of(row(RACY, "unified", "0", "ACCEPTABLE", 5)), null).getFirst();
        assertEquals(Verdict.NOT_REPRODUCED, r.verdict());
    }

    @Test
    void fixIsSafeOnlyWithoutAnyLostUpdate() {
        assertEquals(Verdict.SAFE, Verdicts.summarize(List.of(row(FIX, "unified", "0", "ACCEPTABLE", 5)), null)
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
}
