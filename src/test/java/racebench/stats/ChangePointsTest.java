package racebench.stats;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** E-divisive on series whose change points are known. */
class ChangePointsTest {

    private static double[] noise(int n, double level, double cv, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = level * (1 + cv * r.nextGaussian());
        }
        return x;
    }

    @Test
    void statisticByHand() {
        // X = {0, 0}, Y = {1, 1}: between = 4 * 1, within 0: e = 2*4/4 = 2, Q = 4/4 * 2 = 2
        assertEquals(2.0, ChangePoints.statistic(new double[] {0, 0, 1, 1}, 2), 1e-12);
    }

    @Test
    void theIncrementalScanFindsTheSameSplitAsTheDefinition() {
        Random r = new Random(9);
        for (int trial = 0; trial < 50; trial++) {
            double[] x = noise(5 + r.nextInt(40), 10, 0.05, trial);
            int best = 3;
            for (int t = 3; t <= x.length - 3; t++) {
                if (ChangePoints.statistic(x, t) > ChangePoints.statistic(x, best)) {
                    best = t;
                }
            }
            if (x.length >= 6) {
                assertEquals(best, ChangePoints.OTAVA.bestSplit(x), "trial " + trial);
            }
        }
    }

    @Test
    void pMustBeAbleToFallBelowTheThreshold() {
        // 999 permutations: the smallest p is 1/1000, never below 0.001
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ChangePoints(0.001, 999, 3));
    }

    @Test
    void aFivePercentStepIsFoundWhereItIs() {
        double[] x = noise(40, 10, 0.01, 1);
        for (int i = 25; i < x.length; i++) {
            x[i] *= 1.05;
        }
        List<ChangePoints.Point> points = ChangePoints.OTAVA.find(x);
        assertEquals(1, points.size(), points.toString());
        assertEquals(25, points.getFirst().index());
        assertEquals(1.05, points.getFirst().ratio(), 0.01);
        assertTrue(points.getFirst().p() < 0.001);
    }

    @Test
    void aSlowDriftIsCaughtThoughNoNightDiffersMuchFromTheLast() {
        // 0.3% a night for 30 nights after 20 flat ones: each step is far below the noise
        double[] x = noise(50, 10, 0.01, 2);
        for (int i = 20; i < x.length; i++) {
            x[i] *= 1 + 0.003 * (i - 19);
        }
        List<ChangePoints.Point> points = ChangePoints.OTAVA.find(x);
        assertTrue(!points.isEmpty(), "the drift is a change");
        assertTrue(points.getFirst().index() >= 18 && points.getFirst().ratio() > 1.03, points.toString());
    }

    @Test
    void pureNoiseHasNoChangePoint() {
        for (long seed = 10; seed < 20; seed++) {
            assertEquals(List.of(), ChangePoints.OTAVA.find(noise(50, 10, 0.02, seed)), "seed " + seed);
        }
    }

    @Test
    void tooShortToSplit() {
        assertEquals(List.of(), ChangePoints.OTAVA.find(new double[] {1, 2, 30, 40, 50}));
    }
}
