package racebench.race;

import org.junit.jupiter.api.Test;
import racebench.workload.counter.CounterKind;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which variants the suite runs in the short round of its own: the broken fixes, and nothing a proof rests on. */
class RaceSuiteTest {

    private static String test(String variant) {
        return RaceSuite.SUITE_PREFIX + "LostUpdate." + variant;
    }

    @Test
    void onlyTheBrokenFixesRunTheShortRound() {
        for (CounterKind kind : CounterKind.values()) {
            boolean broken = kind == CounterKind.LOCK_PER_CALL || kind == CounterKind.HALF_LOCKED
                    || kind == CounterKind.READ_OUTSIDE_LOCK;
            assertEquals(broken, RaceSuite.isBrokenFix(test(kind.variant())), kind.variant());
        }
        // the fixes' twin races too, but its rate is what every proof is set against: the mode's iterations
        assertEquals(false, RaceSuite.isBrokenFix(test(CounterKind.REFERENCE_TWIN.variant())));
        assertEquals(false, RaceSuite.isBrokenFix(test(Verdicts.USER_VARIANT)));
    }
}
