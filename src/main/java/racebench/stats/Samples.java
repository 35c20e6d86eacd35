package racebench.stats;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Checks and order statistics shared by the rest of the package. A sample is a {@code double[]}
 * of finite values, one per replication (a fork's mean, or one measurement iteration); it is
 * never modified here.
 *
 * <p>Percentiles use R's type 7 (linear interpolation between order statistics, what numpy and
 * R default to), not commons-math's legacy estimator: the 25th percentile of {1, 2, 3, 4} is
 * 1.75 here, 1.25 under the legacy one.
 */
public final class Samples {

    private Samples() {
    }

    /** The arithmetic mean; the sample must be non-empty and finite. */
    public static double mean(double[] values) {
        check(values, "sample");
        return StatUtils.mean(values);
    }

    /** The R-7 {@code p}th percentile, {@code p} in (0, 100]. */
    public static double percentile(double[] values, double p) {
        check(values, "sample");
        return new Percentile().withEstimationType(EstimationType.R_7).evaluate(values, p);
    }

    /**
     * The R-7 percentiles {@code ps} of one sample, in their order: the sample is copied and its
     * order statistics found once for all of them (a bootstrap's 10,000 ratios, read at two tails
     * of two confidence levels), not once per percentile.
     */
    public static double[] percentiles(double[] values, double... ps) {
        check(values, "sample");
        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        percentile.setData(values);
        double[] out = new double[ps.length];
        for (int i = 0; i < ps.length; i++) {
            out[i] = percentile.evaluate(ps[i]);
        }
        return out;
    }

    /** Fisher-Yates, in place, from the caller's random stream (permutation tests and subsampling). */
    public static void shuffle(double[] a, java.util.SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Rejects a null, empty or non-finite sample: a NaN fork mean is a harness bug, not data. */
    static void check(double[] values, String name) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(name + " is empty");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + values[i]);
            }
        }
    }

    static void checkConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1): " + confidence);
        }
    }
}
