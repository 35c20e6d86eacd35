package racebench.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one judge of a comparison: every row's test tonight, and where earlier nights measured the
 * same base build, the test of its evidence over those nights, adjusted together by the
 * correction with the shares of {@link AlarmBudget}; then each row's verdict ({@link
 * Comparison#judge}), raised to an alarm when its evidence over the nights is significant and
 * beyond the noise. {@code compare}, {@code nightly} and {@code calibrate}'s simulation all
 * judge through it.
 */
public final class Judge {

    /**
     * One row's verdict and what it rests on.
     *
     * @param verdict         the verdict
     * @param adjustedP       tonight's p-value after the correction
     * @param share           the row's share of alpha tonight: the bar its test meets first
     * @param nights          its evidence over the nights against tonight's base build, when there is any
     * @param nightsAdjustedP that evidence's p-value after the correction (NaN without it)
     * @param byNights        whether the alarm comes from the nights' evidence, tonight's alone being short of it
     */
    public record Judged(Change verdict, double adjustedP, double share, Optional<Accumulated> nights,
                         double nightsAdjustedP, boolean byNights) {
    }

    private Judge() {
    }

    /**
     * @param tonight  each row's comparison tonight
     * @param primary  which rows are primary
     * @param nights   each row's evidence over the nights against tonight's base build (tonight's included), or empty
     */
    public static List<Judged> judge(List<Comparison> tonight, boolean[] primary, List<Optional<Accumulated>> nights,
                                     Comparison.Criteria criteria, AlarmBudget budget) {
        int m = tonight.size();
        if (primary.length != m || nights.size() != m) {
            throw new IllegalArgumentException(m + " rows, " + primary.length + " primary flags, " + nights.size()
                    + " night records");
        }
        int primaries = 0;
        for (boolean b : primary) {
            primaries += b ? 1 : 0;
        }
        boolean withNights = nights.stream().anyMatch(Optional::isPresent);
        double[] p = new double[2 * m];
        double[] w = new double[2 * m];
        for (int i = 0; i < m; i++) {
            p[i] = tonight.get(i).p();
            w[i] = budget.tonight(primary[i], primaries, m - primaries, withNights);
            p[m + i] = nights.get(i).map(Accumulated::p).orElse(Double.NaN);
            w[m + i] = budget.overNights(primary[i], primaries, m - primaries);
        }
        double[] adjusted = criteria.correction().adjust(p, w);
        double tested = 0; // the correction normalises the shares over the tests that were made: so does the bar reported
        for (int i = 0; i < 2 * m; i++) {
            tested += Double.isNaN(p[i]) ? 0 : w[i];
        }
        List<Judged> judged = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            Comparison c = tonight.get(i);
            Change verdict = c.judge(adjusted[i], criteria);
            Optional<Accumulated> a = nights.get(i);
            boolean byNights = false;
            if (verdict != Change.REGRESSION && verdict != Change.IMPROVEMENT && a.isPresent()
                    && adjusted[m + i] < criteria.alpha() && a.get().beyondNoise(criteria.noise())) {
                verdict = a.get().ratio() > 1 ? Change.REGRESSION : Change.IMPROVEMENT;
                byNights = true;
            }
            judged.add(new Judged(verdict, adjusted[i], criteria.alpha() * w[i] / (tested > 0 ? tested : 1), a,
                    adjusted[m + i], byNights));
        }
        return judged;
    }
}
