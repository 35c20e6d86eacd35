package racebench.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * One benchmark's result as a sample of per-fork means: the fork (one JVM) is the replication
 * unit, so the interval is Student t over fork means (Georges et al., OOPSLA 2007), not JMH's
 * printed error, which pools iterations across forks and ignores between-fork variance.
 *
 * <p>The interval is about the 10% trimmed mean of the fork means ({@link Trimmed}), so that
 * one disturbed fork in ten cannot widen or move it; with fewer than ten forks nothing is
 * trimmed: with four forks it is {@code mean ± 3.182 s / √4}. With a single fork there
 * is no estimate of spread, so {@code stdev}, {@code ciLow} and {@code ciHigh} are NaN rather
 * than a falsely exact zero. For positive values (times) the interval is cut at zero: with two
 * noisy forks {@code mean ± t s / √n} can reach below it, and no time is negative.
 *
 * @param n          number of forks
 * @param mean       mean of the fork means
 * @param stdev      sample standard deviation (n - 1 denominator); NaN when n = 1
 * @param median     R-7 median
 * @param min        smallest fork mean
 * @param max        largest fork mean
 * @param confidence confidence level of the interval, e.g. 0.95
 * @param trimmedMean the 10% trimmed mean ({@link Trimmed}): the estimate the interval is about
 * @param ciLow      lower bound of the interval of the trimmed mean (Student t over fork means when
 *                   n &lt; 10, where nothing is trimmed; Yuen's otherwise); NaN when n = 1
 * @param ciHigh     upper bound; NaN when n = 1
 * @param robustSpread 1.4826 times the median absolute deviation from the median: the spread
 *                   one disturbed fork cannot inflate; NaN when n = 1
 */
public record Summary(int n, double mean, double stdev, double median, double min, double max,
                      double confidence, double trimmedMean, double ciLow, double ciHigh, double robustSpread) {

    public static final double DEFAULT_CONFIDENCE = 0.95;

    public static Summary of(double[] values) {
        return of(values, DEFAULT_CONFIDENCE);
    }

    public static Summary of(double[] values, double confidence) {
        Samples.check(values, "sample");
        Samples.checkConfidence(confidence);
        int n = values.length;
        double mean = StatUtils.mean(values);
        double median = Samples.percentile(values, 50);
        if (n == 1) {
            return new Summary(1, mean, Double.NaN, median, mean, mean, confidence, mean, Double.NaN, Double.NaN,
                    Double.NaN);
        }
        double stdev = new StandardDeviation(true).evaluate(values);
        double trimmed = Trimmed.mean(values);
        double halfWidth = Trimmed.halfWidth(values, confidence);
        double min = StatUtils.min(values);
        // a sample of positive times has a positive mean: the interval stops at zero, not below it
        double low = min > 0 ? Math.max(0, trimmed - halfWidth) : trimmed - halfWidth;
        double[] deviations = java.util.Arrays.stream(values).map(v -> Math.abs(v - median)).toArray();
        double robust = 1.4826 * Samples.percentile(deviations, 50);
        return new Summary(n, mean, stdev, median, min, StatUtils.max(values), confidence, trimmed, low,
                trimmed + halfWidth, robust);
    }

    /** The interval's half-width (the upper bound's distance from the trimmed mean). */
    public double halfWidth() {
        return ciHigh - trimmedMean;
    }

    /** Half-width over the trimmed mean: 0.02 reads "known to ±2%". */
    public double relativeHalfWidth() {
        return halfWidth() / trimmedMean;
    }

    /** Beyond this many forks no run will go: "more than a million" reads as never. */
    static final int FORKS_NEVER = 1_000_000;

    /**
     * How many forks this sample's spread says its interval needs to come within
     * {@code target} of the mean (0.02 for ±2%): the smallest n with
     * t(n - 1) s / √n ≤ target |mean|, Student's t on the plain spread: an estimate from the
     * forks so far. When one disturbed fork inflates the plain spread (the robust spread is under
     * half of it), the answer is what the robust spread needs but at least {@link #TRIMS_FROM},
     * where the trimmed interval drops such a fork, so that one bad fork does not make a row look
     * hopeless. {@link Integer#MAX_VALUE} when fewer than three forks cannot tell, when no number
     * of forks would do (a target of 0, a mean of 0) or it would take more than a million.
     */
    public int forksFor(double target) {
        if (n < 3 || !(target > 0) || !(Math.abs(mean) > 0)) {
            return Integer.MAX_VALUE;
        }
        double cv = stdev / Math.abs(mean);
        if (cv == 0) {
            return 2;
        }
        // one disturbed fork among few inflates the plain spread; the trimmed interval drops it from
        // TRIMS_FROM forks on, so such a sample needs that many and what its robust spread says
        if (robustSpread < stdev / 2) {
            return Math.max(TRIMS_FROM, forksAt(robustSpread / Math.abs(mean), target));
        }
        return forksAt(cv, target);
    }

    /** The fewest forks at which the trimmed interval trims one (10% of ten). */
    static final int TRIMS_FROM = 10;

    private int forksAt(double cv, double target) {
        if (cv == 0) {
            return 2;
        }
        // t exceeds the normal quantile, so (z cv / target)^2 is a floor to count up from: a few steps
        double quantile = 1 - (1 - confidence) / 2;
        double z = new org.apache.commons.math3.distribution.NormalDistribution().inverseCumulativeProbability(quantile);
        double floor = Math.pow(z * cv / target, 2);
        if (floor > FORKS_NEVER) {
            return Integer.MAX_VALUE;
        }
        for (int k = Math.max(2, (int) floor); k <= FORKS_NEVER; k++) {
            if (new TDistribution(k - 1).inverseCumulativeProbability(quantile) * cv / Math.sqrt(k) <= target) {
                return k;
            }
        }
        return Integer.MAX_VALUE;
    }
}
