package racebench.stats;

/**
 * A ratio of two means with its bootstrap confidence interval: a speedup
 * (mean(sequential) / mean(strategy)) or a change (mean(new) / mean(base)).
 *
 * <p>When either sample has a single fork there is nothing to resample: {@code low} and
 * {@code high} are NaN, and {@link #above} and {@link #below} are false, so no verdict rests on
 * an interval that does not exist.
 *
 * @param point      ratio of the original means
 * @param low        lower percentile bound; NaN when either sample has one value
 * @param high       upper percentile bound; NaN when either sample has one value
 * @param confidence e.g. 0.95 for the 2.5% and 97.5% percentiles
 */
public record RatioInterval(double point, double low, double high, double confidence) {

    public boolean isDegenerate() {
        return Double.isNaN(low) || Double.isNaN(high);
    }

    /** True when the whole interval lies strictly above {@code x}. */
    public boolean above(double x) {
        return low > x;
    }

    /** True when the whole interval lies strictly below {@code x}. */
    public boolean below(double x) {
        return high < x;
    }

    public boolean contains(double x) {
        return low <= x && x <= high;
    }
}
