package racebench.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * One benchmark's result as a sample of per-fork means: the fork (one JVM) is the replication
 * unit, so the interval is Student t over fork means (Georges et al., OOPSLA 2007), not JMH's
 * printed error, which pools iterations across forks and ignores between-fork variance.
 *
 * <p>With five forks the 95% interval is {@code mean ± 2.776 s / √5}; with a single fork there
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
 * @param ciLow      lower bound of the Student t interval for the mean; NaN when n = 1
 * @param ciHigh     upper bound; NaN when n = 1
 */
public record Summary(int n, double mean, double stdev, double median, double min, double max,
                      double confidence, double ciLow, double ciHigh) {

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
            return new Summary(1, mean, Double.NaN, median, mean, mean, confidence, Double.NaN, Double.NaN);
        }
        double stdev = new StandardDeviation(true).evaluate(values);
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double halfWidth = t * stdev / Math.sqrt(n);
        double min = StatUtils.min(values);
        // a sample of positive times has a positive mean: the interval stops at zero, not below it
        double low = min > 0 ? Math.max(0, mean - halfWidth) : mean - halfWidth;
        return new Summary(n, mean, stdev, median, min, StatUtils.max(values), confidence, low, mean + halfWidth);
    }

    /** The Student t half-width, {@code t * s / sqrt(n)} (the upper bound's distance from the mean). */
    public double halfWidth() {
        return ciHigh - mean;
    }

    /** Half-width over the mean: 0.02 reads "the mean is known to ±2%". */
    public double relativeHalfWidth() {
        return halfWidth() / mean;
    }
}
