package racebench.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trimmed mean and Yuen's tests (Welch's and the pooled one) against values worked by hand. */
class TrimmedTest {

    @Test
    void trimsTwentyPercentFromEachEnd() {
        // n = 10: g = 1; sorted 1..8, 100, 200 -> keeps 2..8 and 100
        double[] x = {200, 1, 2, 3, 4, 5, 6, 7, 8, 100};
        assertEquals(1, Trimmed.g(10));
        assertEquals((2 + 3 + 4 + 5 + 6 + 7 + 8 + 100) / 8.0, Trimmed.mean(x), 1e-12);
        // fewer than ten forks: nothing trimmed
        assertEquals(0, Trimmed.g(9));
        assertEquals(2.5, Trimmed.mean(new double[] {1, 2, 3, 4}), 1e-12);
    }

    @Test
    void winsorizedVarianceByHand() {
        // n = 10, g = 1: {1..9, 50} -> {2, 2, 3, ..., 9, 9}: mean 5.5, ss = 66.5, / 9
        double[] x = {50, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertEquals(66.5 / 9, Trimmed.winsorizedVariance(x), 1e-12);
        // d = (n - 1) s_w² / (h (h - 1)) = 9 * 66.5 / 9 / (8 * 7)
        assertEquals(66.5 / 56, Trimmed.squaredError(x), 1e-12);
    }

    @Test
    void yuenIsWelchWhenNothingIsTrimmed() {
        double[] a = {10, 12, 9, 11};
        double[] b = {12, 14, 11, 15};
        // Welch by hand: variances 5/3 and 10/3, se² = 5/12 + 10/12, df = se⁴ / ((5/12)²/3 + (10/12)²/3)
        double se2 = 5.0 / 12 + 10.0 / 12;
        double df = se2 * se2 / (Math.pow(5.0 / 12, 2) / 3 + Math.pow(10.0 / 12, 2) / 3);
        double t = (10.5 - 13) / Math.sqrt(se2);
        assertEquals(2 * new TDistribution(df).cumulativeProbability(t), Trimmed.yuenP(a, b), 1e-12);
        assertEquals(new org.apache.commons.math3.stat.inference.TTest().tTest(a, b), Trimmed.yuenP(a, b), 1e-12);
    }

    @Test
    void yuenByHand() {
        double[] a = {50, 1, 2, 3, 4, 5, 6, 7, 8, 9};      // trimmed mean 5.5, d = 66.5 / 56, h = 8
        double[] b = {15, 16, 17, 18, 19, 20, 21, 22, 23, 90}; // trimmed mean 19.5, the same d
        double d = 66.5 / 56;
        double t = (5.5 - 19.5) / Math.sqrt(2 * d);
        double df = (2 * d) * (2 * d) / (2 * d * d / 7);
        assertEquals(2 * new TDistribution(df).cumulativeProbability(t), Trimmed.yuenP(a, b), 1e-12);
    }

    @Test
    void oneDisturbedForkCannotWidenTheInterval() {
        // the row measured here: one fork at 20.6 ms among forks of 11.6 to 13.9
        double[] forks = {11.639, 20.609, 12.197, 12.157, 11.837, 12.507, 11.653, 12.009, 12.760, 12.568, 12.716,
            12.721, 12.419, 12.564, 13.919, 12.237};
        Summary s = Summary.of(forks);
        double plain = new TDistribution(15).inverseCumulativeProbability(0.975) * s.stdev() / Math.sqrt(16) / s.mean();
        assertTrue(plain > 0.05, "the plain t interval: ±" + plain);
        assertTrue(s.relativeHalfWidth() < plain / 2, "trimmed: ±" + s.relativeHalfWidth() + " vs ±" + plain);
        assertEquals(12.4, s.trimmedMean(), 0.1, "the outlier does not pull the estimate");
    }
    @Test
    void thePooledTestIsStudentsWhenNothingIsTrimmed() {
        double[] a = {10, 12, 9, 11};
        double[] b = {12, 14, 11, 15, 13, 16};
        // by hand: ss a = 5, ss b = 17.5; pooled variance 22.5 / 8; se² = that * (1/4 + 1/6); df 8
        double se2 = 22.5 / 8 * (1.0 / 4 + 1.0 / 6);
        double t = (10.5 - 13.5) / Math.sqrt(se2);
        assertEquals(2 * new TDistribution(8).cumulativeProbability(t), Trimmed.pooledP(a, b), 1e-12);
        assertEquals(new org.apache.commons.math3.stat.inference.TTest().homoscedasticTTest(a, b),
                Trimmed.pooledP(a, b), 1e-12);
    }

    @Test
    void thePooledTestByHand() {
        double[] a = {50, 1, 2, 3, 4, 5, 6, 7, 8, 9};      // trimmed mean 5.5, (n - 1) s_w² = 66.5, h = 8
        double[] b = {15, 16, 17, 18, 19, 20, 21, 22, 23, 90}; // trimmed mean 19.5, the same
        double pooled = (66.5 + 66.5) / (8 + 8 - 2);
        double t = (5.5 - 19.5) / Math.sqrt(pooled * (1.0 / 8 + 1.0 / 8));
        assertEquals(2 * new TDistribution(14).cumulativeProbability(t), Trimmed.pooledP(a, b), 1e-12);
        // equal sizes and spreads: the same statistic as Yuen's, but never fewer degrees of freedom
        assertTrue(Trimmed.pooledP(a, b) <= Trimmed.yuenP(a, b));
    }

    @Test
    void withFewNewForksThePooledTestKeepsTheBaseSpreadsDegreesOfFreedom() {
        // 16 base forks and 4 new ones 5% slower, both spread about 3%: the nightly's usual case
        double[] base = {100, 103, 97, 101, 99, 104, 96, 100, 102, 98, 100, 103, 97, 101, 99, 100};
        double[] slower = {102, 108, 105, 105};
        double pooled = Trimmed.pooledP(base, slower);
        double welch = Trimmed.yuenP(base, slower);
        assertTrue(pooled < 0.01, "pooled p " + pooled);
        assertTrue(welch > 2 * pooled, "Welch p " + welch + " against pooled " + pooled);
    }

    @Test
    void thePooledTestWithoutSpreadDecidesOnTheMeans() {
        assertEquals(0.0, Trimmed.pooledP(new double[] {1, 1}, new double[] {2, 2}), 0);
        assertEquals(1.0, Trimmed.pooledP(new double[] {1, 1}, new double[] {1, 1, 1}), 0);
        assertTrue(Double.isNaN(Trimmed.pooledP(new double[] {1}, new double[] {1, 2})));
    }
}
