package racebench.stats;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * Exact (Clopper-Pearson) confidence bounds on a rate of events per trial, from beta
 * quantiles. commons-math's ClopperPearsonInterval fails at 0 and n events, which is exactly
 * where a race proof lives (0 lost updates in n samples), hence the quantiles by hand.
 */
public final class Proportion {

    private Proportion() {
    }

    /**
     * The one-sided upper bound: the largest rate still consistent, at this confidence, with
     * seeing only {@code events} in {@code trials}. For 0 events it is
     * {@code 1 - (1 - confidence)^(1/trials)}, about 3/n at 95% (the rule of three).
     */
    public static double upper(long events, long trials, double confidence) {
        if (trials <= 0) {
            return Double.NaN;
        }
        if (events >= trials) {
            return 1;
        }
        if (events == 0) {
            return -Math.expm1(Math.log1p(-confidence) / trials);
        }
        return new BetaDistribution(events + 1, trials - events).inverseCumulativeProbability(confidence);
    }

    /** The one-sided lower bound at this confidence. */
    public static double lower(long events, long trials, double confidence) {
        if (trials <= 0) {
            return Double.NaN;
        }
        if (events == 0) {
            return 0;
        }
        if (events >= trials) {
            return Math.exp(Math.log1p(-confidence) / trials);
        }
        return new BetaDistribution(events, trials - events + 1).inverseCumulativeProbability(1 - confidence);
    }

    /**
     * The fewest trials without an event whose upper bound is at most {@code rate}: what a
     * run needs to show that something happens less often than that.
     */
    public static long trialsToBound(double rate, double confidence) {
        if (!(rate > 0) || rate >= 1) {
            throw new IllegalArgumentException("rate must be in (0, 1), got " + rate);
        }
        return (long) Math.ceil(Math.log1p(-confidence) / Math.log1p(-rate));
    }
}
