package racebench.nightly;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racebench.bench.RowId;
import racebench.stats.Comparison;
import racebench.stats.Correction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulation on synthetic pools whose answers are known: normal forks with a 1.5% CV. */
@Tag("simulation") // Monte Carlo over thousands of simulated nights: about a minute
class DetectorSimulationTest {

    /** A row named as its label reads: "Class.method {a=1}", average time. */
    static RowId id(String label) {
        int space = label.indexOf(' ');
        return space < 0 ? new RowId(label, RowId.DEFAULT_MODE, "{}")
                : new RowId(label.substring(0, space), RowId.DEFAULT_MODE, label.substring(space + 1));
    }

    private static Map<RowId, double[]> pools(int rows, int forks, double factor, long seed) {
        return pools(rows, forks, factor, 0.015, seed);
    }

    private static Map<RowId, double[]> pools(int rows, int forks, double factor, double cv, long seed) {
        Random random = new Random(seed);
        Map<RowId, double[]> pools = new LinkedHashMap<>();
        for (int r = 0; r < rows; r++) {
            double[] p = new double[forks];
            for (int f = 0; f < forks; f++) {
                p[f] = 10 * factor * (1 + cv * random.nextGaussian());
            }
            pools.put(id("row" + r), p);
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
        // per row at 0.05, 150 rows would alarm almost every night; the correction keeps it near alpha when nothing changed
        assertTrue(aa.anyAlarm().value() <= 0.08, "family-wise rate " + aa.anyAlarm());
        assertTrue(aa.falseAlarms().value() < 0.001, "per row " + aa.falseAlarms());
    }

    @Test
    void aTwentyPercentSlowdownIsCaughtAndTheOtherRowsStayQuiet() {
        Map<RowId, double[]> base = pools(40, 10, 1.0, 2);
        Map<RowId, double[]> slowed = new LinkedHashMap<>();
        pools(10, 10, 1.20, 3).forEach((k, v) -> slowed.put(k, v)); // row0..row9 slowed by 20%
        DetectorSimulation.Rates ab = new DetectorSimulation(base, Comparison.Criteria.DEFAULT, 7).ab(slowed, 200);
        assertEquals(10 * 200, ab.power().trials());
        assertTrue(ab.power().value() > 0.95, "power " + ab.power());
        assertTrue(ab.falseAlarms().value() < 0.01, "false alarms " + ab.falseAlarms());
    }

    @Test
    void aSlowdownBelowTheNoiseThresholdIsNotAnAlarm() {
        Map<RowId, double[]> base = pools(20, 12, 1.0, 4);
        Map<RowId, double[]> slowed = pools(20, 12, 1.01, 5);
        DetectorSimulation.Rates ab = new DetectorSimulation(base, Comparison.Criteria.DEFAULT, 7).ab(slowed, 100);
        assertTrue(ab.power().value() < 0.05, "1% is below the 3% threshold: " + ab.power());
    }

    @Test
    void whenManyRowsSlowDownTogetherBhCatchesMoreThanHolmAndAQuietNightStaysQuiet() {
        // 150 rows of 8 forks at 1.5% CV; 45 of them (the CPU rows of a nightly) 5% slower
        Map<RowId, double[]> base = pools(150, 8, 1.0, 6);
        Map<RowId, double[]> slowed = new LinkedHashMap<>();
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
        assertEquals(sim.aa(300).anyAlarm(), aa.get(Correction.DEFAULT).anyAlarm(),
                "judging with two corrections draws the same nightlies as judging with the default alone");
    }

    @Test
    void clopperPearsonMatchesKnownValues() {
        // 0 events in 100 trials: upper bound 3.62% (the "rule of three" gives 3%)
        DetectorSimulation.Rate none = DetectorSimulation.Rate.of(0, 100);
        assertEquals(0.0, none.low(), 1e-12);
        assertEquals(0.036217, none.high(), 1e-5);
    }
    @Test
    void nightSizedSidesHaveTheNightlysForksAndTheBaselinesPool() {
        DetectorSimulation.Sizes sizes = new DetectorSimulation.Sizes(Map.of(id("row0"), 6), 3, 5);
        assertArrayEquals(new int[] {6, 30}, sizes.of(id("row0"), 40), "5 nights of 6 forks");
        assertArrayEquals(new int[] {6, 14}, sizes.of(id("row0"), 20), "the pool runs out first");
        assertArrayEquals(new int[] {3, 15}, sizes.of(id("row1"), 40), "a row the nightly lacked gets the minimum");
        assertArrayEquals(new int[] {2, 2}, sizes.of(id("row0"), 4), "never fewer than two a side");
        DetectorSimulation.Rates aa = new DetectorSimulation(pools(10, 40, 1.0, 9), Comparison.Criteria.DEFAULT, 7,
                new DetectorSimulation.Sizes(Map.of(), 4, 5)).aa(20);
        assertEquals(4.0, aa.newForks(), 0);
        assertEquals(20.0, aa.baseForks(), 0);
        DetectorSimulation.Rates half = new DetectorSimulation(pools(10, 40, 1.0, 9), Comparison.Criteria.DEFAULT, 7).aa(20);
        assertEquals(20.0, half.newForks(), 0);
        assertEquals(20.0, half.baseForks(), 0);
    }

    @Test
    void withANightsFewForksAgainstFiveNightsThePooledTestCatchesFivePercentOnNoisyRows() {
        // the nightly's CPU rows here: forks spread 3%, 4 new forks a row against 20 pooled ones; 45 of 150 rows slowed
        DetectorSimulation.Sizes night = new DetectorSimulation.Sizes(Map.of(), 4, 5);
        Map<RowId, double[]> base = pools(150, 24, 1.0, 0.03, 10);
        DetectorSimulation sim = new DetectorSimulation(base,
                Comparison.Criteria.DEFAULT.withCorrection(Correction.BENJAMINI_HOCHBERG), 7, night);
        DetectorSimulation.Rates aa = sim.aa(400);
        // BH over rows that all did not change alarms on a share alpha of nights: at the 5% target, not above it
        assertTrue(aa.anyAlarm().low() <= 0.05 && aa.anyAlarm().value() <= 0.07, "A/A nights with any alarm " + aa.anyAlarm());
        DetectorSimulation.Rates ten = sim.ab(pools(45, 24, 1.10, 0.03, 11), 100);
        assertTrue(ten.power().value() >= 0.95, "power at 10% " + ten.power());
        DetectorSimulation.Rates five = sim.ab(pools(45, 24, 1.05, 0.03, 12), 100);
        assertTrue(five.power().value() >= 0.5, "power at 5% " + five.power());
        assertTrue(five.falseAlarms().value() < 0.01, "false alarms at 5% " + five.falseAlarms());
    }

    @Test
    void calibratePrintsTheNightlysDefaultCorrectionFirst() {
        DetectorSimulation.Rates r = new DetectorSimulation(pools(4, 10, 1.0, 1), Comparison.Criteria.DEFAULT, 7).aa(2);
        List<Calibration.Line> lines = new java.util.ArrayList<>();
        for (Correction c : List.of(Correction.BENJAMINI_HOCHBERG, Correction.HOLM)) {
            lines.add(new Calibration.Line("A/A", c, 0, 2, 4, 0, 1, r));
            lines.add(new Calibration.Line("A/B", c, 0.1, 2, 4, 1, 1.1, r));
        }
        Calibration.defaultFirst(lines);
        assertEquals(List.of("A/A holm", "A/B holm", "A/A bh", "A/B bh"),
                lines.stream().map(l -> l.scenario() + " " + l.correction()).toList());
    }

    @Test
    void aNightOfPairsHasAsManyBaseForksAsNewOnes() {
        List<Map<RowId, List<Double>>> night = List.of(Map.of(id("row0"), List.of(1.0, 1.0, 1.0, 1.0, 1.0)));
        DetectorSimulation.Sizes pairs = Calibration.nightSizes(night, true);
        assertArrayEquals(new int[] {5, 5}, pairs.of(id("row0"), 40), "one fork of each build a pair");
        assertArrayEquals(new int[] {5, 25}, Calibration.nightSizes(night, false).of(id("row0"), 40), "five nights pooled");
    }

    @Test
    void aRowsSideHasTheMedianOfTheForksTheRecentNightsGaveIt() {
        List<Double> three = List.of(1.0, 1.0, 1.0);
        List<Double> nine = java.util.Collections.nCopies(9, 1.0);
        List<Double> four = List.of(1.0, 1.0, 1.0, 1.0);
        DetectorSimulation.Sizes sizes = Calibration.nightSizes(List.of(Map.of(id("row0"), three, id("row1"), four),
                Map.of(id("row0"), nine), Map.of(id("row0"), four)), true);
        assertArrayEquals(new int[] {4, 4}, sizes.of(id("row0"), 40), "3, 9 and 4 forks: 4, not the newest night's 3");
        assertArrayEquals(new int[] {4, 4}, sizes.of(id("row1"), 40), "a row only one night had");
        DetectorSimulation.Sizes ten = new DetectorSimulation.Sizes(Map.of(), 10, 1);
        assertArrayEquals(new int[] {10, 6}, ten.of(id("row0"), 16), "A/A: both sides from one pool of 16");
        assertArrayEquals(new int[] {10, 10}, ten.of(id("row0"), 16, true), "a slowed row's new side has a pool of its own");
    }

    @Test
    void calibrateSizesItsNightsByTheNightsFundedAsTodaysWhenThereAreAny(@org.junit.jupiter.api.io.TempDir
                                                                        java.nio.file.Path dir) throws Exception {
        java.nio.file.Path newOld = night(dir, "c", null);
        java.nio.file.Path funded = night(dir, "b", "");
        java.nio.file.Path older = night(dir, "a", "alarm 10% at 95% power");
        assertEquals(List.of(funded), Calibration.fundedAsToday(List.of(newOld, funded, older)),
                "the newest night was funded by the ±2% target alone, the oldest by another rule");
        assertEquals(List.of(newOld, older), Calibration.fundedAsToday(List.of(newOld, older)), "none: the newest");
    }

    private static java.nio.file.Path night(java.nio.file.Path dir, String name, String funding) throws Exception {
        java.nio.file.Path n = java.nio.file.Files.createDirectory(dir.resolve(name));
        Map<String, String> facts = new LinkedHashMap<>(Map.of("profile", "nightly"));
        if (funding != null && funding.isEmpty()) {
            facts.putAll(racebench.bench.FundingPolicy.CURRENT.facts()); // funded as today's
        } else if (funding != null) {
            facts.put("funding", funding);
        }
        racebench.results.Environment.write(n.resolve("environment.csv"), facts);
        return n;
    }

    @Test
    void aNightOfSixPairsCatchesTenPercentOnTheCpuRows() {
        // a night of pairs of the 90-row nightly: 6 forks a side at 3% spread, the 11 CPU rows slowed
        DetectorSimulation.Sizes night = new DetectorSimulation.Sizes(Map.of(), 6, 1);
        DetectorSimulation sim = new DetectorSimulation(pools(90, 24, 1.0, 0.03, 20), Comparison.Criteria.DEFAULT, 7,
                night);
        List<Correction> both = List.of(Correction.HOLM, Correction.BENJAMINI_HOCHBERG);
        Map<Correction, DetectorSimulation.Rates> aa = sim.aa(400, both);
        for (Correction c : both) {
            DetectorSimulation.Rate any = aa.get(c).anyAlarm();
            assertTrue(any.low() <= 0.05 && any.value() <= 0.07, c.label() + ": A/A nights with any alarm " + any);
        }
        DetectorSimulation.Rates ten = sim.ab(pools(11, 24, 1.10, 0.03, 21), 200, both).get(Correction.BENJAMINI_HOCHBERG);
        assertTrue(ten.power().value() >= 0.9, "BH's power at 10% " + ten.power());
        assertTrue(ten.falseAlarms().value() < 0.01, "false alarms at 10% " + ten.falseAlarms());
    }

    @Test
    void thePairsTheNightlyFundsForAnAlarmCatchTenPercentUnderHolm() {
        // the nightly funds a row to the pairs at which its spread catches 10% at Holm's first bar
        // (DetectableEffect.forksToAlarm): at 3% spread among 90 rows that is 8; judged as the nightly
        // judges (pooled test, Holm, the 3% noise threshold, 11 CPU rows slowed), 95% of the slowed rows
        // are flagged, and at the 5 pairs the ±2% target let the CPU rows stop at, far fewer
        int pairs = racebench.stats.DetectableEffect.forksToAlarm(0.03, 0.05 / 90, 15);
        assertEquals(8, pairs);
        Map<RowId, double[]> slowed = pools(11, 24, 1.10, 0.03, 21);
        DetectorSimulation.Rates funded = new DetectorSimulation(pools(90, 24, 1.0, 0.03, 20),
                Comparison.Criteria.DEFAULT, 7, new DetectorSimulation.Sizes(Map.of(), pairs, 1)).ab(slowed, 200);
        assertTrue(funded.power().high() >= 0.95 && funded.power().value() >= 0.93, "power at 8 pairs " + funded.power());
        DetectorSimulation.Rates fewer = new DetectorSimulation(pools(90, 24, 1.0, 0.03, 20),
                Comparison.Criteria.DEFAULT, 7, new DetectorSimulation.Sizes(Map.of(), 5, 1)).ab(slowed, 200);
        assertTrue(fewer.power().high() < 0.8, "power at 5 pairs " + fewer.power());
    }

    @Test
    void onANightThatReallyRegressedHolmFlagsAnUntouchedRowOnFewNightsAndBhOnMany() {
        // the night of pairs above, the 11 CPU rows 10% slower: "flagged on the affected rows and nothing else"
        // is a family-wise promise over the untouched rows, which Holm keeps on every night and BH only on a quiet one
        DetectorSimulation sim = new DetectorSimulation(pools(90, 24, 1.0, 0.03, 20), Comparison.Criteria.DEFAULT, 7,
                new DetectorSimulation.Sizes(Map.of(), 6, 1));
        Map<Correction, DetectorSimulation.Rates> ten = sim.ab(pools(11, 24, 1.10, 0.03, 21), 400,
                List.of(Correction.HOLM, Correction.BENJAMINI_HOCHBERG));
        DetectorSimulation.Rates holm = ten.get(Correction.HOLM);
        DetectorSimulation.Rates bh = ten.get(Correction.BENJAMINI_HOCHBERG);
        // Holm's bound is 5%: the estimate's interval must reach it, and the estimate stay near it
        assertTrue(holm.anyAlarm().low() <= 0.05 && holm.anyAlarm().value() <= 0.07,
                "Holm: nights naming an untouched row " + holm.anyAlarm());
        assertTrue(bh.anyAlarm().low() > 0.05, "BH: nights naming an untouched row " + bh.anyAlarm());
        assertTrue(holm.power().value() < bh.power().value(), "Holm pays in power: " + holm.power() + " against " + bh.power());
        assertEquals(Correction.HOLM, Comparison.Criteria.DEFAULT.correction(), "the nightly keeps the promise by default");
    }

    /** 90 rows named as a nightly names them: 36 primary strategy rows at 8 tasks, 54 others. */
    private static Map<RowId, double[]> nightlyPools(int forks, double cv, long seed) {
        Map<RowId, double[]> plain = pools(90, forks, 1.0, cv, seed);
        Map<RowId, double[]> named = new LinkedHashMap<>();
        int i = 0;
        for (double[] p : plain.values()) {
            named.put(id(i < 36 ? "StrategyBenchmark.batch {strategy=S" + i + ", tasks=8, workload=CPU}"
                    : "LockBenchmark.increment {counter=C" + i + "}"), p);
            i++;
        }
        return named;
    }

    private static Map<RowId, double[]> slowedPrimaries(int rows, double factor, double cv, long seed) {
        Map<RowId, double[]> slowed = new LinkedHashMap<>();
        int i = 0;
        for (double[] p : pools(rows, 24, factor, cv, seed).values()) {
            slowed.put(id("StrategyBenchmark.batch {strategy=S" + i++ + ", tasks=8, workload=CPU}"), p);
        }
        return slowed;
    }

    @Test
    void evidenceOverNightsCatchesWhatOneNightOnlySuspects() {
        // 8 pairs a row at 3% spread, 5 primary rows 5% slower: one night at the primary rows' bar catches
        // some, the nights that follow against the same base build most of the rest
        DetectorSimulation sim = new DetectorSimulation(nightlyPools(24, 0.03, 30), Comparison.Criteria.DEFAULT, 7,
                new DetectorSimulation.Sizes(Map.of(), 8, 1));
        DetectorSimulation.Detection five = sim.detection(slowedPrimaries(5, 1.05, 0.03, 31), 200);
        double first = five.flaggedBy().get(0).value();
        double third = five.flaggedBy().get(2).value();
        System.out.printf("5%% slower, 8 pairs: flagged by night 1 %.3f, 2 %.3f, 3 %.3f%n", first,
                five.flaggedBy().get(1).value(), third);
        assertTrue(first > 0.2 && first < 0.9, "night 1: " + five.flaggedBy().get(0));
        assertTrue(third >= first + 0.1, "by night 3 " + third + ", night 1 " + first);
        for (DetectorSimulation.Rate r : five.falseAlarm()) {
            assertTrue(r.trials() == 0 || r.value() <= 0.08, "nights naming an untouched row " + r);
        }
    }

    @Test
    void aaRunsOfNightsRarelyAlarmOnAnyNight() {
        DetectorSimulation sim = new DetectorSimulation(nightlyPools(24, 0.03, 40), Comparison.Criteria.DEFAULT, 7,
                new DetectorSimulation.Sizes(Map.of(), 8, 1));
        DetectorSimulation.Detection aa = sim.detection(Map.of(), 300);
        assertEquals(300, aa.falseAlarm().getFirst().trials(), "every run has a first night");
        for (DetectorSimulation.Rate r : aa.falseAlarm()) {
            assertTrue(r.trials() == 0 || r.low() <= 0.05 && r.value() <= 0.08, "A/A nights with an alarm " + r);
        }
    }
}
