package racebench.stats;

import org.apache.commons.math3.stat.StatUtils;

import java.util.Arrays;

/**
 * Where a fork's steady state begins. Input: the measurement iterations of one fork, in
 * order (JMH's per-iteration scores, its own warm-up already excluded). A fork whose first
 * iterations are still slow (JIT, page faults, a worker JVM still warming) carries a
 * transient that would bias its mean; rather than throw the whole fork or row away when it
 * varies, drop the transient.
 *
 * <p>The rule is MSER (White, 1997; the "marginal standard error rule" used for warm-up
 * truncation in simulation output analysis) with batches of one iteration: keep the suffix
 * {@code x[d..n)} that minimises {@code sum((x_i - mean_d)^2) / (n - d)^2}, with d at most
 * half the iterations so a noisy fork cannot trim itself down to one lucky iteration. A fork
 * with no transient keeps every iteration (d = 0 minimises the statistic when the prefix
 * looks like the rest). Ties go to the smaller d.
 */
public final class SteadyState {

    private SteadyState() {
    }

    /** How many leading iterations MSER drops: 0 to {@code n / 2}. */
    public static int truncation(double[] iterations) {
        Samples.check(iterations, "iterations");
        int n = iterations.length;
        if (n < 3) {
            return 0;
        }
        int best = 0;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int d = 0; d <= n / 2; d++) {
            double[] rest = Arrays.copyOfRange(iterations, d, n);
            double mean = StatUtils.mean(rest);
            double ss = 0;
            for (double v : rest) {
                ss += (v - mean) * (v - mean);
            }
            double score = ss / ((double) (n - d) * (n - d));
            if (score < bestScore * (1 - 1e-12)) {
                bestScore = score;
                best = d;
            }
        }
        return best;
    }

    /** The iterations after the transient. */
    public static double[] steady(double[] iterations) {
        return Arrays.copyOfRange(iterations, truncation(iterations), iterations.length);
    }

    /** Sample stdev (n - 1) over |mean|; NaN for fewer than two values or a zero mean. */
    public static double coefficientOfVariation(double[] values) {
        Samples.check(values, "values");
        if (values.length < 2) {
            return Double.NaN;
        }
        double mean = StatUtils.mean(values);
        return mean == 0 ? Double.NaN : Math.sqrt(StatUtils.variance(values)) / Math.abs(mean);
    }
}
