package racebench.nightly;

import racebench.bench.Profile;
import racebench.bench.RowId;
import racebench.stats.Accumulated;
import racebench.stats.AlarmBudget;
import racebench.stats.Bootstrap;
import racebench.stats.Change;
import racebench.stats.Comparison;
import racebench.stats.Correction;
import racebench.stats.Judge;
import racebench.stats.Proportion;
import racebench.stats.Samples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * How often the nightly's detector cries wolf, and how often it catches a real slowdown,
 * estimated by replaying it on recorded forks. Each simulated nightly compares, for every row,
 * a base side and a new side drawn <em>without replacement</em> from that row's recorded fork
 * means, so the two sides never share a fork and every comparison is one the detector could
 * really have faced. In an A/A nightly both sides come from the same pool; in an A/B nightly
 * the affected rows' new side comes from forks measured with the slowdown injected. All rows
 * of a nightly are then judged together exactly as {@code nightly} judges them: the pooled Yuen
 * test, the weighted correction over the rows and the noise threshold ({@link Judge}). Several corrections can judge the same
 * simulated nightlies, so their rates differ only by the rule, not by the draw.
 *
 * <p>The sides are night-sized when {@link Sizes} says how many forks a row gets in one
 * nightly: the new side has that many, the base side as many as {@code baselineRuns} such
 * nights pool, or what the row's pool holds beside the new side if that is fewer (a slowed
 * row's new side comes from its own pool and leaves the whole null pool to the base side). Without
 * sizes a pool is split in half. {@link Rates} reports the mean sizes the draws really had.
 *
 * <p>Runs of consecutive nights ({@link #detection}) draw each night's sides afresh from the same
 * pools, so a fork may serve on two nights of a run: the evidence over nights is then a little
 * less independent than on real nights, which makes its false alarms more frequent here, not less.
 *
 * <p>Forks of one pool are treated as exchangeable: a shift between whole nights that the
 * pooled forks do not show is not simulated, which is why the nightly's own A/A runs are
 * reported beside these rates.
 */
public final class DetectorSimulation {

    /** A rate with its 95% Clopper-Pearson interval. */
    public record Rate(long events, long trials, double low, double high) {
        static Rate of(long events, long trials) {
            if (trials == 0) {
                return new Rate(0, 0, Double.NaN, Double.NaN);
            }
            double low = Proportion.lower(events, trials, 0.975);
            double high = Proportion.upper(events, trials, 0.975);
            return new Rate(events, trials, low, high);
        }

        public double value() {
            return trials == 0 ? Double.NaN : (double) events / trials;
        }
    }

    /**
     * One scenario's rates.
     *
     * @param anyAlarm       simulated nightlies with at least one REGRESSION or IMPROVEMENT on an unaffected row
     * @param power          affected rows flagged REGRESSION
     * @param falseAlarms    unaffected rows flagged either way
     * @param verdictReady   rows (all) with a verdict other than INCONCLUSIVE
     * @param baseForks      mean forks of a row's base side in the draws
     * @param newForks       mean forks of a row's new side in the draws
     */
    public record Rates(Rate anyAlarm, Rate power, Rate falseAlarms, Rate verdictReady, double baseForks,
                        double newForks) {
    }

    /**
     * How big a simulated nightly's sides are.
     *
     * @param newForks     per row, the forks it gets in one nightly; rows not named get {@code otherwise}
     * @param otherwise    the new side of a row not in {@code newForks}
     * @param baselineRuns how many nights the base side pools
     */
    public record Sizes(Map<RowId, Integer> newForks, int otherwise, int baselineRuns) {
        public Sizes {
            newForks = Map.copyOf(newForks);
            if (otherwise < 2 || baselineRuns < 1) {
                throw new IllegalArgumentException("new side " + otherwise + ", baseline runs " + baselineRuns);
            }
        }

        /** The new and base side of a row whose pool holds {@code pool} forks: {new, base}. */
        int[] of(RowId row, int pool) {
            return of(row, pool, false);
        }

        /**
         * As above; {@code apart}: the new side is drawn from a pool of its own (a slowed row's), so
         * the base side may take the whole of this one.
         */
        int[] of(RowId row, int pool, boolean apart) {
            int fresh = Math.max(2, Math.min(newForks.getOrDefault(row, otherwise), apart ? pool : pool - 2));
            return new int[] {fresh, Math.min(baselineRuns * fresh, apart ? pool : pool - fresh)};
        }
    }

    private final Map<RowId, double[]> nullPools;
    private final Comparison.Criteria criteria;
    private final long seed;
    private final Sizes sizes; // null: half a pool a side
    private final AlarmBudget budget = AlarmBudget.DEFAULT;

    /** Sides of half a pool each. @param nullPools per row, its recorded fork means without any slowdown (at least 4 each) */
    public DetectorSimulation(Map<RowId, double[]> nullPools, Comparison.Criteria criteria, long seed) {
        this(nullPools, criteria, seed, null);
    }

    /** Night-sized sides. @param nullPools per row, its recorded fork means without any slowdown (at least 4 each) */
    public DetectorSimulation(Map<RowId, double[]> nullPools, Comparison.Criteria criteria, long seed, Sizes sizes) {
        this.sizes = sizes;
        this.nullPools = new LinkedHashMap<>(nullPools);
        this.nullPools.values().removeIf(p -> p.length < 4);
        this.criteria = criteria.withBootstrap(
                new Bootstrap(200, criteria.bootstrap().seed(), criteria.bootstrap().confidence()));
        this.seed = seed;
    }

    public int rows() {
        return nullPools.size();
    }

    /** A/A: no row changed. */
    public Rates aa(int nightlies) {
        return simulate(Map.of(), nightlies);
    }

    /** A/B: the rows in {@code slowed} have their new side drawn from these pools. */
    public Rates ab(Map<RowId, double[]> slowed, int nightlies) {
        return simulate(slowed, nightlies);
    }

    /** A/A under each of {@code corrections}, judged on the same simulated nightlies. */
    public Map<Correction, Rates> aa(int nightlies, List<Correction> corrections) {
        return simulate(Map.of(), nightlies, corrections);
    }

    /** A/B under each of {@code corrections}, judged on the same simulated nightlies. */
    public Map<Correction, Rates> ab(Map<RowId, double[]> slowed, int nightlies, List<Correction> corrections) {
        return simulate(slowed, nightlies, corrections);
    }

    private Rates simulate(Map<RowId, double[]> slowed, int nightlies) {
        return simulate(slowed, nightlies, List.of(criteria.correction())).get(criteria.correction());
    }

    /** Counts of one correction's verdicts over the simulated nightlies. */
    private static final class Tally {
        long alarmedNights;
        long flagged;
        long affected;
        long falseFlags;
        long unaffected;
        long ready;
        long judged;
        long baseForks;
        long newForks;

        Rates rates(int nightlies) {
            return new Rates(Rate.of(alarmedNights, nightlies), Rate.of(flagged, affected), Rate.of(falseFlags, unaffected),
                    Rate.of(ready, judged), judged == 0 ? Double.NaN : (double) baseForks / judged,
                    judged == 0 ? Double.NaN : (double) newForks / judged);
        }
    }

    private Map<Correction, Rates> simulate(Map<RowId, double[]> slowed, int nightlies, List<Correction> corrections) {
        SplittableRandom random = new SplittableRandom(seed);
        List<RowId> rows = new ArrayList<>(nullPools.keySet());
        boolean[] primary = primary(rows);
        Map<Correction, Tally> tallies = new LinkedHashMap<>();
        corrections.forEach(c -> tallies.put(c, new Tally()));
        List<Optional<Accumulated>> none = java.util.Collections.nCopies(rows.size(), Optional.empty());
        for (int night = 0; night < nightlies; night++) {
            List<Accumulated.Run> sides = draw(rows, slowed, random);
            List<Comparison> comparisons = sides.stream()
                    .map(n -> Comparison.of(n.base(), n.candidate(), criteria.bootstrap())).toList();
            for (Map.Entry<Correction, Tally> e : tallies.entrySet()) {
                List<Judge.Judged> judged = Judge.judge(comparisons, primary, none, criteria.withCorrection(e.getKey()),
                        budget);
                tally(comparisons, judged, rows, slowed, e.getValue());
            }
        }
        Map<Correction, Rates> rates = new LinkedHashMap<>();
        tallies.forEach((c, t) -> rates.put(c, t.rates(nightlies)));
        return rates;
    }

    /**
     * Time to detection: runs of up to {@link AlarmBudget#maxRuns} consecutive nights after the
     * rows in {@code slowed} slowed down (none: A/A), judged as the nightly judges them, the
     * nights' evidence adding up while a night suspects a change ({@link Watch}). A night that
     * suspects nothing becomes the next night's base, so a slowdown not yet flagged is then
     * absorbed and counts as missed.
     *
     * @param runs how many runs of nights
     */
    public Detection detection(Map<RowId, double[]> slowed, int runs) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<RowId> rows = new ArrayList<>(nullPools.keySet());
        boolean[] primary = primary(rows);
        int max = budget.maxRuns();
        long[] flaggedBy = new long[max];
        long[] alarmedNights = new long[max];
        long[] nightsRun = new long[max];
        long affected = 0;
        for (int run = 0; run < runs; run++) {
            List<List<Accumulated.Run>> chain = new ArrayList<>(); // per earlier watched night, every row's sides
            Map<RowId, Integer> found = new LinkedHashMap<>(); // slowed row to the night it was first flagged
            boolean absorbed = false;
            for (int night = 0; night < max && !absorbed; night++) {
                List<Accumulated.Run> tonight = draw(rows, slowed, random);
                List<Comparison> comparisons = tonight.stream()
                        .map(n -> Comparison.of(n.base(), n.candidate(), criteria.bootstrap())).toList();
                List<Optional<Accumulated>> nights = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    if (chain.isEmpty()) {
                        nights.add(Optional.empty());
                        continue;
                    }
                    List<Accumulated.Run> row = new ArrayList<>();
                    row.add(tonight.get(i));
                    for (List<Accumulated.Run> earlier : chain) {
                        row.add(earlier.get(i));
                    }
                    nights.add(Accumulated.of(row));
                }
                List<Judge.Judged> judged = Judge.judge(comparisons, primary, nights, criteria, budget);
                nightsRun[night]++;
                boolean falseAlarm = false;
                boolean suspect = false;
                boolean alarm = false;
                for (int i = 0; i < rows.size(); i++) {
                    Change v = judged.get(i).verdict();
                    boolean raised = v == Change.REGRESSION || v == Change.IMPROVEMENT;
                    alarm |= raised;
                    suspect |= v == Change.SUSPECT;
                    if (slowed.containsKey(rows.get(i))) {
                        if (v == Change.REGRESSION) {
                            found.putIfAbsent(rows.get(i), night);
                        }
                    } else if (raised) {
                        falseAlarm = true;
                    }
                }
                if (falseAlarm) {
                    alarmedNights[night]++;
                }
                if (alarm) {
                    continue; // a night that regressed is no base and adds no evidence: tomorrow meets the same base
                }
                if (suspect && chain.size() + 1 < max) {
                    chain.add(tonight);
                } else {
                    absorbed = true; // tonight is tomorrow's base: whatever it did not flag is the new normal
                }
            }
            for (int first : found.values()) {
                for (int k = first; k < max; k++) {
                    flaggedBy[k]++;
                }
            }
            affected += slowed.size();
        }
        Rate[] power = new Rate[max];
        Rate[] falseAlarm = new Rate[max];
        for (int k = 0; k < max; k++) {
            power[k] = Rate.of(flaggedBy[k], affected);
            falseAlarm[k] = Rate.of(alarmedNights[k], nightsRun[k]);
        }
        return new Detection(List.of(power), List.of(falseAlarm));
    }

    /**
     * Time to detection.
     *
     * @param flaggedBy  per night k (0: the night the slowdown appears), the share of slowed rows flagged by then
     * @param falseAlarm per night k, the share of nights k that flagged an unaffected row (among the runs that reached it)
     */
    public record Detection(List<Rate> flaggedBy, List<Rate> falseAlarm) {
    }

    /** Which rows are primary. */
    private static boolean[] primary(List<RowId> rows) {
        boolean[] primary = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            primary[i] = Profile.primary(rows.get(i).benchmark(), rows.get(i).params());
        }
        return primary;
    }

    /** One night's sides for every row: base and new drawn without replacement from its pool (new from its slowed pool). */
    private List<Accumulated.Run> draw(List<RowId> rows, Map<RowId, double[]> slowed, SplittableRandom random) {
        List<Accumulated.Run> nights = new ArrayList<>(rows.size());
        for (RowId row : rows) {
            double[] pool = nullPools.get(row).clone();
            Samples.shuffle(pool, random);
            double[] slowPool = slowed.get(row);
            boolean apart = slowPool != null && slowPool.length >= 2;
            int[] side = sizes == null ? new int[] {pool.length / 2, pool.length - pool.length / 2}
                    : sizes.of(row, pool.length, apart);
            int newForks = side[0];
            int baseForks = side[1];
            double[] base = Arrays.copyOfRange(pool, 0, baseForks);
            double[] candidate;
            if (apart) {
                double[] s = slowPool.clone();
                Samples.shuffle(s, random);
                candidate = Arrays.copyOfRange(s, 0, Math.min(newForks, s.length));
            } else {
                candidate = Arrays.copyOfRange(pool, baseForks, baseForks + newForks);
            }
            nights.add(new Accumulated.Run(base, candidate));
        }
        return nights;
    }

    private static void tally(List<Comparison> comparisons, List<Judge.Judged> judged, List<RowId> rows,
                              Map<RowId, double[]> slowed, Tally t) {
        boolean alarm = false;
        for (int i = 0; i < rows.size(); i++) {
            Comparison c = comparisons.get(i);
            Change verdict = judged.get(i).verdict();
            t.baseForks += c.base().n();
            t.newForks += c.candidate().n();
            boolean raised = verdict == Change.REGRESSION || verdict == Change.IMPROVEMENT;
            t.judged++;
            if (verdict != Change.INCONCLUSIVE) {
                t.ready++;
            }
            if (slowed.containsKey(rows.get(i))) {
                t.affected++;
                if (verdict == Change.REGRESSION) {
                    t.flagged++;
                }
            } else {
                t.unaffected++;
                if (raised) {
                    t.falseFlags++;
                    alarm = true;
                }
            }
        }
        if (alarm) {
            t.alarmedNights++;
        }
    }
}
