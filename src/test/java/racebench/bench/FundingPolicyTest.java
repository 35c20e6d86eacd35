package racebench.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FundingPolicyTest {

    @Test
    void aRunIsFundedAsTodaysByItsFactsOrByTheFirstFormatsSentence() {
        FundingPolicy today = FundingPolicy.CURRENT;
        assertTrue(today.funded(today.facts()));
        // the sentence an environment.csv of result format 1 holds, as it was written
        assertTrue(FundingPolicy.FORMAT_1_POLICY.funded(Map.of("funding",
                "the primary rows' alarm, then a verdict, then an alarm at 10% with 95% power, then ±2%")));
        assertEquals(FundingPolicy.FORMAT_1_POLICY.equals(today),
                today.funded(Map.of("funding", FundingPolicy.FORMAT_1)), "a night of result format 1, while unchanged");
        FundingPolicy stricter = new FundingPolicy(today.goals(), 0.05, 0.95, 0.5, 0.02);
        assertFalse(stricter.funded(Map.of("funding", FundingPolicy.FORMAT_1)), "a policy that moved on");
        assertFalse(today.funded(Map.of("funding", "alarm 10% at 95% power")));
        assertFalse(today.funded(Map.of()));
        FundingPolicy other = new FundingPolicy(List.of("precision"), 0.1, 0.95, 0.5, 0.02);
        assertFalse(other.funded(today.facts()), "another order of goals");
        assertFalse(other.funded(Map.of("funding", FundingPolicy.FORMAT_1)));
        assertEquals("primary_alarm>verdict>alarm>precision", today.facts().get("funding_goals"));
        assertEquals("the primary rows' alarm, then a verdict (a 50% change seen), then an alarm at 10% with 95% power, "
                + "then ±2%", today.describe());
    }
}
