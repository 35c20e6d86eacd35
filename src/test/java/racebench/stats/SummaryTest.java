package racebench.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fixed vectors; expected values by hand and python3, t quantiles from the table. */
class SummaryTest {
    private static final double EPS = 1e-9;
    private static final double T_975_4 = 2.7764451;
    private static final double T_975_9 = 2.2621572;
    private static final double T_995_4 = 4.6040949;

    @Test
    void fiveForks() {
        Summary s = Summary.of(new double[] {10, 12, 9, 11, 13});
        assertEquals(5, s.n());
        assertEquals(11.0, s.mean(), EPS);
        assertEquals(Math.sqrt(2.5), s.stdev(), EPS);
        assertEquals(1.5811388300841898, s.stdev(), EPS);
        assertEquals(11.0, s.median(), EPS);
        assertEquals(9.0, s.min(), 0);
        assertEquals(13.0, s.max(), 0);
        double half = T_975_4 * Math.sqrt(2.5) / Math.sqrt(5);
        assertEquals(1.9632431578, half, 1e-7);
        assertEquals(half, s.halfWidth(), 1e-6);
        assertEquals(11 - half, s.ciLow(), 1e-6);
        assertEquals(11 + half, s.ciHigh(), 1e-6);
        assertEquals(0.1784766507, s.relativeHalfWidth(), 1e-6);
        assertEquals(0.95, s.confidence(), 0);
    }

    @Test
    void tenForks() {
        Summary s = Summary.of(new double[] {7, 3, 10, 1, 5, 9, 2, 8, 4, 6});
        assertEquals(5.5, s.mean(), EPS);
        assertEquals(Math.sqrt(110.0 / 12), s.stdev(), EPS);
        assertEquals(5.5, s.median(), EPS);
        // ten forks: one trimmed from each end (10%); by hand, winsorized {2,2,3,...,9,9} has variance
        // 66.5 / 9, Yuen's d = 9 * (66.5 / 9) / (8 * 7) = 1.1875, t(0.975, 7) = 2.364624
        assertEquals(5.5, s.trimmedMean(), EPS);
        assertEquals(2.364624252 * Math.sqrt(1.1875), s.halfWidth(), 1e-6);
        assertEquals(2.923210, s.ciLow(), 1e-5);
        assertEquals(8.076790, s.ciHigh(), 1e-5);
    }

    @Test
    void ninetyNinePercentIsWider() {
        Summary s = Summary.of(new double[] {10, 12, 9, 11, 13}, 0.99);
        assertEquals(T_995_4 * Math.sqrt(2.5) / Math.sqrt(5), s.halfWidth(), 1e-6);
        assertEquals(3.2555867, s.halfWidth(), 1e-6);
        assertEquals(0.99, s.confidence(), 0);
    }

    @Test
    void percentilesAreR7() {
        double[] v = {4, 1, 3, 2};
        assertEquals(2.5, Summary.of(v).median(), EPS);
        assertEquals(1.75, Samples.percentile(v, 25), EPS);
        assertEquals(3.25, Samples.percentile(v, 75), EPS);
        assertEquals(4.0, Samples.percentile(v, 100), EPS);
        assertEquals(4, v[0], 0, "input left unsorted");
    }

    @Test
    void manyPercentilesOfOneSampleAreTheOnesReadOneByOne() {
        double[] v = {4, 1, 3, 2, 9, 7};
        double[] ps = {0.5, 25, 75, 99.5, 2.5};
        double[] all = Samples.percentiles(v, ps);
        for (int i = 0; i < ps.length; i++) {
            assertEquals(Samples.percentile(v, ps[i]), all[i], EPS, "the " + ps[i] + "th");
        }
        assertEquals(4, v[0], 0, "input left unsorted");
    }

    @Test
    void oneForkHasNoInterval() {
        Summary s = Summary.of(new double[] {42});
        assertEquals(1, s.n());
        assertEquals(42, s.mean(), 0);
        assertEquals(42, s.median(), 0);
        assertEquals(42, s.min(), 0);
        assertEquals(42, s.max(), 0);
        assertTrue(Double.isNaN(s.stdev()));
        assertTrue(Double.isNaN(s.ciLow()));
        assertTrue(Double.isNaN(s.ciHigh()));
        assertTrue(Double.isNaN(s.relativeHalfWidth()));
    }

    @Test
    void identicalForksHaveAZeroWidthInterval() {
        Summary s = Summary.of(new double[] {3, 3, 3});
        assertEquals(0, s.stdev(), 0);
        assertEquals(3, s.ciLow(), 0);
        assertEquals(3, s.ciHigh(), 0);
    }

    @Test
    void rejectsEmptyNonFiniteAndBadConfidence() {
        assertThrows(IllegalArgumentException.class, () -> Summary.of(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Summary.of(null));
        assertThrows(IllegalArgumentException.class, () -> Summary.of(new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> Summary.of(new double[] {1, 2}, 1.0));
        assertThrows(IllegalArgumentException.class, () -> Summary.of(new double[] {1, 2}, 0.0));
    }

    @Test
    void forksForTheTargetAreTheFewestWhoseStudentIntervalReachesIt() {
        // mean 1, stdev 0.03: t(10) 0.03 / sqrt(11) = 0.0202 misses 2%, t(11) 0.03 / sqrt(12) = 0.0191 reaches it
        Summary s = Summary.of(new double[] {0.97, 1.00, 1.03});
        assertEquals(0.03, s.stdev(), 1e-12);
        assertEquals(12, s.forksFor(0.02));
        // and for any spread: the answer reaches the target and one fork fewer does not
        Summary wide = Summary.of(new double[] {10, 12, 9, 11, 13});
        int k = wide.forksFor(0.02);
        double cv = wide.stdev() / wide.mean();
        assertTrue(t(k - 1) * cv / Math.sqrt(k) <= 0.02, "k = " + k);
        assertTrue(t(k - 2) * cv / Math.sqrt(k - 1) > 0.02, "k = " + k);
    }

    @Test
    void oneDisturbedForkAmongFewDoesNotMakeARowLookHopeless() {
        // plain spread 1.8 (18%), robust spread 0.15: the trimmed interval drops the 14 from ten forks on
        Summary s = Summary.of(new double[] {10, 10.1, 9.9, 10.05, 14});
        assertTrue(s.robustSpread() < s.stdev() / 2, s.toString());
        assertEquals(Summary.TRIMS_FROM, s.forksFor(0.02));
    }

    @Test
    void forksForSaysNeverWhenItCannotTell() {
        assertEquals(Integer.MAX_VALUE, Summary.of(new double[] {1, 2}).forksFor(0.02), "two forks cannot tell");
        assertEquals(Integer.MAX_VALUE, Summary.of(new double[] {1, 2, 3}).forksFor(0), "a zero target is never met");
        assertEquals(Integer.MAX_VALUE, Summary.of(new double[] {1, 5_000, 10_000}).forksFor(0.0001), "beyond a million");
        assertEquals(2, Summary.of(new double[] {3, 3, 3}).forksFor(0.02));
    }

    private static double t(int degreesOfFreedom) {
        return new org.apache.commons.math3.distribution.TDistribution(degreesOfFreedom).inverseCumulativeProbability(0.975);
    }
}
