package racebench.stats;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * Base versus new for one benchmark, both given as per-fork means of a time (lower is better):
 * the two summaries, new/base with its bootstrap interval, the pooled Yuen test's p-value on the
 * fork means ({@link Trimmed#pooledP}: one spread for both sides, as the null "nothing changed"
 * implies), and Mann-Whitney's for readers who distrust normality (normal approximation, no tie
 * correction in commons-math 3.6.1; it does not enter the verdict).
 *
 * <p>The verdict needs the p-value adjusted for every row compared at once ({@link Correction}), so
 * it is given by {@link #judge}, not stored here: a nightly judges all its rows together.
 *
 * @param base         summary of the base forks
 * @param candidate    summary of the new forks
 * @param ratio        trimmed mean(new) / trimmed mean(base) with its bootstrap interval
 * @param p            two-sided p-value of the pooled Yuen test on the 10% trimmed means ({@link Trimmed#pooledP};
 *                     Student's t test when a side has fewer than ten forks, where nothing is trimmed); NaN
 *                     below two forks
 * @param mannWhitneyP two-sided Mann-Whitney U p-value
 * @param equivalence  new/base's {@value #EQUIVALENCE_CONFIDENCE} interval, read from the same resamples as
 *                     {@code ratio}: a NO_CHANGE at the row's own resolution needs it within ±detectable
 */
public record Comparison(Summary base, Summary candidate, RatioInterval ratio, double p, double mannWhitneyP,
                         RatioInterval equivalence) {

    /**
     * The confidence of the interval a NO_CHANGE rests on: the whole 90% interval within ±noise is
     * Schuirmann's two one-sided tests at 5% each (TOST, as bioequivalence is judged), so a row that
     * really moved by the noise is called NO_CHANGE at most one time in twenty.
     */
    public static final double EQUIVALENCE_CONFIDENCE = 0.90;

    /**
     * @param alpha     family-wise false-alarm rate of one comparison of two runs (all rows together)
     * @param noise     the smallest relative change worth an alarm; also the widest ratio half-width
     *                  that still resolves one
     * @param bootstrap how the ratio's interval is drawn
     */
    public record Criteria(double alpha, double noise, Bootstrap bootstrap, Correction correction) {
        public static final double DEFAULT_ALPHA = 0.05;
        public static final double DEFAULT_NOISE = 0.03;
        public static final Criteria DEFAULT = new Criteria(DEFAULT_ALPHA, DEFAULT_NOISE, Bootstrap.DEFAULT,
                Correction.DEFAULT);

        public Criteria {
            if (!(alpha > 0 && alpha < 1) || !(noise >= 0 && noise < 1) || bootstrap == null || correction == null) {
                throw new IllegalArgumentException("alpha " + alpha + ", noise " + noise + ", bootstrap " + bootstrap
                        + ", correction " + correction);
            }
        }

        public Criteria withNoise(double n) {
            return new Criteria(alpha, n, bootstrap, correction);
        }

        public Criteria withCorrection(Correction c) {
            return new Criteria(alpha, noise, bootstrap, c);
        }

        public Criteria withBootstrap(Bootstrap b) {
            return new Criteria(alpha, noise, b, correction);
        }
    }

    public static Comparison of(double[] base, double[] candidate) {
        return of(base, candidate, Bootstrap.DEFAULT);
    }

    public static Comparison of(double[] base, double[] candidate, Bootstrap bootstrap) {
        Summary b = Summary.of(base);
        Summary c = Summary.of(candidate);
        java.util.List<RatioInterval> ratio = bootstrap.ratioOfTrimmedMeans(candidate, base, bootstrap.confidence(),
                EQUIVALENCE_CONFIDENCE);
        return new Comparison(b, c, ratio.get(0), Trimmed.pooledP(base, candidate),
                new MannWhitneyUTest().mannWhitneyUTest(base, candidate), ratio.get(1));
    }

    /** Half the new/base interval's width: how small a change this row can resolve. */
    public double ratioHalfWidth() {
        return (ratio.high() - ratio.low()) / 2;
    }

    /**
     * The verdict given this row's p-value after adjustment for all rows compared with it (the
     * row's own {@link #p} when it is compared alone): a change must be significant and its
     * point estimate at least the noise threshold. Otherwise NO_CHANGE only when the
     * {@link #equivalence} interval lies within ±noise; SUSPECT when new/base is beyond the noise
     * and the row alone says so ({@link #suspect}); else INCONCLUSIVE.
     */
    public Change judge(double adjustedP, Criteria criteria) {
        if (base.n() < 2 || candidate.n() < 2 || ratio.isDegenerate()) {
            return Change.INCONCLUSIVE;
        }
        if (adjustedP < criteria.alpha() && beyondNoise(criteria)) {
            return ratio.point() >= 1 + criteria.noise() ? Change.REGRESSION : Change.IMPROVEMENT;
        }
        if (withinNoise(criteria)) {
            return Change.NO_CHANGE;
        }
        return suspect(criteria) ? Change.SUSPECT : Change.INCONCLUSIVE;
    }

    /** Whether new/base is at least 1 + noise or at most 1 - noise: far enough from 1 for an alarm. */
    public boolean beyondNoise(Criteria criteria) {
        return ratio.point() >= 1 + criteria.noise() || ratio.point() <= 1 - criteria.noise();
    }

    /**
     * Beyond the noise, and either significant on its own (p below alpha, no correction) or with
     * its whole interval beyond the noise: what a row that changed too little for its bar shows.
     */
    public boolean suspect(Criteria criteria) {
        return beyondNoise(criteria) && (p < criteria.alpha() || ratio.low() >= 1 + criteria.noise()
                || ratio.high() <= 1 - criteria.noise());
    }

    /** Whether the whole equivalence interval lies within ±noise: the row did not move by the noise. */
    public boolean withinNoise(Criteria criteria) {
        return equivalence.low() >= 1 - criteria.noise() && equivalence.high() <= 1 + criteria.noise();
    }

    /** The verdict of this row compared on its own, with the default criteria. */
    public Change judgeAlone() {
        return judge(p, Criteria.DEFAULT);
    }
}
