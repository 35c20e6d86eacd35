package racebench.stats;

import org.apache.commons.math3.stat.StatUtils;

/**
 * Did a fork reach a steady state? Input: the measurement iterations of one fork (JMH's
 * per-iteration scores, warm-up excluded). A fork whose iterations still drift or jump, with a
 * coefficient of variation (sample stdev / mean) above 2%, is flagged; Traini et al. (2023)
 * found 11% of forks never settle. racebench compare calls a side UNSTABLE when most of its forks are flagged.
 *
 * <p>A single iteration shows no variation but proves nothing either: its CV is NaN and it
 * counts as unstable, as a single fork does in {@link Comparison}.
 */
public final class SteadyState {

    /** Largest coefficient of variation of a steady fork. */
    public static final double MAX_CV = 0.02;

    private SteadyState() {
    }

    /** Sample stdev (n - 1) over |mean|; NaN for fewer than two iterations or a zero mean. */
    public static double coefficientOfVariation(double[] iterations) {
        Samples.check(iterations, "iterations");
        if (iterations.length < 2) {
            return Double.NaN;
        }
        double mean = StatUtils.mean(iterations);
        return mean == 0 ? Double.NaN : Math.sqrt(StatUtils.variance(iterations)) / Math.abs(mean);
    }

    public static boolean isUnstable(double[] iterations) {
        return isUnstable(iterations, MAX_CV);
    }

    /** True when the CV exceeds {@code maxCv}, or cannot be computed. */
    public static boolean isUnstable(double[] iterations, double maxCv) {
        if (!(maxCv >= 0)) {
            throw new IllegalArgumentException("maxCv must be non-negative: " + maxCv);
        }
        return !(coefficientOfVariation(iterations) <= maxCv);
    }
}
