package racebench.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap over forks for a ratio of means (Kalibera &amp; Jones, ISMM 2013):
 * resample each sample's forks with replacement, independently, {@code resamples} times, and take
 * percentiles of the resampled ratios. commons-math has no bootstrap, hence this class.
 *
 * <p>With a few forks the plain percentile interval is far too narrow: it
 * shrinks the spread by (n - 1) / n and uses normal rather than t quantiles. So the tails are
 * those of Hesterberg's expanded percentile interval (The American Statistician, 2015): the
 * tail probability is Φ(-sqrt(n / (n - 1)) · t(1 - (1 - c) / 2, n - 1)) with n the smaller
 * sample, which for n = 4 and c = 0.95 takes the 0.012% and 99.988% percentiles instead of
 * 2.5% and 97.5%. As n grows it tends to the plain percentile interval.
 *
 * <p>The random stream is a {@link SplittableRandom} from a fixed seed, so the same inputs give
 * the same interval on every run and machine: a report can be regenerated bit for bit. Cost is
 * {@code resamples * (a.length + b.length)} draws.
 *
 * @param resamples  number of bootstrap replicates, B
 * @param seed       seed of the random stream
 * @param confidence confidence level of the interval
 */
public record Bootstrap(int resamples, long seed, double confidence) {

    public static final int DEFAULT_RESAMPLES = 10_000;
    public static final long DEFAULT_SEED = 0x5EED_2013L;
    public static final Bootstrap DEFAULT = new Bootstrap(DEFAULT_RESAMPLES, DEFAULT_SEED, Summary.DEFAULT_CONFIDENCE);

    public Bootstrap {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be positive: " + resamples);
        }
        Samples.checkConfidence(confidence);
    }

    public Bootstrap withSeed(long newSeed) {
        return new Bootstrap(resamples, newSeed, confidence);
    }

    /** mean(numerator) / mean(denominator) with {@link #DEFAULT} settings. */
    public static RatioInterval ratio(double[] numerator, double[] denominator) {
        return DEFAULT.ratioOfMeans(numerator, denominator);
    }

    /**
     * The interval for mean(numerator) / mean(denominator). Both samples are positive times or
     * rates; the denominator must be positive, so that no resample divides by zero. With one
     * value on either side the bounds are NaN (see {@link RatioInterval}).
     */
    public RatioInterval ratioOfMeans(double[] numerator, double[] denominator) {
        check(numerator, denominator);
        return interval(numerator, denominator, Samples.mean(numerator) / Samples.mean(denominator), Bootstrap::mean);
    }

    /**
     * The interval for trimmedMean(numerator) / trimmedMean(denominator) ({@link Trimmed}), the
     * same resampling with each resample's 10% trimmed mean: what speedups and nightly ratios use.
     */
    public RatioInterval ratioOfTrimmedMeans(double[] numerator, double[] denominator) {
        return ratioOfTrimmedMeans(numerator, denominator, confidence).getFirst();
    }

    /**
     * As {@link #ratioOfTrimmedMeans(double[], double[])}, one interval per confidence level, all
     * read from one set of resamples (a nightly's verdict needs the 95% and the 90% interval).
     */
    public java.util.List<RatioInterval> ratioOfTrimmedMeans(double[] numerator, double[] denominator,
                                                             double... confidences) {
        check(numerator, denominator);
        return intervals(numerator, denominator, Trimmed.mean(numerator) / Trimmed.mean(denominator), Trimmed::mean,
                confidences);
    }

    /** Resamples both sides {@code resamples} times and takes the expanded percentiles of location(a) / location(b). */
    private RatioInterval interval(double[] numerator, double[] denominator, double point,
                                   ToDoubleFunction<double[]> location) {
        return intervals(numerator, denominator, point, location, confidence).getFirst();
    }

    private java.util.List<RatioInterval> intervals(double[] numerator, double[] denominator, double point,
                                                    ToDoubleFunction<double[]> location, double... confidences) {
        java.util.List<RatioInterval> intervals = new java.util.ArrayList<>();
        if (numerator.length < 2 || denominator.length < 2) {
            for (double c : confidences) {
                intervals.add(new RatioInterval(point, Double.NaN, Double.NaN, c));
            }
            return intervals;
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratios = new double[resamples];
        double[] a = new double[numerator.length];
        double[] b = new double[denominator.length];
        for (int i = 0; i < resamples; i++) {
            resample(numerator, a, random);
            resample(denominator, b, random);
            ratios[i] = location.applyAsDouble(a) / location.applyAsDouble(b);
        }
        double[] tails = new double[2 * confidences.length];
        for (int i = 0; i < confidences.length; i++) {
            Samples.checkConfidence(confidences[i]);
            double tail = Math.max(expandedTail(Math.min(numerator.length, denominator.length), confidences[i]) * 100, 1e-9);
            tails[2 * i] = tail;
            tails[2 * i + 1] = 100 - tail;
        }
        double[] bounds = Samples.percentiles(ratios, tails);
        for (int i = 0; i < confidences.length; i++) {
            intervals.add(new RatioInterval(point, bounds[2 * i], bounds[2 * i + 1], confidences[i]));
        }
        return intervals;
    }

    private static void resample(double[] from, double[] into, SplittableRandom random) {
        for (int k = 0; k < into.length; k++) {
            into[k] = from[random.nextInt(from.length)];
        }
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static void check(double[] numerator, double[] denominator) {
        Samples.check(numerator, "numerator");
        Samples.check(denominator, "denominator");
        for (double d : denominator) {
            if (d <= 0) {
                throw new IllegalArgumentException("denominator values must be positive: " + d);
            }
        }
    }

    /** One tail's probability of the expanded percentile interval for the smaller sample size n. */
    static double expandedTail(int n, double confidence) {
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return new NormalDistribution().cumulativeProbability(-Math.sqrt(n / (n - 1.0)) * t);
    }
}
