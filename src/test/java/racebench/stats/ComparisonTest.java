package racebench.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparisonTest {

    /** Ten fork means of about 100 ns, spread ±{@code spread} in a fixed pattern. */
    private static double[] forks(double centre, double spread) {
        double[] v = new double[10];
        for (int i = 0; i < v.length; i++) {
            v[i] = centre + spread * ((i * 3) % 5 - 2) / 2.0 + spread * 0.01 * i;
        }
        return v;
    }

    private static double[] scaled(double[] v, double factor) {
        return Arrays.stream(v).map(x -> x * factor).toArray();
    }

    @Test
    void belowTenForksTheTestIsWelchsTextbookFormula() {
        double[] a = {10, 12, 9, 11, 13};
        double[] b = {12, 14, 11, 15, 13, 16};
        // by hand: var a = 2.5, var b = 3.5; se² = 2.5/5 + 3.5/6
        double se2 = 2.5 / 5 + 3.5 / 6;
        double t = (11 - 13.5) / Math.sqrt(se2);
        double df = se2 * se2 / (Math.pow(2.5 / 5, 2) / 4 + Math.pow(3.5 / 6, 2) / 5);
        assertEquals(-2.4019223070763065, t, 1e-12);
        assertEquals(8.989361702127662, df, 1e-9);
        // p by numerical integration of the t density in python3 (no scipy), independent of commons-math
        assertEquals(0.03980308202, Trimmed.yuenP(a, b), 1e-8);
        assertEquals(2 * new TDistribution(df).cumulativeProbability(t), Trimmed.yuenP(a, b), 1e-12);
    }

    @Test
    void theComparisonsTestIsThePooledOne() {
        double[] a = {10, 12, 9, 11, 13};
        double[] b = {12, 14, 11, 15, 13, 16};
        // by hand: ss 10 and 17.5, pooled 27.5 / 9, se² = that * (1/5 + 1/6), df 9
        double t = (11 - 13.5) / Math.sqrt(27.5 / 9 * (1.0 / 5 + 1.0 / 6));
        assertEquals(2 * new TDistribution(9).cumulativeProbability(t), Comparison.of(a, b).p(), 1e-12);
    }

    @Test
    void clearRegression() {
        double[] base = forks(100, 0.5);
        Comparison c = Comparison.of(base, scaled(base, 1.10));
        assertEquals(Change.REGRESSION, c.judgeAlone());
        assertEquals(1.10, c.ratio().point(), 1e-12);
        assertTrue(c.ratio().low() > 1.09 && c.ratio().high() < 1.11, c.ratio().toString());
        assertTrue(c.p() < 1e-10, "p " + c.p());
        // fully separated samples of 10: U = 0, p = 2 Φ(-50 / sqrt(100 * 21 / 12)) (python3, erfc)
        assertEquals(1.5705228423e-4, c.mannWhitneyP(), 1e-12);
        assertEquals(10, c.base().n());
        assertEquals(110, c.candidate().mean(), 0.5);
    }

    @Test
    void clearImprovement() {
        double[] base = forks(100, 0.5);
        Comparison c = Comparison.of(base, scaled(base, 0.90));
        assertEquals(Change.IMPROVEMENT, c.judgeAlone());
        assertTrue(c.ratio().high() < 0.99);
    }

    @Test
    void identicalDistributionsAreNoChange() {
        double[] base = forks(100, 0.5);
        Comparison c = Comparison.of(base, base.clone());
        assertEquals(Change.NO_CHANGE, c.judgeAlone());
        assertEquals(1.0, c.p(), 1e-12);
        assertEquals(1.0, c.mannWhitneyP(), 1e-12);
        assertTrue(c.ratio().contains(1.0));
    }

    @Test
    void significantButWithinNoiseIsNoChange() {
        double[] base = forks(100, 0.05);
        Comparison c = Comparison.of(base, scaled(base, 1.005));
        assertTrue(c.p() < 0.05, "the 0.5% slowdown is significant: p " + c.p());
        assertTrue(c.ratio().above(1.0), c.ratio().toString());
        assertEquals(Change.NO_CHANGE, c.judgeAlone());
        assertEquals(Change.REGRESSION, c.judge(c.p(), new Comparison.Criteria(0.05, 0.001, Bootstrap.DEFAULT, Correction.DEFAULT)),
                "a 0.1% noise band lets it through");
    }

    @Test
    void largeButNoisyIsInconclusiveNotNoChange() {
        double[] base = {80, 120, 95, 105, 100};
        double[] candidate = {85, 135, 100, 115, 110};
        Comparison c = Comparison.of(base, candidate);
        assertTrue(c.p() > 0.05, "p " + c.p());
        assertTrue(c.ratioHalfWidth() > 0.03, "its interval cannot resolve 3%: " + c.ratio());
        assertEquals(Change.INCONCLUSIVE, c.judgeAlone());
    }

    @Test
    void oneForkIsInconclusive() {
        Comparison c = Comparison.of(new double[] {100}, new double[] {150, 151, 149});
        assertEquals(Change.INCONCLUSIVE, c.judgeAlone());
        assertTrue(Double.isNaN(c.p()));
        assertTrue(c.ratio().isDegenerate());
        assertEquals(1.5, c.ratio().point(), 0);
        assertEquals(Change.INCONCLUSIVE, Comparison.of(new double[] {100, 101}, new double[] {150}).judgeAlone());
    }

    @Test
    void theAdjustedPDecidesNotTheRowsOwn() {
        double[] base = forks(100, 5);
        Comparison c = Comparison.of(base, scaled(base, 1.06));
        assertTrue(c.p() < 0.05, "p " + c.p());
        assertEquals(Change.REGRESSION, c.judge(c.p(), Comparison.Criteria.DEFAULT));
        // one of 150 rows alone significant: Holm and BH both multiply the smallest p by 150
        assertTrue(150 * c.p() > 0.05, "p " + c.p());
        assertEquals(Change.SUSPECT, c.judge(Math.min(1, 150 * c.p()), Comparison.Criteria.DEFAULT),
                "beyond the noise and significant alone: suspected, not unchanged");
    }

    @Test
    void aSignificantChangeBelowTheThresholdIsNotAnAlarm() {
        double[] base = forks(100, 0.2);
        Comparison c = Comparison.of(base, scaled(base, 1.02));
        assertTrue(c.p() < 1e-6);
        assertEquals(Change.NO_CHANGE, c.judgeAlone(), "2% < the 3% default threshold");
        assertEquals(Change.REGRESSION, c.judge(c.p(), Comparison.Criteria.DEFAULT.withNoise(0.01)));
    }

    @Test
    void noSpreadOnEitherSideIsDecidedWithoutTheTTest() {
        assertEquals(0.0, Trimmed.yuenP(new double[] {1, 1}, new double[] {2, 2}), 0);
        assertEquals(1.0, Trimmed.yuenP(new double[] {1, 1}, new double[] {1, 1, 1}), 0);
        assertEquals(Change.REGRESSION, Comparison.of(new double[] {1, 1}, new double[] {2, 2}).judgeAlone());
        assertFalse(Double.isNaN(Trimmed.yuenP(new double[] {1, 1}, new double[] {2, 3})));
    }

    @Test
    void aNarrowIntervalBeyondTheNoiseIsNeverNoChange() {
        // a row 6% slower with a tight interval (as 1.061 [1.054, 1.069] on a young night), whose p does not
        // survive the correction: SUSPECT, however wide the change its history says it could detect
        double[] base = forks(100, 0.3);
        Comparison c = Comparison.of(base, scaled(base, 1.061));
        assertTrue(c.ratio().low() > 1.03, c.ratio().toString());
        assertEquals(Change.SUSPECT, c.judge(1, Comparison.Criteria.DEFAULT));
        assertEquals(Change.REGRESSION, c.judge(c.p(), Comparison.Criteria.DEFAULT));
    }

    @Test
    void noChangeNeedsTheNinetyPercentIntervalWithinTheNoise() {
        double[] base = {92, 108, 100, 95, 106, 99, 102, 97};
        Comparison c = Comparison.of(base, new double[] {95, 106, 99, 102, 97, 92, 108, 100});
        assertTrue(c.ratioHalfWidth() > 0.03, c.ratio().toString());
        assertEquals(Change.INCONCLUSIVE, c.judge(1, Comparison.Criteria.DEFAULT), "cannot show it moved less than 3%");
        // the verdict's interval is the 90% one (two one-sided tests at 5%), inside the 95% interval shown
        RatioInterval e = c.equivalence();
        assertEquals(0.90, e.confidence(), 0);
        assertTrue(e.low() > c.ratio().low() && e.high() < c.ratio().high(), e + " within " + c.ratio());
        double reach = Math.max(1 - e.low(), e.high() - 1);
        assertEquals(Change.INCONCLUSIVE, c.judge(1, Comparison.Criteria.DEFAULT.withNoise(0.99 * reach)), "sticks out");
        assertEquals(Change.NO_CHANGE, c.judge(1, Comparison.Criteria.DEFAULT.withNoise(1.01 * reach)),
                "a band the user chose, wide enough");
    }
}
