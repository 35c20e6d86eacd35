package racebench.stats;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Base versus new for one benchmark, both given as per-fork means of a time (lower is better).
 * The verdict follows criterion.rs: Welch's t-test on the fork means decides significance, the
 * bootstrap interval of new/base decides whether the change clears the noise band. So a 0.5%
 * slowdown measured very precisely is NO_CHANGE under the default 1% noise, and a 10% slowdown
 * with forks all over the place is NO_CHANGE too (not significant).
 *
 * <p>The Mann-Whitney U p-value (normal approximation, no tie correction in commons-math 3.6.1)
 * is reported beside Welch's for readers who distrust normality; it does not enter the verdict.
 *
 * @param base         summary of the base forks
 * @param candidate    summary of the new forks
 * @param ratio        mean(new) / mean(base) with its bootstrap interval
 * @param welchP       two-sided Welch t-test p-value; NaN when a side has fewer than two forks
 * @param mannWhitneyP two-sided Mann-Whitney U p-value
 * @param change       the verdict
 */
public record Comparison(Summary base, Summary candidate, RatioInterval ratio, double welchP, double mannWhitneyP,
                         Change change) {

    /**
     * @param alpha     significance level of the Welch test (criterion.rs: 0.05)
     * @param noise     relative change below which nothing is reported (criterion.rs: 0.01)
     * @param bootstrap how the ratio's interval is drawn
     */
    public record Criteria(double alpha, double noise, Bootstrap bootstrap) {
        public static final Criteria DEFAULT = new Criteria(0.05, 0.01, Bootstrap.DEFAULT);

        public Criteria {
            if (!(alpha > 0 && alpha < 1) || !(noise >= 0 && noise < 1) || bootstrap == null) {
                throw new IllegalArgumentException("alpha " + alpha + ", noise " + noise + ", bootstrap " + bootstrap);
            }
        }
    }

    public static Comparison of(double[] base, double[] candidate) {
        return of(base, false, candidate, false, Criteria.DEFAULT);
    }

    public static Comparison of(double[] base, boolean baseUnstable, double[] candidate, boolean candidateUnstable) {
        return of(base, baseUnstable, candidate, candidateUnstable, Criteria.DEFAULT);
    }

    /** The {@code unstable} flags come from {@link SteadyState#isUnstable} on each side's forks. */
    public static Comparison of(double[] base, boolean baseUnstable, double[] candidate, boolean candidateUnstable,
                                Criteria criteria) {
        Summary b = Summary.of(base);
        Summary c = Summary.of(candidate);
        RatioInterval ratio = criteria.bootstrap().ratioOfMeans(candidate, base);
        double welchP = welchP(base, candidate);
        double mannWhitneyP = new MannWhitneyUTest().mannWhitneyUTest(base, candidate);
        Change change;
        if (baseUnstable || candidateUnstable || base.length < 2 || candidate.length < 2) {
            change = Change.UNSTABLE;
        } else if (welchP < criteria.alpha() && ratio.above(1 + criteria.noise())) {
            change = Change.REGRESSION;
        } else if (welchP < criteria.alpha() && ratio.below(1 - criteria.noise())) {
            change = Change.IMPROVEMENT;
        } else {
            change = Change.NO_CHANGE;
        }
        return new Comparison(b, c, ratio, welchP, mannWhitneyP, change);
    }

    /**
     * commons-math's Welch test, except where it has no answer: fewer than two forks a side
     * (NaN), or no spread on either side, where its degrees of freedom are 0/0 and the
     * difference is certain (0) or absent (1).
     */
    static double welchP(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            return Double.NaN;
        }
        if (StatUtils.variance(a) == 0 && StatUtils.variance(b) == 0) {
            return Samples.mean(a) == Samples.mean(b) ? 1.0 : 0.0;
        }
        return new TTest().tTest(a, b);
    }
}
