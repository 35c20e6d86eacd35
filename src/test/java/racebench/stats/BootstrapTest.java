package racebench.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BootstrapTest {

    /** 20 values around {@code centre}, spread ±2% in a fixed pattern. */
    private static double[] around(double centre, int stride) {
        double[] v = new double[20];
        for (int i = 0; i < v.length; i++) {
            v[i] = centre * (1 + 0.01 * ((i * stride) % 5 - 2));
        }
        return v;
    }

    private static double[] normal(Random random, int n, double mean, double sd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + sd * random.nextGaussian();
        }
        return v;
    }

    @Test
    void pointIsTheRatioOfMeansAndTheIntervalIsTightAroundIt() {
        double[] a = around(2.0, 7);
        double[] b = around(1.0, 3);
        a[0] += 0.01;
        RatioInterval r = Bootstrap.ratio(a, b);
        double sumA = 0;
        double sumB = 0;
        for (int i = 0; i < 20; i++) {
            sumA += a[i];
            sumB += b[i];
        }
        assertEquals(sumA / sumB, r.point(), 1e-12);
        assertEquals(2.0 + 0.01 / 20, r.point(), 1e-9);
        assertTrue(r.low() < r.point() && r.point() < r.high(), r.toString());
        // each mean has a relative standard error of about 1.4%/sqrt(20) = 0.32%: the ratio's
        // 95% interval is about ±0.9%, so ±0.02 around 2 is a generous bound
        assertTrue(r.high() - r.low() < 0.04, r.toString());
        assertTrue(r.high() - r.low() > 0.01, r.toString());
        assertFalse(r.isDegenerate());
        assertEquals(0.95, r.confidence(), 0);
    }

    @Test
    void sameSeedSameIntervalOtherSeedSlightlyDifferent() {
        double[] a = around(2.0, 7);
        double[] b = around(1.0, 3);
        RatioInterval first = Bootstrap.DEFAULT.ratioOfMeans(a, b);
        assertEquals(first, Bootstrap.DEFAULT.ratioOfMeans(a, b));
        assertEquals(first, new Bootstrap(10_000, Bootstrap.DEFAULT_SEED, 0.95).ratioOfMeans(a, b));
        RatioInterval other = Bootstrap.DEFAULT.withSeed(7).ratioOfMeans(a, b);
        assertEquals(first.point(), other.point(), 0);
        assertNotEquals(first, other);
        assertEquals(first.low(), other.low(), 0.002);
        assertEquals(first.high(), other.high(), 0.002);
    }

    @Test
    void largeNormalSamplesCoverTheTrueRatio() {
        Random random = new Random(1);
        RatioInterval r = Bootstrap.ratio(normal(random, 200, 2.0, 0.1), normal(random, 200, 1.0, 0.05));
        assertTrue(r.contains(2.0), r.toString());
        assertTrue(r.high() - r.low() < 0.05, r.toString());
    }

    @Test
    void coverageOverManyExperimentsIsNearNominal() {
        Random random = new Random(2);
        Bootstrap bootstrap = new Bootstrap(1_000, 3, 0.95);
        int experiments = 200;
        int covered = 0;
        for (int i = 0; i < experiments; i++) {
            if (bootstrap.ratioOfMeans(normal(random, 15, 2.0, 0.2), normal(random, 15, 1.0, 0.1)).contains(2.0)) {
                covered++;
            }
        }
        // percentile bootstrap under-covers a little at n = 15; binomial sd at 95% is 1.5%
        assertTrue(covered >= 0.85 * experiments && covered <= 0.995 * experiments, covered + " / " + experiments);
    }

    /** racebench's real fork counts: the expanded tails must keep the interval honest at n = 3 and 4. */
    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void coverageStaysNearNominalWithTheForksRacebenchRuns(int forks) {
        Random random = new Random(forks);
        Bootstrap bootstrap = new Bootstrap(2_000, 5, 0.95);
        int experiments = 400;
        int covered = 0;
        for (int i = 0; i < experiments; i++) {
            if (bootstrap.ratioOfMeans(normal(random, forks, 2.0, 0.1), normal(random, forks, 1.0, 0.05)).contains(2.0)) {
                covered++;
            }
        }
        // measured: 87% at n = 3 (the discreteness of 3^3 resamples caps it), 90%+ at n = 4;
        // the plain 2.5%/97.5% percentiles covered 76% and 85% of the same experiments
        assertTrue(covered >= 0.85 * experiments, covered + " / " + experiments);
    }

    @Test
    void expandedTailsMatchHesterbergsFormula() {
        // n = 4: sqrt(4/3) * t(0.975, 3) = 1.1547 * 3.18245 = 3.6748; Phi(-3.6748) = 1.19e-4
        assertEquals(1.19e-4, Bootstrap.expandedTail(4, 0.95), 0.01e-4);
        // large n tends to the plain 2.5% tail
        assertEquals(0.025, Bootstrap.expandedTail(10_000, 0.95), 1e-4);
    }

    @Test
    void noSpreadGivesAPointInterval() {
        RatioInterval r = Bootstrap.ratio(new double[] {3, 3, 3}, new double[] {1.5, 1.5});
        assertEquals(2.0, r.point(), 0);
        assertEquals(2.0, r.low(), 0);
        assertEquals(2.0, r.high(), 0);
    }

    @Test
    void oneForkOnEitherSideHasNaNBounds() {
        for (RatioInterval r : new RatioInterval[] {
                Bootstrap.ratio(new double[] {4}, new double[] {1, 3}),
                Bootstrap.ratio(new double[] {4, 6}, new double[] {2})}) {
            assertTrue(r.isDegenerate());
            assertTrue(Double.isNaN(r.low()) && Double.isNaN(r.high()));
            assertFalse(r.above(0) || r.below(100) || r.contains(r.point()));
        }
        assertEquals(2.0, Bootstrap.ratio(new double[] {4}, new double[] {1, 3}).point(), 0);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.ratio(new double[0], new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.ratio(new double[] {1}, new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(0, 1, 0.95));
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(100, 1, 1.5));
    }
}
