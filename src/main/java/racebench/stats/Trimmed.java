package racebench.stats;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.Arrays;

/**
 * The 10% trimmed mean of fork means and Yuen's inference on it (Yuen 1974; Wilcox,
 * "Introduction to Robust Estimation and Hypothesis Testing"). On a shared machine a fork now
 * and then runs while a neighbour compiles or a backup runs: measured here, one fork of 16 at
 * 20.6 ms among 15 forks of 11.6 to 13.9 ms widened a row's t interval from ±2.5% to ±8.8%, and
 * 3% to 8% of a nightly's forks lay more than three robust standard deviations from their row's
 * median. Dropping forks by eye is not
 * reproducible and a plain mean lets one of them move the verdict; the trimmed mean drops
 * {@code g = floor(0.1 n)} forks from each end of the sorted sample and its interval uses the
 * winsorized variance, so it keeps its coverage for normal data while one disturbed fork in
 * ten cannot move it. 10%, not Wilcox's usual 20%: with the 5 to 10 forks of a nightly row,
 * 20% trimming left so few degrees of freedom that a 20% slowdown was caught in only 84% of
 * simulated nightlies ({@code DetectorSimulationTest}). With fewer than ten forks nothing is
 * trimmed and everything here is the plain mean, Student's interval and Welch's test.
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
        double[] s = x.clone();
        Arrays.sort(s);
        int g = g(s.length);
        double sum = 0;
        for (int i = g; i < s.length - g; i++) {
            sum += s[i];
        }
        return sum / (s.length - 2 * g);
    }

    /** Sample variance (n - 1) of the winsorized sample: the g smallest set to the next, the g largest likewise. */
    static double winsorizedVariance(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        int g = g(n);
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
