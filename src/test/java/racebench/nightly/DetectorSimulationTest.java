package racebench.nightly;

import org.junit.jupiter.api.Test;
import racebench.stats.Comparison;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulation on synthetic pools whose answers are known: normal forks with a 1.5% CV. */
class DetectorSimulationTest {

    private static Map<String, double[]> pools(int rows, int forks, double factor, long seed) {
        Random random = new Random(seed);
        Map<String, double[]> pools = new LinkedHashMap<>();
        for (int r = 0; r < rows; r++) {
            double[] p = new double[forks];
            for (int f = 0; f < forks; f++) {
                p[f] = 10 * factor * (1 + 0.015 * random.nextGaussian());
            }
            pools.put("row" + r, p);
        }
        return pools;
    }

    @Test
    void aaNightliesRarelyAlarmBecauseHolmControlsTheWholeNight() {
        DetectorSimulation sim = new DetectorSimulation(pools(150, 10, 1.0, 1), Comparison.Criteria.DEFAULT, 7);
        DetectorSimulation.Rates aa = sim.aa(300);
        assertEquals(150, sim.rows());
        assertTrue(aa.anyAlarm().value() <= 0.05, "family-wise rate " + aa.anyAlarm());
        assertEquals(0, aa.power().trials(), "no row is affected in A/A");
        assertTrue(aa.anyAlarm().low() <= aa.anyAlarm().value() && aa.anyAlarm().value() <= aa.anyAlarm().high());
    }

    @Test
    void withoutANoiseThresholdHolmAloneHoldsTheNightAtFivePercent() {
        Comparison.Criteria noThreshold = Comparison.Criteria.DEFAULT.withNoise(0);
        DetectorSimulation.Rates aa = new DetectorSimulation(pools(150, 10, 1.0, 1), noThreshold, 7).aa(300);
        // per row at 0.05, 150 rows would alarm almost every night; Holm keeps it near alpha
        assertTrue(aa.anyAlarm().value() <= 0.08, "family-wise rate " + aa.anyAlarm());
        assertTrue(aa.falseAlarms().value() < 0.001, "per row " + aa.falseAlarms());
    }

    @Test
    void aTwentyPercentSlowdownIsCaughtAndTheOtherRowsStayQuiet() {
        Map<String, double[]> base = pools(40, 10, 1.0, 2);
        Map<String, double[]> slowed = new LinkedHashMap<>();
        pools(10, 10, 1.20, 3).forEach((k, v) -> slowed.put(k, v)); // row0..row9 slowed by 20%
        DetectorSimulation.Rates ab = new DetectorSimulation(base, Comparison.Criteria.DEFAULT, 7).ab(slowed, 200);
        assertEquals(10 * 200, ab.power().trials());
        assertTrue(ab.power().value() > 0.95, "power " + ab.power());
        assertTrue(ab.falseAlarms().value() < 0.01, "false alarms " + ab.falseAlarms());
    }

    @Test
    void aSlowdownBelowTheNoiseThresholdIsNotAnAlarm() {
        Map<String, double[]> base = pools(20, 12, 1.0, 4);
        Map<String, double[]> slowed = pools(20, 12, 1.01, 5);
        DetectorSimulation.Rates ab = new DetectorSimulation(base, Comparison.Criteria.DEFAULT, 7).ab(slowed, 100);
        assertTrue(ab.power().value() < 0.05, "1% is below the 3% threshold: " + ab.power());
    }

    @Test
    void clopperPearsonMatchesKnownValues() {
        // 0 events in 100 trials: upper bound 3.62% (the "rule of three" gives 3%)
        DetectorSimulation.Rate none = DetectorSimulation.Rate.of(0, 100);
        assertEquals(0.0, none.low(), 1e-12);
        assertEquals(0.036217, none.high(), 1e-5);
    }
}
