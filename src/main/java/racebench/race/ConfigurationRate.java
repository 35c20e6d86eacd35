package racebench.race;

import racebench.results.Csv;
import racebench.stats.Proportion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lost updates of one variant in one jcstress configuration, pooled over its forks and
 * rounds: where the race showed, where it hid, and for a fix how rare a lost update must be
 * to have gone unseen. A configuration here is how each actor was compiled plus the C2 stress
 * flags, without jcstress's random stress seed and fork number, so that a fix and its twin,
 * run as separate tests with their own seeds, meet in the same configurations.
 *
 * @param samples    samples in this configuration
 * @param lost       samples that ended in a race ({@link OutcomeRow#isRace()}: a lost update)
 * @param lowerBound the 95% lower bound on this configuration's lost-update rate, allowing for the
 *                   spread of its forks' rates ({@link ForkSpread}): what a twin's rate is taken to
 *                   be in a proof, because a run stresses a quiet twin longer and stops once it
 *                   looks loud enough, and a point estimate read at that moment leans high
 */
public record ConfigurationRate(String test, String variant, String configuration, long samples, long lost,
                                double lowerBound) {

    /** Confidence of every bound racebench reports on a rate. */
    public static final double CONFIDENCE = 0.95;

    public double rate() {
        return samples == 0 ? Double.NaN : (double) lost / samples;
    }

    /** The 95% upper bound on this configuration's lost-update rate (exact binomial). */
    public double upperBound() {
        return Proportion.upper(lost, samples, CONFIDENCE);
    }

    /** A rate whose forks are not known apart: its lower bound is the exact one on the pooled count. */
    public ConfigurationRate(String test, String variant, String configuration, long samples, long lost) {
        this(test, variant, configuration, samples, lost, Proportion.lower(lost, samples, CONFIDENCE));
    }

    /** One rate per test and configuration, in the order the rows first name them. */
    public static List<ConfigurationRate> of(List<OutcomeRow> rows) {
        // (test, setting) -> fork (the configuration with its fork number) -> samples, lost
        Map<List<String>, Map<String, long[]>> counts = new LinkedHashMap<>();
        for (OutcomeRow row : rows) {
            if (row.outcome().isEmpty()) {
                continue;
            }
            long[] c = counts.computeIfAbsent(List.of(row.test(), row.setting()), k -> new LinkedHashMap<>())
                    .computeIfAbsent(row.configuration(), k -> new long[2]);
            c[0] += row.count();
            if (row.isRace()) {
                c[1] += row.count();
            }
        }
        Map<String, List<List<ForkSpread.Fork>>> byTest = new LinkedHashMap<>();
        Map<List<String>, List<ForkSpread.Fork>> forks = new LinkedHashMap<>();
        counts.forEach((key, perFork) -> {
            List<ForkSpread.Fork> f = perFork.values().stream().map(c -> new ForkSpread.Fork(c[0], c[1])).toList();
            forks.put(key, f);
            byTest.computeIfAbsent(key.get(0), t -> new ArrayList<>()).add(f);
        });
        Map<String, ForkSpread> spreads = new LinkedHashMap<>();
        byTest.forEach((test, configurations) -> spreads.put(test, ForkSpread.of(configurations)));
        List<ConfigurationRate> rates = new ArrayList<>();
        forks.forEach((key, f) -> rates.add(new ConfigurationRate(key.get(0), Verdicts.variantName(key.get(0)),
                key.get(1), f.stream().mapToLong(ForkSpread.Fork::samples).sum(),
                f.stream().mapToLong(ForkSpread.Fork::lost).sum(), spreads.get(key.get(0)).lower(f))));
        return rates;
    }

    /** A row of race-configurations.csv, with the fix's twin in the same configuration where it has one. */
    public record Line(ConfigurationRate rate, String twin, ConfigurationRate twinRate) {
        public static final List<String> HEADER = List.of("test", "variant", "configuration", "samples",
                "lost_updates", "rate", "rate_upper_bound_95", "twin", "twin_rate", "twin_rate_lower_95", "sensitivity");

        /** How many times the fix's upper bound lies below its twin's lower bound here. */
        public double sensitivity() {
            return twinRate == null || twinRate.lost() == 0 || rate.lost() > 0 ? Double.NaN
                    : twinRate.lowerBound() / rate.upperBound();
        }

        public List<Object> cells() {
            return List.of(rate.test(), rate.variant(), rate.configuration(), rate.samples(), rate.lost(),
                    Csv.scientific(rate.rate()), Csv.scientific(rate.upperBound()), twin == null ? "" : twin,
                    twinRate == null ? "" : Csv.scientific(twinRate.rate()),
                    twinRate == null ? "" : Csv.scientific(twinRate.lowerBound()), Csv.number(sensitivity(), 1));
        }
    }
}
