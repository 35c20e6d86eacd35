package racebench.race;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import racebench.stats.Proportion;

import java.util.List;

/**
 * How much a variant's lost-update rate varies from fork to fork within a configuration, beyond
 * counting noise, pooled over its configurations; and the lower bound on a configuration's mean
 * rate that allows for it. Each fork of a racy counter races at a rate of its own (where the JIT
 * put the actors, how the threads landed), so the pooled rate of two forks is less certain than
 * its count of lost updates says, and a run that stresses a twin more where it looked quiet
 * would otherwise read a rate that leans high.
 *
 * @param variance the relative variance of a fork's rate, its 95% upper bound over the pooled
 *                 degrees of freedom (or {@link #UNKNOWN} when no configuration had two forks)
 */
public record ForkSpread(double variance) {

    /** The relative variance assumed when no configuration ran two forks: a fork's rate within about 50% of the mean. */
    public static final double UNKNOWN = 0.25;

    /** The one-sided 95% normal quantile. */
    private static final double Z = 1.6448536269514722;

    /** Counts per fork of one configuration: samples and lost updates. */
    public record Fork(long samples, long lost) {
    }

    /**
     * A moment estimate from every configuration with at least two forks and ten lost updates:
     * the spread of the forks' rates around their configuration's, less what counting alone
     * explains; its 95% upper bound (chi-squared over the degrees of freedom).
     */
    public static ForkSpread of(List<List<Fork>> configurations) {
        double sum = 0;
        int degrees = 0;
        for (List<Fork> forks : configurations) {
            long samples = forks.stream().mapToLong(Fork::samples).sum();
            long lost = forks.stream().mapToLong(Fork::lost).sum();
            if (forks.size() < 2 || lost < 10) {
                continue;
            }
            double mean = (double) lost / samples;
            double squares = 0;
            double counting = 0;
            for (Fork f : forks) {
                double relative = (double) f.lost() / f.samples() / mean - 1;
                squares += relative * relative;
                counting += 1 / (f.samples() * mean);
            }
            int k = forks.size();
            sum += squares - counting * (k - 1) / k;
            degrees += k - 1;
        }
        if (degrees == 0) {
            return new ForkSpread(UNKNOWN);
        }
        double estimate = Math.max(0, sum / degrees);
        double upper = estimate * degrees / new ChiSquaredDistribution(degrees).inverseCumulativeProbability(0.05);
        return new ForkSpread(upper);
    }

    /**
     * The 95% lower bound on a configuration's mean rate over forks like these: the smaller of
     * the exact bound on the pooled count and a log-normal bound whose variance adds the forks'
     * spread to the counting noise.
     */
    public double lower(List<Fork> forks) {
        long samples = forks.stream().mapToLong(Fork::samples).sum();
        long lost = forks.stream().mapToLong(Fork::lost).sum();
        double exact = Proportion.lower(lost, samples, ConfigurationRate.CONFIDENCE);
        if (lost == 0) {
            return exact;
        }
        double squares = forks.stream().mapToDouble(f -> (double) f.samples() * f.samples()).sum();
        double relativeVariance = 1.0 / lost + variance * squares / ((double) samples * samples);
        double spread = (double) lost / samples * Math.exp(-Z * Math.sqrt(relativeVariance));
        return Math.min(exact, spread);
    }
}
