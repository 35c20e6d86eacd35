package racebench.bench;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.RunnerException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fork scheduler on a fake clock: every fork of a case costs a fixed time and yields a noisy mean. */
class AdaptiveMeasurementTest {
    private static final long SECOND = 1_000_000_000L;

    /**
     * Cases by name: (cost per fork in seconds, CV of its fork means); a cost below 0 makes its
     * forks fail, a third value of 1 makes them measure nothing.
     */
    private record Fake(Map<String, double[]> spec, long[] now, Random random, List<String> calls)
            implements AdaptiveMeasurement.Forker {
        static Fake of(Map<String, double[]> spec) {
            return new Fake(spec, new long[1], new Random(1), new ArrayList<>());
        }

        @Override
        public JmhRunner.Forks fork(BenchCase c) throws RunnerException {
            double[] s = spec.get(c.params().get("row"));
            calls.add(c.params().get("row"));
            now[0] += (long) (Math.abs(s[0]) * SECOND);
            if (s[0] < 0) {
                throw new RunnerException("fork crashed");
            }
            if (s.length > 2 && s[2] == 1) {
                return new JmhRunner.Forks(Optional.empty(), "", java.util.List.of());
            }
            double mean = 10 * (1 + s[1] * random.nextGaussian());
            ForkSamples one = new ForkSamples("X.x", c.params(), "ms/op", List.of(new double[] {mean, mean, mean}));
            return new JmhRunner.Forks(Optional.of(one), "{}", java.util.List.of());
        }

        List<BenchCase> cases() {
            return spec.keySet().stream().sorted().map(k -> new BenchCase("a.X.x", Map.of("row", k))).toList();
        }

        long count(String row) {
            return calls.stream().filter(row::equals).count();
        }
    }

    private static AdaptiveMeasurement.Result measure(Fake fake, int budgetSeconds, int min, int max) throws Exception {
        return new AdaptiveMeasurement(new AdaptiveMeasurement.Stopping(min, max, 0.02),
                Duration.ofSeconds(budgetSeconds), fake, () -> fake.now()[0], line -> { }).measure(fake.cases());
    }

    @Test
    void preciseRowsStopAtTheMinimumAndNoisyOnesGetMore() throws Exception {
        Map<String, double[]> spec = new HashMap<>();
        spec.put("quiet", new double[] {1, 0.001});
        spec.put("noisy", new double[] {1, 0.03});
        Fake fake = Fake.of(spec);
        AdaptiveMeasurement.Result r = measure(fake, 1000, 3, 30);
        assertEquals(3, fake.count("quiet"));
        assertTrue(fake.count("noisy") > 3, "noisy got " + fake.count("noisy"));
        assertTrue(r.byCase().values().stream().allMatch(s -> s.forks().size() <= 30));
    }

    @Test
    void timeFreedByConvergedRowsGoesToTheRowsStillOpen() throws Exception {
        // budget 60 s: three rows at 1 s a fork. Two converge at 3 forks (6 s); the noisy one
        // may then spend the rest, far beyond an equal third (20 s), up to the maximum of 40
        Map<String, double[]> spec = new HashMap<>();
        spec.put("a", new double[] {1, 0.0001});
        spec.put("b", new double[] {1, 0.0001});
        spec.put("noisy", new double[] {1, 0.2});
        Fake fake = Fake.of(spec);
        measure(fake, 60, 3, 40);
        assertTrue(fake.count("noisy") > 25, "noisy got " + fake.count("noisy"));
        assertTrue(fake.now()[0] <= 60 * SECOND, "within budget: " + fake.now()[0] / SECOND + " s");
    }

    @Test
    void rowsThatCanReachTheTargetAreFundedBeforeHopelessOnes() throws Exception {
        // budget 70 s at 1 s a fork: 21 s for seven rows' minimum, 49 s left. "near" (CV 5%)
        // needs about 27 forks for ±2%; the six others (CV 30%) would need hundreds, more than
        // the maximum of 100. Equal shares (7 s each) would stop near at 10 forks, about ±3.6%;
        // funded first it reaches ±2%, and what it leaves goes to the others
        Map<String, double[]> spec = new HashMap<>();
        spec.put("near", new double[] {1, 0.05});
        for (int i = 1; i <= 6; i++) {
            spec.put("hopeless" + i, new double[] {1, 0.3});
        }
        Fake fake = Fake.of(spec);
        AdaptiveMeasurement.Result r = measure(fake, 70, 3, 100);
        ForkSamples near = r.byCase().entrySet().stream().filter(e -> e.getKey().params().get("row").equals("near"))
                .findFirst().orElseThrow().getValue();
        double width = racebench.stats.Summary.of(near.forkMeans()).relativeHalfWidth();
        assertTrue(width <= 0.02, "near reached ±" + width + " with " + near.forks().size() + " forks");
        long others = fake.calls().stream().filter(c -> c.startsWith("hopeless")).count();
        assertTrue(others > 6 * 3, "what near left went to the others: " + others + " forks");
        assertTrue(fake.now()[0] <= 70 * SECOND, "overran: " + fake.now()[0] / SECOND + " s");
        assertTrue(fake.now()[0] >= 69 * SECOND, "left budget unused: " + fake.now()[0] / SECOND + " s");
    }

    /** {@code locks} rows "lock1".. whose forks spread by 8%, and "ipc1", "ipc2" by 20%; 1 s a fork. */
    private static Fake locksAndTwoIpcRows(int locks) {
        Map<String, double[]> spec = new HashMap<>();
        for (int i = 1; i <= locks; i++) {
            spec.put("lock" + i, new double[] {1, 0.08});
        }
        spec.put("ipc1", new double[] {1, 0.2});
        spec.put("ipc2", new double[] {1, 0.2});
        return Fake.of(spec);
    }

    @Test
    void rowsTooBlindForAVerdictAreFundedUntilTheyCouldSeeAFiftyPercentChange() throws Exception {
        // budget 50 s at 1 s a fork: 24 s for eight rows' minimum. None can reach ±2% within 40
        // forks. The six "lock" rows (CV 8%) can detect a 50% change at 4 forks; the two "ipc" rows
        // (CV 20%) need about 9: equal shares (6 forks each) would leave them too blind for a verdict
        Fake fake = locksAndTwoIpcRows(6);
        AdaptiveMeasurement.Result r = measure(fake, 50, 3, 40);
        for (var e : r.byCase().entrySet()) {
            double[] means = e.getValue().forkMeans();
            int n = means.length;
            double band = racebench.stats.DetectableEffect.of(
                    racebench.stats.DetectableEffect.pooledLogSpread(List.of(means)).orElseThrow(), n, n);
            assertTrue(band <= racebench.stats.DetectableEffect.WIDEST,
                    e.getKey().params().get("row") + " can detect only ±" + band + " with " + n + " forks");
        }
        assertTrue(fake.count("ipc1") > 6 && fake.count("ipc2") > 6, "more than an equal share: " + fake.calls());
        assertTrue(fake.now()[0] <= 50 * SECOND, "overran: " + fake.now()[0] / SECOND + " s");
        assertTrue(fake.now()[0] >= 49 * SECOND, "left budget unused: " + fake.now()[0] / SECOND + " s");
    }

    @Test
    void aRowsSpreadBeforeTonightDecidesWhetherItIsFundedToSeeAFiftyPercentChange() throws Exception {
        // budget 44 s at 1 s a fork: 18 s for six rows' minimum. Tonight both "ipc" rows spread by
        // 20% (9 forks to see a 50% change), but before tonight ipc2's forks spread by 100%, which no
        // 40 forks resolve: its verdict will be too blind whatever tonight gives it, so only ipc1 is
        // funded first, and ipc2 gets what the four lock rows get
        Fake fake = locksAndTwoIpcRows(4);
        assertEquals(9, racebench.stats.DetectableEffect.forksToSee(0.2, 40));
        assertEquals(Integer.MAX_VALUE, racebench.stats.DetectableEffect.forksToSee(1.0, 40));
        new AdaptiveMeasurement(new AdaptiveMeasurement.Stopping(3, 40, 0.02), Duration.ofSeconds(44), fake,
                () -> fake.now()[0], line -> { }).priorSpreads(Map.of(id("ipc1"), 0.2, id("ipc2"), 1.0))
                .measure(fake.cases());
        assertTrue(fake.count("ipc1") >= 9, "ipc1 got " + fake.count("ipc1") + ": " + fake.calls());
        assertTrue(fake.count("ipc2") < 9, "ipc2 got " + fake.count("ipc2") + ": " + fake.calls());
        assertTrue(fake.now()[0] <= 44 * SECOND, "overran: " + fake.now()[0] / SECOND + " s");
    }

    @Test
    void aRowTooBlindForAVerdictMayGoBeyondTheMaximumUpToTheForksThatLetItSee() throws Exception {
        // at most 6 forks a row, 12 for a row too blind: ipc1 (a spread of 20% before tonight) needs 9
        // to see a 50% change and gets them; ipc2 (100%) could not see it in 12 and stops at 6 like the rest
        Fake fake = locksAndTwoIpcRows(4);
        new AdaptiveMeasurement(new AdaptiveMeasurement.Stopping(3, 6, 0.02, 12), Duration.ofSeconds(60), fake,
                () -> fake.now()[0], line -> { }).priorSpreads(Map.of(id("ipc1"), 0.2, id("ipc2"), 1.0))
                .measure(fake.cases());
        assertEquals(9, fake.count("ipc1"), fake.calls().toString());
        assertEquals(6, fake.count("ipc2"), fake.calls().toString());
        for (int i = 1; i <= 4; i++) {
            assertEquals(6, fake.count("lock" + i), fake.calls().toString());
        }
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveMeasurement.Stopping(3, 6, 0.02, 5),
                "fewer forks to see than the maximum");
    }

    @Test
    void aBlindRowWhoseForksToSeeDoNotFitTheTimeLeftStopsAtTheMaximumLikeTheRest() throws Exception {
        // budget 40 s at 1 s a fork, at most 6 forks a row, 40 for a row too blind: ipc1 (a spread of
        // 41.5% before tonight) needs 30 to see a 50% change, 27 beyond the minimum, while 22 s are left
        // after it: never funded to see, and the equal shares stop it at 6 too, though 4 s are then unused
        // (ipc2's 100% is beyond any 40 forks: it is an ordinary row here)
        assertEquals(30, racebench.stats.DetectableEffect.forksToSee(0.415, 40));
        Fake fake = locksAndTwoIpcRows(4);
        new AdaptiveMeasurement(new AdaptiveMeasurement.Stopping(3, 6, 0.02, 40), Duration.ofSeconds(40), fake,
                () -> fake.now()[0], line -> { }).priorSpreads(Map.of(id("ipc1"), 0.415, id("ipc2"), 1.0))
                .measure(fake.cases());
        assertEquals(6, fake.count("ipc1"), fake.calls().toString());
        assertEquals(36, fake.calls().size(), "every row at the maximum: " + fake.calls());
    }

    @Test
    void aRowThatCouldConvergeButCannotAffordAForkDoesNotEndTheRunEarly() throws Exception {
        // budget 100 s: the minimum costs 66 s. "costly" (20 s a fork, CV 5%) could reach ±2% within
        // the maximum but not in the time left; once it cannot afford another fork, the cheap rows
        // (CV 30%, hopeless) get what is left instead of the run ending with 14 s unused
        Map<String, double[]> spec = new HashMap<>();
        spec.put("costly", new double[] {20, 0.05});
        spec.put("cheap1", new double[] {1, 0.3});
        spec.put("cheap2", new double[] {1, 0.3});
        Fake fake = Fake.of(spec);
        measure(fake, 100, 3, 100);
        assertTrue(fake.now()[0] >= 98 * SECOND, "ended early: " + fake.now()[0] / SECOND + " s, " + fake.calls());
        assertTrue(fake.now()[0] <= 100 * SECOND, "overran: " + fake.now()[0] / SECOND + " s");
        assertTrue(fake.count("cheap1") > 3 && fake.count("cheap2") > 3, fake.calls().toString());
    }

    @Test
    void aTargetOfZeroSplitsTheBudgetEvenlyAsCalibrateNeeds() throws Exception {
        // even a row too blind for a verdict ("b", CV 20%) is not funded first
        Map<String, double[]> spec = new HashMap<>();
        spec.put("a", new double[] {1, 0.001});
        spec.put("b", new double[] {1, 0.2});
        Fake fake = Fake.of(spec);
        new AdaptiveMeasurement(new AdaptiveMeasurement.Stopping(3, 100, 0), Duration.ofSeconds(20), fake,
                () -> fake.now()[0], line -> { }).measure(fake.cases());
        assertEquals(10, fake.count("a"));
        assertEquals(10, fake.count("b"));
        assertEquals(3, fake.calls().subList(6, 12).stream().filter("a"::equals).count(),
                "a fork of each a round, none first: " + fake.calls());
    }

    @Test
    void anExpensiveRowCannotStarveTheOthersAndTheBudgetHolds() throws Exception {
        Map<String, double[]> spec = new HashMap<>();
        spec.put("costly", new double[] {10, 0.2});
        spec.put("cheap1", new double[] {1, 0.2});
        spec.put("cheap2", new double[] {1, 0.2});
        Fake fake = Fake.of(spec);
        measure(fake, 120, 3, 100);
        assertTrue(fake.count("cheap1") >= 20 && fake.count("cheap2") >= 20, fake.calls().toString());
        assertTrue(fake.count("costly") <= 5, "costly got " + fake.count("costly"));
        assertTrue(fake.now()[0] <= 120 * SECOND, "overran: " + fake.now()[0] / SECOND + " s");
    }

    @Test
    void aBudgetTooSmallForTheMinimumSaysSoInsteadOfOverrunning() throws Exception {
        Map<String, double[]> spec = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            spec.put("r" + i, new double[] {2, 0.01});
        }
        Fake fake = Fake.of(spec);
        AdaptiveMeasurement.Result r = measure(fake, 30, 3, 10);
        assertTrue(r.budgetTooSmall());
        assertTrue(fake.now()[0] <= 30 * SECOND, "overran: " + fake.now()[0] / SECOND + " s");
    }

    @Test
    void aFailingForkEndsItsRowNotTheRun() throws Exception {
        Map<String, double[]> spec = new HashMap<>();
        spec.put("broken", new double[] {-1, 0});
        spec.put("fine", new double[] {1, 0.001});
        Fake fake = Fake.of(spec);
        AdaptiveMeasurement.Result r = measure(fake, 100, 3, 10);
        assertEquals(1, fake.count("broken"), "no second fork for a row that failed");
        assertEquals(1, r.failures().size());
        assertTrue(r.failures().getFirst().contains("fork crashed"), r.failures().toString());
        assertEquals(3, r.byCase().values().iterator().next().forks().size());
    }

    /** A case's forks of two builds on one clock, the order they ran in as "A" (this build) and "B" (the base). */
    private static AdaptiveMeasurement.Result paired(Fake mine, Fake theirs, List<String> order, int budgetSeconds,
                                                     int min, int max) throws Exception {
        AdaptiveMeasurement.Forker a = c -> {
            order.add("A");
            return mine.fork(c);
        };
        AdaptiveMeasurement.Forker b = c -> {
            order.add("B");
            return theirs.fork(c);
        };
        return new AdaptiveMeasurement(new AdaptiveMeasurement.Stopping(min, max, 0.02), Duration.ofSeconds(budgetSeconds),
                a, b, () -> mine.now()[0], line -> { }).measure(mine.cases());
    }

    private static Fake sameClock(Fake fake, Map<String, double[]> spec) {
        return new Fake(spec, fake.now(), new Random(2), new ArrayList<>());
    }

    @Test
    void withABaseBuildEveryForkIsAPairInAlternatingOrder() throws Exception {
        Fake mine = Fake.of(Map.of("r", new double[] {1, 0.001}));
        Fake theirs = sameClock(mine, Map.of("r", new double[] {1, 0.001}));
        List<String> order = new ArrayList<>();
        AdaptiveMeasurement.Result r = paired(mine, theirs, order, 100, 2, 10);
        assertEquals(List.of("A", "B", "B", "A"), order, "ABBA: neither build always runs first");
        assertEquals(2, r.byCase().values().iterator().next().forks().size());
        assertEquals(2, r.baseByCase().values().iterator().next().forks().size());
        assertEquals(4 * SECOND, mine.now()[0], "a pair costs both forks");
    }

    @Test
    void aRowStaysOpenUntilTheBaseSideIsPreciseToo() throws Exception {
        Fake mine = Fake.of(Map.of("r", new double[] {1, 0.001}));
        Fake theirs = sameClock(mine, Map.of("r", new double[] {1, 0.05}));
        List<String> order = new ArrayList<>();
        AdaptiveMeasurement.Result r = paired(mine, theirs, order, 1000, 2, 40);
        int forks = r.byCase().values().iterator().next().forks().size();
        assertTrue(forks > 2, "this build's side alone converged at 2 forks; the row got " + forks);
        assertEquals(forks, r.baseByCase().values().iterator().next().forks().size(), "both sides get every pair");
        double width = racebench.stats.Summary.of(r.baseByCase().values().iterator().next().forkMeans())
                .relativeHalfWidth();
        assertTrue(width <= 0.02 || forks == 40, "the base side reached ±" + width + " with " + forks + " forks");
    }

    @Test
    void aForkThatMeasuresNothingEndsItsSideSoThePairsStayInStep() throws Exception {
        Fake mine = Fake.of(Map.of("r", new double[] {1, 0.001}));
        Fake theirs = sameClock(mine, Map.of("r", new double[] {1, 0.001, 1}));
        List<String> order = new ArrayList<>();
        AdaptiveMeasurement.Result r = paired(mine, theirs, order, 100, 3, 10);
        assertEquals(1, order.stream().filter("B"::equals).count(), order.toString());
        assertTrue(r.baseFailures().getFirst().contains("no measurement"), r.baseFailures().toString());
        Fake empty = Fake.of(Map.of("r", new double[] {1, 0.001, 1}));
        AdaptiveMeasurement.Result alone = measure(empty, 100, 3, 10);
        assertEquals(1, empty.count("r"), "no second fork after one measured nothing");
        assertTrue(alone.failures().getFirst().contains("no measurement"), alone.failures().toString());
    }

    @Test
    void aFailingBaseForkEndsTheBaseSideOfItsRowOnly() throws Exception {
        Fake mine = Fake.of(Map.of("r", new double[] {1, 0.001}));
        Fake theirs = sameClock(mine, Map.of("r", new double[] {-1, 0}));
        List<String> order = new ArrayList<>();
        AdaptiveMeasurement.Result r = paired(mine, theirs, order, 100, 3, 10);
        assertEquals(1, order.stream().filter("B"::equals).count(), "no second base fork after one failed: " + order);
        assertEquals(3, r.byCase().values().iterator().next().forks().size(), "this build's side is measured as before");
        assertTrue(r.baseByCase().isEmpty());
        assertEquals(1, r.baseFailures().size());
        assertTrue(r.failures().isEmpty());
    }

    @Test
    void withABaseBuildAPreciseRowGetsThePairsItsPastSpreadNeedsToCatchTenPercent() throws Exception {
        // ten rows within ±2% at the minimum of 2 pairs tonight (0.1% spread). Before tonight "cpu"
        // spread by 3%: among ten rows a 10% change needs more pairs than that, and it gets them,
        // up to exactly those; the others stop at (about) the minimum. Without a base build nothing raises
        // an alarm, and "cpu" stops at the minimum too
        Map<String, double[]> spec = new HashMap<>();
        for (int i = 0; i < 9; i++) {
            spec.put("r" + i, new double[] {1, 0.001});
        }
        spec.put("cpu", new double[] {1, 0.001});
        int needed = racebench.stats.DetectableEffect.forksToAlarm(0.03, 0.05 / 10, 15);
        assertTrue(needed > 2 && needed < 15, "pairs needed " + needed);
        Fake mine = Fake.of(spec);
        Fake theirs = sameClock(mine, spec);
        Map<RowId, Double> prior = Map.of(id("cpu"), 0.03);
        new AdaptiveMeasurement(new AdaptiveMeasurement.Stopping(2, 15, 0.02), Duration.ofSeconds(1000), mine, theirs,
                () -> mine.now()[0], line -> { }).priorSpreads(prior).measure(mine.cases());
        assertEquals(needed, mine.count("cpu"), mine.calls().toString());
        for (int i = 0; i < 9; i++) { // a third pair where two draws of 0.1% left the t interval of 1 df wider than ±2%
            assertTrue(mine.count("r" + i) <= 3, mine.calls().toString());
        }
        Fake alone = Fake.of(spec);
        new AdaptiveMeasurement(new AdaptiveMeasurement.Stopping(2, 15, 0.02), Duration.ofSeconds(1000), alone,
                () -> alone.now()[0], line -> { }).priorSpreads(prior).measure(alone.cases());
        assertEquals(2, alone.count("cpu"), alone.calls().toString());
    }

    @Test
    void withABaseBuildTheAlarmIsFundedBeforeTwoPercent() throws Exception {
        // two rows, 3 pairs each at the minimum: "cpu" (0.1% tonight, 3% before) needs 5 pairs to catch
        // 10% among two rows; "noisy" (2% tonight, none before) is not within ±2% at 3 pairs and could
        // be with a few more. The alarm comes first: the pairs after the minimum go to cpu until it has
        // its 5, then to noisy; without a base build, ±2% comes first
        int needed = racebench.stats.DetectableEffect.forksToAlarm(0.03, 0.05 / 2, 15);
        assertEquals(5, needed);
        Map<String, double[]> spec = Map.of("cpu", new double[] {1, 0.001}, "noisy", new double[] {1, 0.02});
        Fake mine = Fake.of(spec);
        Fake theirs = sameClock(mine, spec);
        new AdaptiveMeasurement(new AdaptiveMeasurement.Stopping(3, 15, 0.02), Duration.ofSeconds(1000), mine, theirs,
                () -> mine.now()[0], line -> { }).priorSpreads(Map.of(id("cpu"), 0.03)).measure(mine.cases());
        assertEquals(needed, mine.count("cpu"), mine.calls().toString());
        assertTrue(mine.count("noisy") > 3, "noisy was not within ±2% at the minimum: " + mine.calls());
        assertEquals(List.of("cpu", "cpu"), mine.calls().subList(6, 8), "the alarm's pairs first: " + mine.calls());
    }

    @Test
    void pairedStoppingKeepsTheNightsForks() {
        AdaptiveMeasurement.Stopping nightly = AdaptiveMeasurement.Stopping.of(Profile.NIGHTLY).paired();
        assertEquals(2, nightly.minForks());
        assertEquals(Profile.NIGHTLY.maxForks() / 2, nightly.maxForks());
        assertEquals(40, nightly.maxForksToSee(), "pairs for a row too blind for a verdict");
        assertEquals(Profile.QUICK.maxForks(), Profile.QUICK.maxForksToSee(), "bench profiles: no more for a blind row");
        assertEquals(2, new AdaptiveMeasurement.Stopping(2, 3, 0.02).paired().minForks(), "two at least, for an interval");
    }

    /** The row the fakes' case {@code name} measures. */
    private static RowId id(String name) {
        return new RowId("X.x", RowId.DEFAULT_MODE, "{row=" + name + "}");
    }
}
