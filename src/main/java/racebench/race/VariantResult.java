package racebench.race;

import racebench.results.Csv;
import racebench.stats.Proportion;
import racebench.workload.counter.CounterKind.Expectation;

import java.util.List;
import java.util.SortedSet;

/**
 * One variant's verdict across all its jcstress configurations, with its evidence: a row of
 * race.csv.
 *
 * @param test           jcstress test name
 * @param variant        the nested test class (or the user's counter class)
 * @param expect         RACY or SAFE
 * @param samples        samples over all configurations
 * @param interesting    samples graded ACCEPTABLE_INTERESTING (lost updates of a racy variant)
 * @param forbidden      samples graded FORBIDDEN (lost updates of a fix; a user's jcstress test's races)
 * @param seen           a counter's final values observed at least once (empty for a user's jcstress test)
 * @param possible       a counter's final values the model says are reachable (empty for a user's jcstress test)
 * @param configurations jcstress configurations run (forks and rounds counted apart)
 * @param racyConfigurations configurations in which a lost update showed
 * @param verdict        what this proves
 * @param proof          a fix's comparison with its twin, or null (a racy variant, or a fix that raced)
 * @param stressSeconds  jcstress's stress time for this variant from its mode's settings, NaN if unknown
 */
public record VariantResult(String test, String variant, Expectation expect, long samples, long interesting,
                            long forbidden, SortedSet<Integer> seen, SortedSet<Integer> possible,
                            int configurations, int racyConfigurations, Verdict verdict, Proof proof,
                            double stressSeconds) {

    public static final List<String> HEADER = List.of("test", "variant", "expect", "twin", "samples", "interesting",
            "forbidden", "lost_update_rate", "rate_upper_bound_95", "sensitivity_min", "configurations_twin_raced", "fix_configurations",
            "samples_factor_for_proof", "samples_per_lost_update", "stress_seconds", "seconds_to_first_lost_update",
            "outcomes_seen", "outcomes_possible", "coverage", "configurations", "racy_configurations", "verdict");

    /** Lost-update samples, whichever way they were graded. */
    public long lostUpdates() {
        return interesting + forbidden;
    }

    public double rate() {
        return samples == 0 ? Double.NaN : (double) lostUpdates() / samples;
    }

    /** The 95% upper bound on the lost-update rate over all configurations together. */
    public double rateUpperBound() {
        return Proportion.upper(lostUpdates(), samples, ConfigurationRate.CONFIDENCE);
    }

    /** The expected wait for a lost update, in samples: the run's samples per lost update. */
    public double samplesPerLostUpdate() {
        return lostUpdates() == 0 ? Double.NaN : (double) samples / lostUpdates();
    }

    /** The expected stress time to the first lost update, from the run's sample rate. */
    public double secondsToFirstLostUpdate() {
        return samplesPerLostUpdate() * stressSeconds / samples;
    }

    public String twin() {
        return proof == null ? "" : proof.twin();
    }

    /** race.csv's cells: counts as numbers; the values themselves are {@link #values()}'s rows. */
    public List<Object> cells() {
        long covered = seen.stream().filter(possible::contains).count();
        return List.of(test, variant, expect, twin(), samples, interesting, forbidden, Csv.scientific(rate()),
                Csv.scientific(rateUpperBound()), proof == null ? "" : Csv.number(proof.weakest(), 1),
                proof == null ? "" : proof.covered(), proof == null ? "" : proof.configurations(),
                proof == null ? "" : Csv.number(proof.needFactor(), 3), Csv.number(samplesPerLostUpdate(), 0),
                Csv.number(stressSeconds, 1), Csv.scientific(secondsToFirstLostUpdate()),
                possible.isEmpty() ? "" : seen.size(), possible.isEmpty() ? "" : possible.size(),
                possible.isEmpty() ? "" : Csv.number((double) covered / possible.size(), 4),
                configurations, racyConfigurations, verdict);
    }

    /** race-values.csv's columns: one row per final value a variant could leave or left. */
    public static final List<String> VALUES_HEADER = List.of("test", "variant", "value", "possible", "seen");

    /** This variant's rows of race-values.csv, by value. */
    public List<List<Object>> values() {
        java.util.SortedSet<Integer> all = new java.util.TreeSet<>(possible);
        all.addAll(seen);
        return all.stream().<List<Object>>map(v -> List.of(test, variant, v, possible.contains(v), seen.contains(v)))
                .toList();
    }
}
