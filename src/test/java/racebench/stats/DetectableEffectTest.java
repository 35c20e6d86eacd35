package racebench.stats;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The detectable effect against hand-computed values, and what it does to the verdicts of
 * simulated nights whose answer is known: an unchanged row is NO_CHANGE at its own resolution on
 * more than nine nights in ten (93% of 300 rows), a row that changed by exactly the band it reports
 * on at most one in twenty (3.4% of 1000), and a row that changed by twice that never.
 */
class DetectableEffectTest {

    @Test
    void fiveForksASideAtFivePercentSpread() {
        // t(0.975, 4) = 2.776445, t(0.95, 4) = 2.131847; sqrt(1/5 + 1/5) = 0.632456
        double expected = Math.expm1((2.776445 + 2.131847) * 0.05 * 0.632456);
        assertEquals(expected, DetectableEffect.of(0.05, 5, 5), 1e-6);
        assertEquals(0.1679, DetectableEffect.of(0.05, 5, 5), 1e-4);
        // the smaller side sets the degrees of freedom, as it does for the interval
        assertEquals(Math.expm1((2.776445 + 2.131847) * 0.05 * Math.sqrt(1 / 5.0 + 1 / 20.0)),
                DetectableEffect.of(0.05, 20, 5), 1e-6);
    }

    @Test
    void theAlarmsResolutionIsAtTheFirstBarOfHolmWithTheDegreesOfFreedomOfThePooledTest() {
        // 90 rows: the bar is 0.05 / 90 two-sided; 8 forks a side, 14 degrees of freedom:
        // t(1 - 0.05 / 180, 14) = 4.4442 (scipy), t(0.95, 14) = 1.7613; sqrt(2 / 8) = 0.5
        assertEquals(Math.expm1((4.4442 + 1.7613) * 0.03 * 0.5), DetectableEffect.ofAlarm(0.03, 8, 90), 1e-4);
        assertTrue(DetectableEffect.ofAlarm(0.03, 8, 90) <= DetectableEffect.ALARM_CHANGE);
        assertTrue(DetectableEffect.ofAlarm(0.03, 7, 90) > DetectableEffect.ALARM_CHANGE);
        assertEquals(8, DetectableEffect.forksToAlarm(0.03, 90, 15));
        assertTrue(DetectableEffect.forksToAlarm(0.03, 1, 15) < 8, "one row: a bar of 0.05 needs fewer");
        assertEquals(Integer.MAX_VALUE, DetectableEffect.forksToAlarm(0.06, 90, 15), "6% spread: beyond 15 pairs");
        assertEquals(Integer.MAX_VALUE, DetectableEffect.forksToAlarm(Double.NaN, 90, 15));
        assertTrue(Double.isNaN(DetectableEffect.ofAlarm(0.03, 1, 90)));
    }

    @Test
    void moreForksResolveLessAndTooFewResolveNothing() {
        assertTrue(DetectableEffect.of(0.05, 15, 15) < DetectableEffect.of(0.05, 5, 5));
        assertTrue(Double.isNaN(DetectableEffect.of(0.05, 1, 5)));
        assertTrue(Double.isNaN(DetectableEffect.of(Double.NaN, 5, 5)));
        assertEquals(0, DetectableEffect.of(0, 5, 5), 0);
    }

    @Test
    void theSpreadIsPooledWithinGroupsSoDriftBetweenNightsDoesNotCount() {
        double[] night1 = {Math.exp(0.0), Math.exp(0.2)};      // deviations ±0.1
        double[] night2 = {Math.exp(1.0), Math.exp(1.4)};      // another level, deviations ±0.2
        double[] lone = {42};                                  // no degree of freedom: ignored
        // (2 x 0.01 + 2 x 0.04) / 2 degrees of freedom
        assertEquals(Math.sqrt(0.05), DetectableEffect.pooledLogSpread(List.of(night1, night2, lone)).getAsDouble(),
                1e-12);
        assertTrue(DetectableEffect.pooledLogSpread(List.of(lone)).isEmpty());
        double[] doubled = {2 * Math.exp(0.0), 2 * Math.exp(0.2)};
        assertEquals(0.1 * Math.sqrt(2), DetectableEffect.pooledLogSpread(List.of(night1, doubled)).getAsDouble(), 1e-12);
    }

    /**
     * One simulated night: the shares of rows NO_CHANGE and flagged; each row's spread learned from
     * two sides before tonight, judged with the default correction. {@code change} NaN: each row
     * changed by its own band, the one it reports.
     */
    private static double[] night(int rows, double sigma, int forks, double change, long seed) {
        Random random = new Random(seed);
        double[][] b = new double[rows][];
        double[][] n = new double[rows][];
        double[] detectable = new double[rows];
        Comparison[] c = new Comparison[rows];
        double[] p = new double[rows];
        Bootstrap bootstrap = new Bootstrap(2_000, seed, Summary.DEFAULT_CONFIDENCE);
        for (int r = 0; r < rows; r++) {
            double[] before1 = draw(random, sigma, forks, 1);
            double[] before2 = draw(random, sigma, forks, 1);
            double spread = DetectableEffect.pooledLogSpread(List.of(before1, before2)).getAsDouble();
            detectable[r] = DetectableEffect.of(spread, forks, forks);
            b[r] = draw(random, sigma, forks, 1);
            n[r] = draw(random, sigma, forks, 1 + (Double.isNaN(change) ? detectable[r] : change));
            c[r] = Comparison.of(b[r], n[r], bootstrap);
            p[r] = c[r].p();
        }
        double[] adjusted = Correction.DEFAULT.adjust(p);
        int unchanged = 0;
        int flagged = 0;
        for (int r = 0; r < rows; r++) {
            Change v = c[r].judge(adjusted[r], Comparison.Criteria.DEFAULT, detectable[r]);
            unchanged += v == Change.NO_CHANGE ? 1 : 0;
            flagged += v == Change.REGRESSION || v == Change.IMPROVEMENT ? 1 : 0;
        }
        return new double[] {(double) unchanged / rows, (double) flagged / rows};
    }

    private static double[] draw(Random random, double sigma, int n, double factor) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 10 * factor * Math.exp(sigma * random.nextGaussian());
        }
        return x;
    }

    @Test
    void anUnchangedNoisyRowIsNoChangeAtItsOwnResolutionMostNights() {
        // 8% spread a fork, 6 forks a side: about ±24% detectable, far beyond the 3% noise threshold
        double[] aa = night(300, 0.08, 6, 0, 11);
        assertTrue(aa[0] >= 0.91 && aa[0] <= 0.98, "NO_CHANGE on " + aa[0] + " of unchanged rows");
        System.out.printf("A/A at 8%% spread, 6 forks a side: NO_CHANGE on %.3f, flagged %.3f of 300 rows%n", aa[0], aa[1]);
        assertTrue(aa[1] <= 0.02, "alarms on " + aa[1] + " of unchanged rows");
    }

    @Test
    void aChangeOfExactlyTheDetectableEffectIsCalledUnchangedAboutOneNightInTwenty() {
        // the equivalence verdict is two one-sided tests at 5% (a 90% interval within the band): a row that
        // changed by exactly the band it reports is NO_CHANGE at most one night in twenty
        double[] edge = night(1000, 0.08, 6, Double.NaN, 13);
        System.out.printf("rows changed by their own band: NO_CHANGE on %.3f, flagged %.3f of 1000 rows%n", edge[0], edge[1]);
        assertTrue(edge[0] <= 0.05, "NO_CHANGE on " + edge[0] + " of rows changed by their band");
        // the band of a spread learned from 12 forks wanders with it: rows changed by the band the true spread gives
        // pass a little more often, wherever their learned band came out wider (about half the rows)
        double resolved = DetectableEffect.of(0.08, 6, 6);
        double[] trueEdge = night(1000, 0.08, 6, resolved, 13);
        System.out.printf("rows %.1f%% slower (the true spread's band): NO_CHANGE on %.3f of 1000 rows%n",
                100 * resolved, trueEdge[0]);
        assertTrue(trueEdge[0] <= 0.12, "NO_CHANGE on " + trueEdge[0] + " of rows changed by the true band");
    }

    @Test
    void aChangeOfTwiceTheDetectableEffectIsNeverCalledUnchanged() {
        double resolved = DetectableEffect.of(0.08, 6, 6);
        double[] ab = night(300, 0.08, 6, 2 * resolved, 12);
        assertEquals(0, ab[0], 0.01, "NO_CHANGE on " + ab[0] + " of rows " + 200 * resolved + "% slower");
    }
}
