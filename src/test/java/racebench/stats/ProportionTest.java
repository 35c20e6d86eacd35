package racebench.stats;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProportionTest {

    @Test
    void noEventsGivesTheRuleOfThree() {
        // 1 - 0.05^(1/n) = -ln(0.05)/n + O(1/n^2) = 2.9957/n
        assertEquals(2.9957e-6, Proportion.upper(0, 1_000_000, 0.95), 1e-10);
        assertEquals(0.95, Proportion.upper(0, 1, 0.95), 1e-12);
        assertEquals(0.0, Proportion.lower(0, 1_000, 0.95));
    }

    @Test
    void someEventsMatchTheBetaQuantiles() {
        assertEquals(new BetaDistribution(8, 993).inverseCumulativeProbability(0.95),
                Proportion.upper(7, 1_000, 0.95), 1e-12);
        assertEquals(new BetaDistribution(7, 994).inverseCumulativeProbability(0.05),
                Proportion.lower(7, 1_000, 0.95), 1e-12);
        // the known answer for 7 in 1,000 (two-sided 95%: 0.00282 to 0.01440)
        assertEquals(0.01440, Proportion.upper(7, 1_000, 0.975), 5e-5);
        assertEquals(0.00282, Proportion.lower(7, 1_000, 0.975), 5e-5);
        assertEquals(1.0, Proportion.upper(5, 5, 0.95));
        assertEquals(Math.pow(0.05, 1 / 5.0), Proportion.lower(5, 5, 0.95), 1e-12);
    }

    @Test
    void trialsToBoundIsTheFewestThatReachTheRate() {
        for (double rate : new double[]{1e-3, 2.2e-7, 0.3}) {
            long n = Proportion.trialsToBound(rate, 0.95);
            assertTrue(Proportion.upper(0, n, 0.95) <= rate, rate + " at " + n);
            assertTrue(Proportion.upper(0, n - 1, 0.95) > rate, rate + " at " + (n - 1));
        }
        assertThrows(IllegalArgumentException.class, () -> Proportion.trialsToBound(0, 0.95));
    }

    @Test
    void noTrialsHaveNoBound() {
        assertTrue(Double.isNaN(Proportion.upper(0, 0, 0.95)));
    }
}
