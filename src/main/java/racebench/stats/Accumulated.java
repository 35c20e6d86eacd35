package racebench.stats;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.List;
import java.util.Optional;

/**
 * One row's evidence over consecutive runs (a nightly's nights) that measured the same base build
 * beside their own: new/base estimated from every run's forks at once, each run a block. Per
 * run, the difference of the sides' mean ln(fork mean), weighted by {@code 1 / (1/nBase + 1/nNew)};
 * the spread pooled within each run's sides (so the machine's drift between runs, which reaches
 * both sides of a run alike, is not counted); Student's t with the summed degrees of freedom,
 * rather than a combination of the runs' p-values, so that a change one run can only suspect
 * is tested the next with both runs' degrees of freedom.
 *
 * @param runs      the runs added up (two at least)
 * @param baseForks the base build's forks over those runs
 * @param newForks  the new side's forks over those runs
 * @param ratio     exp of the weighted mean difference of ln(fork mean): new/base
 * @param p         two-sided p-value of "nothing changed"
 */
public record Accumulated(int runs, int baseForks, int newForks, double ratio, double p) {

    /** A run's two sides: the base build's fork means and the new build's. */
    public record Run(double[] base, double[] candidate) {
    }

    /** The runs' evidence, newest or oldest first alike; empty when fewer than two runs have two forks a side. */
    public static Optional<Accumulated> of(List<Run> runs) {
        double weights = 0;
        double weighted = 0;
        double squares = 0;
        int df = 0;
        int used = 0;
        int base = 0;
        int fresh = 0;
        for (Run run : runs) {
            if (run.base().length < 2 || run.candidate().length < 2) {
                continue;
            }
            double[] b = logs(run.base());
            double[] n = logs(run.candidate());
            double w = 1 / (1.0 / b.length + 1.0 / n.length);
            weights += w;
            weighted += w * (mean(n) - mean(b));
            squares += squares(b) + squares(n);
            df += b.length + n.length - 2;
            used++;
            base += b.length;
            fresh += n.length;
        }
        if (used < 2) {
            return Optional.empty();
        }
        double delta = weighted / weights;
        double se = Math.sqrt(squares / df / weights);
        double p;
        if (se == 0) {
            p = delta == 0 ? 1 : 0;
        } else {
            p = 2 * new TDistribution(df).cumulativeProbability(-Math.abs(delta / se));
        }
        return Optional.of(new Accumulated(used, base, fresh, Math.exp(delta), p));
    }

    /** Whether new/base is at least 1 + noise or at most 1 - noise. */
    public boolean beyondNoise(double noise) {
        return ratio >= 1 + noise || ratio <= 1 - noise;
    }

    private static double[] logs(double[] values) {
        double[] l = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            l[i] = Math.log(values[i]);
        }
        return l;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double squares(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s;
    }
}
