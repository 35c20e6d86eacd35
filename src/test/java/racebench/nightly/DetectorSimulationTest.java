package racebench.nightly;

import org.junit.jupiter.api.Test;
import racebench.stats.Comparison;
import racebench.stats.Correction;

import java.util.LinkedHashMap;
import java.util.List;
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
    void aaNightliesRarelyAlarmBecauseTheCorrectionCoversTheWholeNight() {
        DetectorSimulation sim = new DetectorSimulation(pools(150, 10, 1.0, 1), Comparison.Criteria.DEFAULT, 7);
        DetectorSimulation.Rates aa = sim.aa(300);
        assertEquals(150, sim.rows());
        assertTrue(aa.anyAlarm().value() <= 0.05, "family-wise rate " + aa.anyAlarm());
        assertEquals(0, aa.power().trials(), "no row is affected in A/A");
        assertTrue(aa.anyAlarm().low() <= aa.anyAlarm().value() && aa.anyAlarm().value() <= aa.anyAlarm().high());
    }

    @Test
    void withoutANoiseThresholdTheCorrectionAloneHoldsTheNightNearFivePercent() {
        Comparison.Criteria noThreshold = Comparison.Criteria.DEFAULT.withNoise(0);
        DetectorSimulation.Rates aa = new DetectorSimulation(pools(150, 10, 1.0, 1), noThreshold, 7).aa(300);
        // per row at 0.05, 150 rows would alarm almost every night; BH (the default) keeps it near alpha when nothing changed
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
    void whenManyRowsSlowDownTogetherBhCatchesMoreThanHolmAndAQuietNightStaysQuiet() {
        // 150 rows of 8 forks at 1.5% CV; 45 of them (the CPU rows of a nightly) 5% slower
        Map<String, double[]> base = pools(150, 8, 1.0, 6);
        Map<String, double[]> slowed = new LinkedHashMap<>();
        pools(45, 8, 1.05, 8).forEach(slowed::put);
        DetectorSimulation sim = new DetectorSimulation(base, Comparison.Criteria.DEFAULT, 7);
        List<Correction> both = List.of(Correction.BENJAMINI_HOCHBERG, Correction.HOLM);
        Map<Correction, DetectorSimulation.Rates> ab = sim.ab(slowed, 100, both);
        double bh = ab.get(Correction.BENJAMINI_HOCHBERG).power().value();
        double holm = ab.get(Correction.HOLM).power().value();
        assertTrue(bh > holm + 0.2, "BH " + bh + " against Holm " + holm);
        Map<Correction, DetectorSimulation.Rates> aa = sim.aa(300, both);
        for (Correction c : both) {
            assertTrue(aa.get(c).anyAlarm().value() <= 0.05, c.label() + ": " + aa.get(c).anyAlarm());
        }
        assertEquals(sim.aa(300).anyAlarm(), aa.get(Correction.BENJAMINI_HOCHBERG).anyAlarm(),
                "judging with two corrections draws the same nightlies as judging with the default alone");
    }

    @Test
    void clopperPearsonMatchesKnownValues() {
        // 0 events in 100 trials: upper bound 3.62% (the "rule of three" gives 3%)
        DetectorSimulation.Rate none = DetectorSimulation.Rate.of(0, 100);
        assertEquals(0.0, none.low(), 1e-12);
        assertEquals(0.036217, none.high(), 1e-5);
    }
}
