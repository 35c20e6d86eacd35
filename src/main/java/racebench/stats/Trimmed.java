package racebench.stats;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.Arrays;

/**
 * The 10% trimmed mean of fork means and Yuen's inference on it (Yuen 1974; Wilcox,
 * "Introduction to Robust Estimation and Hypothesis Testing"): {@code g = floor(0.1 n)} forks
 * dropped from each end of the sorted sample, the interval from the winsorized variance, so that
 * one fork in ten disturbed by a neighbour on a shared machine cannot move the estimate or its
 * interval. With fewer than ten forks nothing is trimmed and everything here is the plain mean,
 * Student's interval and Welch's test. Why 10% and the figures behind it:
 * docs/explanation/statistics.md.
 */
public final class Trimmed {
    public static final double GAMMA = 0.1;

    private Trimmed() {
    }

    /** Forks trimmed from each end. */
    public static int g(int n) {
        return (int) Math.floor(GAMMA * n);
    }

    public static double mean(double[] x) {
        Samples.check(x, "sample");
        return mean(x, g(x.length));
    }

    private static double mean(double[] x, int g) {
        double[] s = x.clone();
        Arrays.sort(s);
        double sum = 0;
        for (int i = g; i < s.length - g; i++) {
            sum += s[i];
        }
        return sum / (s.length - 2 * g);
    }

    /** Sample variance (n - 1) of the winsorized sample: the g smallest set to the next, the g largest likewise. */
    static double winsorizedVariance(double[] x) {
        return winsorizedVariance(x, g(x.length));
    }

    private static double winsorizedVariance(double[] x, int g) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        for (int i = 0; i < g; i++) {
            s[i] = s[g];
            s[n - 1 - i] = s[n - 1 - g];
        }
        double mean = Arrays.stream(s).average().orElseThrow();
        double ss = 0;
        for (double v : s) {
            ss += (v - mean) * (v - mean);
        }
        return ss / (n - 1);
    }

    /** Yuen's squared standard error of the trimmed mean, (n - 1) s_w² / (h (h - 1)) with h = n - 2g. */
    static double squaredError(double[] x) {
        int n = x.length;
        int h = n - 2 * g(n);
        return (n - 1) * winsorizedVariance(x) / ((double) h * (h - 1));
    }

    /** Half the 95%-style interval of the trimmed mean: t(confidence, h - 1) times its standard error. */
    static double halfWidth(double[] x, double confidence) {
        int h = x.length - 2 * g(x.length);
        double t = new TDistribution(h - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return t * Math.sqrt(squaredError(x));
    }

    /**
     * The two-sided test of equal trimmed means with one spread for both sides: the pooled
     * form of Yuen's test (Student's two-sample t test when nothing is trimmed), with
     * {@code h_a + h_b - 2} degrees of freedom; the nightly's test. Its null hypothesis, "nothing
     * changed", makes both sides one distribution with one spread, so pooling is exact under it
     * and keeps the degrees of freedom Welch's test ({@link #yuenP}) loses with unequal sides.
     * Both sides are trimmed only when both have ten forks or more; otherwise it is Student's
     * test on the plain means. NaN with fewer than two forks a side; with no spread at all, 0 or
     * 1 as the means differ.
     */
    public static double pooledP(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            return Double.NaN;
        }
        // both sides trimmed alike or not at all: a winsorized spread and a plain one are not on one scale
        // (pooling them understated the untrimmed side's error, and A/A runs alarmed twice as often)
        boolean trim = a.length >= 10 && b.length >= 10;
        int ga = trim ? g(a.length) : 0;
        int gb = trim ? g(b.length) : 0;
        int ha = a.length - 2 * ga;
        int hb = b.length - 2 * gb;
        double pooled = ((a.length - 1) * winsorizedVariance(a, ga) + (b.length - 1) * winsorizedVariance(b, gb))
                / (ha + hb - 2);
        double diff = mean(a, ga) - mean(b, gb);
        double squaredError = pooled * (1.0 / ha + 1.0 / hb);
        if (squaredError == 0) {
            return diff == 0 ? 1.0 : 0.0;
        }
        double t = diff / Math.sqrt(squaredError);
        return 2 * new TDistribution(ha + hb - 2).cumulativeProbability(-Math.abs(t));
    }

    /**
     * Yuen's two-sided test of equal trimmed means (Welch's test when nothing is trimmed). NaN
     * with fewer than two forks a side; with no spread on either side, 0 or 1 as the means differ.
     */
    public static double yuenP(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            return Double.NaN;
        }
        double da = squaredError(a);
        double db = squaredError(b);
        double diff = mean(a) - mean(b);
        if (da + db == 0) {
            return diff == 0 ? 1.0 : 0.0;
        }
        int ha = a.length - 2 * g(a.length);
        int hb = b.length - 2 * g(b.length);
        double t = diff / Math.sqrt(da + db);
        double df = (da + db) * (da + db) / (da * da / (ha - 1) + db * db / (hb - 1));
        return 2 * new TDistribution(df).cumulativeProbability(-Math.abs(t));
    }
}
