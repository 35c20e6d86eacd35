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
        assertEquals(Math.expm1((4.4442 + 1.7613) * 0.03 * 0.5), DetectableEffect.ofAlarm(0.03, 8, 0.05 / 90), 1e-4);
        assertTrue(DetectableEffect.ofAlarm(0.03, 8, 0.05 / 90) <= DetectableEffect.ALARM_CHANGE);
        assertTrue(DetectableEffect.ofAlarm(0.03, 7, 0.05 / 90) > DetectableEffect.ALARM_CHANGE);
        assertEquals(8, DetectableEffect.forksToAlarm(0.03, 0.05 / 90, 15));
        assertTrue(DetectableEffect.forksToAlarm(0.03, 0.05, 15) < 8, "one row: a bar of 0.05 needs fewer");
        assertEquals(Integer.MAX_VALUE, DetectableEffect.forksToAlarm(0.06, 0.05 / 90, 15), "6% spread: beyond 15 pairs");
        assertEquals(Integer.MAX_VALUE, DetectableEffect.forksToAlarm(Double.NaN, 0.05 / 90, 15));
        assertTrue(Double.isNaN(DetectableEffect.ofAlarm(0.03, 1, 0.05 / 90)));
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
     * One simulated night: the shares of rows NO_CHANGE, flagged and SUSPECT, every row changed by
     * {@code change}, judged with the default correction over all rows.
     */
    private static double[] night(int rows, double sigma, int forks, double change, long seed) {
        Random random = new Random(seed);
        Comparison[] c = new Comparison[rows];
        double[] p = new double[rows];
        Bootstrap bootstrap = new Bootstrap(2_000, seed, Summary.DEFAULT_CONFIDENCE);
        for (int r = 0; r < rows; r++) {
            c[r] = Comparison.of(draw(random, sigma, forks, 1), draw(random, sigma, forks, 1 + change), bootstrap);
            p[r] = c[r].p();
        }
        double[] adjusted = Correction.DEFAULT.adjust(p);
        int unchanged = 0;
        int flagged = 0;
        int suspect = 0;
        for (int r = 0; r < rows; r++) {
            Change v = c[r].judge(adjusted[r], Comparison.Criteria.DEFAULT);
            unchanged += v == Change.NO_CHANGE ? 1 : 0;
            flagged += v == Change.REGRESSION || v == Change.IMPROVEMENT ? 1 : 0;
            suspect += v == Change.SUSPECT ? 1 : 0;
            if (v == Change.NO_CHANGE) {
                assertTrue(c[r].ratio().low() < 1.03 && c[r].ratio().high() > 0.97,
                        "NO_CHANGE with its 95% interval wholly beyond the noise: " + c[r].ratio());
            }
        }
        return new double[] {(double) unchanged / rows, (double) flagged / rows, (double) suspect / rows};
    }

    private static double[] draw(Random random, double sigma, int n, double factor) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 10 * factor * Math.exp(sigma * random.nextGaussian());
        }
        return x;
    }

    @Test
    void aPreciseUnchangedRowIsNoChangeMostNights() {
        // 1% spread a fork, 8 forks a side: its 90% interval is about ±1%, well within the 3% noise
        double[] aa = night(300, 0.01, 8, 0, 11);
        System.out.printf("A/A at 1%% spread, 8 forks a side: NO_CHANGE on %.3f, flagged %.3f of 300 rows%n", aa[0], aa[1]);
        assertTrue(aa[0] >= 0.95, "NO_CHANGE on " + aa[0] + " of unchanged rows");
        assertEquals(0, aa[1], 0.0, "alarms on " + aa[1] + " of unchanged rows");
    }

    @Test
    void aNoisyUnchangedRowIsNotCalledUnchanged() {
        // 8% spread, 6 forks a side: its interval is about ±10%, it cannot show that it moved less than 3%
        double[] aa = night(300, 0.08, 6, 0, 11);
        System.out.printf("A/A at 8%% spread, 6 forks a side: NO_CHANGE on %.3f, flagged %.3f, SUSPECT %.3f of 300 "
                + "rows%n", aa[0], aa[1], aa[2]);
        assertTrue(aa[0] <= 0.05, "NO_CHANGE on " + aa[0] + " of rows too noisy to resolve 3%");
        assertTrue(aa[1] <= 0.02, "alarms on " + aa[1] + " of unchanged rows");
    }

    @Test
    void aRowThatMovedByTheNoiseIsCalledUnchangedAtMostOneNightInTwenty() {
        // NO_CHANGE is two one-sided tests at 5% against ±noise: a row 3% slower is NO_CHANGE at most one night in 20
        double[] edge = night(1000, 0.02, 8, 0.03, 13);
        System.out.printf("rows 3%% slower at 2%% spread: NO_CHANGE on %.3f, flagged %.3f, SUSPECT %.3f of 1000%n",
                edge[0], edge[1], edge[2]);
        assertTrue(edge[0] <= 0.05, "NO_CHANGE on " + edge[0] + " of rows that moved by the noise");
    }

    @Test
    void aRowThatMovedTwiceTheNoiseIsNeverUnchangedAndUsuallySuspectOrFlagged() {
        double[] ab = night(300, 0.03, 6, 0.06, 12);
        assertEquals(0, ab[0], 0.0, "NO_CHANGE on " + ab[0] + " of rows 6% slower");
        assertTrue(ab[1] + ab[2] >= 0.5, "flagged " + ab[1] + ", SUSPECT " + ab[2] + " of rows 6% slower");
    }
}
