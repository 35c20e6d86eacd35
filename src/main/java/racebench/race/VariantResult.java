package racebench.race;

import racebench.workload.counter.CounterKind.Expectation;

import java.util.List;
import java.util.SortedSet;

/**
 * One variant's verdict across all its jcstress configurations: a row of race.csv.
 *
 * @param test           jcstress test name
 * @param variant        the nested test class (or the user's counter class)
 * @param expect         RACY or SAFE
 * @param samples        samples over all configurations
 * @param interesting    samples graded ACCEPTABLE_INTERESTING (lost updates of a racy variant)
 * @param forbidden      samples graded FORBIDDEN (lost updates of a fix)
 * @param seen           outcomes observed at least once
 * @param possible       outcomes the model says are reachable
 * @param configurations configurations run
 * @param racyConfigurations configurations in which a lost update showed
 * @param verdict        what this proves
 */
public record VariantResult(String test, String variant, Expectation expect, long samples, long interesting,
                            long forbidden, SortedSet<Integer> seen, SortedSet<Integer> possible,
                            int configurations, int racyConfigurations, Verdict verdict) {

    public static final List<String> HEADER = List.of("test", "variant", "expect", "samples", "interesting",
            "forbidden", "outcomes_seen", "outcomes_possible", "coverage", "configurations",
            "racy_configurations", "verdict");

    /** Lost-update samples, whichever way they were graded. */
    public long lostUpdates() {
        return interesting + forbidden;
    }

    public List<Object> cells() {
        return List.of(test, variant, expect, samples, interesting, forbidden, join(seen), join(possible),
                seen.stream().filter(possible::contains).count() + "/" + possible.size(),
                configurations, racyConfigurations, verdict);
    }

    private static String join(SortedSet<Integer> values) {
        StringBuilder sb = new StringBuilder();
        for (int v : values) {
            sb.append(sb.isEmpty() ? "" : " ").append(v);
        }
        return sb.toString();
    }
}
