package racebench.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one judge of a comparison: every row's test in this run, and where earlier runs measured
 * the same base build (a nightly's nights), the test of its evidence over those runs, adjusted
 * together by the correction with the shares of {@link AlarmBudget}; then each row's verdict
 * ({@link Comparison#judge}), raised to an alarm when its evidence over the runs is significant
 * and beyond the noise. {@code compare}, {@code nightly} and {@code calibrate}'s simulation all
 * judge through it.
 */
public final class Judge {

    /**
     * One row's verdict and what it rests on.
     *
     * @param verdict         the verdict
     * @param adjustedP       this run's p-value after the correction
     * @param share           the row's share of alpha in this run: the bar its test meets first
     * @param overRuns        its evidence over the runs against this run's base build, when there is any
     * @param runsAdjustedP   that evidence's p-value after the correction (NaN without it)
     * @param byRuns          whether the alarm comes from the runs' evidence, this run's alone being short of it
     */
    public record Judged(Change verdict, double adjustedP, double share, Optional<Accumulated> overRuns,
                         double runsAdjustedP, boolean byRuns) {
    }

    private Judge() {
    }

    /**
     * @param thisRun  each row's comparison in this run
     * @param primary  which rows are primary
     * @param overRuns each row's evidence over the runs against this run's base build (this one included), or empty
     */
    public static List<Judged> judge(List<Comparison> thisRun, boolean[] primary, List<Optional<Accumulated>> overRuns,
                                     Comparison.Criteria criteria, AlarmBudget budget) {
        int m = thisRun.size();
        if (primary.length != m || overRuns.size() != m) {
            throw new IllegalArgumentException(m + " rows, " + primary.length + " primary flags, " + overRuns.size()
                    + " records of earlier runs");
        }
        int primaries = 0;
        for (boolean b : primary) {
            primaries += b ? 1 : 0;
        }
        boolean withEarlier = overRuns.stream().anyMatch(Optional::isPresent);
        double[] p = new double[2 * m];
        double[] w = new double[2 * m];
        for (int i = 0; i < m; i++) {
            p[i] = thisRun.get(i).p();
            w[i] = budget.thisRun(primary[i], primaries, m - primaries, withEarlier);
            p[m + i] = overRuns.get(i).map(Accumulated::p).orElse(Double.NaN);
            w[m + i] = budget.overRuns(primary[i], primaries, m - primaries);
        }
        double[] adjusted = criteria.correction().adjust(p, w);
        double tested = 0; // the correction normalises the shares over the tests that were made: so does the bar reported
        for (int i = 0; i < 2 * m; i++) {
            tested += Double.isNaN(p[i]) ? 0 : w[i];
        }
        List<Judged> judged = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            Comparison c = thisRun.get(i);
            Change verdict = c.judge(adjusted[i], criteria);
            Optional<Accumulated> a = overRuns.get(i);
            boolean byRuns = false;
            if (verdict != Change.REGRESSION && verdict != Change.IMPROVEMENT && a.isPresent()
                    && adjusted[m + i] < criteria.alpha() && a.get().beyondNoise(criteria.noise())) {
                verdict = a.get().ratio() > 1 ? Change.REGRESSION : Change.IMPROVEMENT;
                byRuns = true;
            }
            judged.add(new Judged(verdict, adjusted[i], criteria.alpha() * w[i] / (tested > 0 ? tested : 1), a,
                    adjusted[m + i], byRuns));
        }
        return judged;
    }
}
