package racebench.stats;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The smallest change a row can be expected to detect: a two-sample test at two-sided 5% with
 * 95% power, for forks that spread as the row's forks spread before this run
 * ({@code (t(0.975, df) + t(0.95, df)) * s * sqrt(1 / nBase + 1 / nNew)} on the log scale; Cohen's
 * minimum detectable effect with Student's quantiles). df is the smaller side's forks less one,
 * the degrees of freedom the new/base interval itself is drawn with ({@link Bootstrap}'s expanded
 * percentile interval). It is what an INCONCLUSIVE row reports it could have seen, and what the
 * fork funding aims at: a row too blind to see a 50% change gets forks until it can, and a row
 * gets the pairs its alarm needs ({@link #forksToAlarm}). The spread comes from runs before
 * this run where known: a resolution that widened with this run's spread would tell nothing.
 */
public final class DetectableEffect {
    static final double ALPHA = 0.05;
    /** The power an alarm's forks are funded for. */
    public static final double POWER = 0.95;
    /**
     * The widest change a row may need to see: a row that cannot detect a 50% change is too blind
     * for a verdict, and the fork funding gives it forks until it can.
     */
    public static final double WIDEST = 0.5;

    private DetectableEffect() {
    }

    /**
     * The detectable new/base change, as a fraction (0.10: 10%), for a row whose fork means
     * spread by {@code logSpread} (standard deviation of ln(fork mean)), with {@code nBase} and
     * {@code nNew} forks a side; NaN when a side has fewer than two forks.
     */
    public static double of(double logSpread, int nBase, int nNew) {
        if (nBase < 2 || nNew < 2 || !(logSpread >= 0) || Double.isInfinite(logSpread)) {
            return Double.NaN;
        }
        TDistribution t = new TDistribution(Math.min(nBase, nNew) - 1);
        double k = t.inverseCumulativeProbability(1 - ALPHA / 2) + t.inverseCumulativeProbability(POWER);
        return Math.expm1(k * logSpread * Math.sqrt(1.0 / nBase + 1.0 / nNew));
    }

    /**
     * The change a nightly funds each row's forks to catch ({@link #forksToAlarm}): a CPU task 10%
     * larger, the slowdown {@code calibrate} asks to be flagged with 95% power.
     */
    public static final double ALARM_CHANGE = 0.10;

    /**
     * The change a row's alarm test can be expected to catch with {@link #POWER} power: Student's
     * t with {@code 2n - 2} degrees of freedom (the pooled test of {@link Comparison#p}, {@code n}
     * forks a side) at the two-sided level {@code bar}, the first and strictest bar the weighted
     * Holm correction sets the row ({@link AlarmBudget}: alpha times its share). A band is an
     * equivalence at 5%; an alarm is a test at a far smaller level, which few forks cannot pass.
     * NaN below two forks a side.
     */
    public static double ofAlarm(double logSpread, int n, double bar) {
        if (n < 2 || !(bar > 0 && bar < 1) || !(logSpread >= 0) || Double.isInfinite(logSpread)) {
            return Double.NaN;
        }
        TDistribution t = new TDistribution(2 * n - 2);
        double k = t.inverseCumulativeProbability(1 - bar / 2) + t.inverseCumulativeProbability(POWER);
        return Math.expm1(k * logSpread * Math.sqrt(2.0 / n));
    }

    /**
     * The fewest forks a side (up to {@code maxForks}) at which a row whose forks spread by
     * {@code logSpread} catches {@link #ALARM_CHANGE} ({@link #ofAlarm}) at the level {@code bar};
     * {@link Integer#MAX_VALUE} when none would.
     */
    public static int forksToAlarm(double logSpread, double bar, int maxForks) {
        return fewestForks(logSpread, maxForks, n -> ofAlarm(logSpread, n, bar) <= ALARM_CHANGE);
    }

    /**
     * The fewest forks a side (up to {@code maxForks}) at which a row whose forks spread by
     * {@code logSpread} could detect a change of {@link #WIDEST} ({@link #of}): enough for a
     * verdict; {@link Integer#MAX_VALUE} when none would.
     */
    public static int forksToSee(double logSpread, int maxForks) {
        return fewestForks(logSpread, maxForks, n -> of(logSpread, n, n) <= WIDEST);
    }

    /** The fewest forks a side, 2 to {@code maxForks}, that are {@code enough}; {@link Integer#MAX_VALUE} when none are. */
    private static int fewestForks(double logSpread, int maxForks, java.util.function.IntPredicate enough) {
        if (!Double.isFinite(logSpread)) {
            return Integer.MAX_VALUE;
        }
        for (int n = 2; n <= maxForks; n++) {
            if (enough.test(n)) {
                return n;
            }
        }
        return Integer.MAX_VALUE;
    }

    /**
     * The standard deviation of ln(fork mean) pooled over groups of forks that ran together (one
     * run's side of one row): each group is centred on its own mean, so drift between runs
     * does not count as spread. Empty when the groups together have no degree of freedom.
     */
    public static OptionalDouble pooledLogSpread(List<double[]> groups) {
        double squares = 0;
        int df = 0;
        for (double[] g : groups) {
            if (g.length < 2) {
                continue;
            }
            double mean = 0;
            for (double x : g) {
                mean += Math.log(x);
            }
            mean /= g.length;
            for (double x : g) {
                double d = Math.log(x) - mean;
                squares += d * d;
            }
            df += g.length - 1;
        }
        return df == 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.sqrt(squares / df));
    }
}
