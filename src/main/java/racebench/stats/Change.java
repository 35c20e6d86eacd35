package racebench.stats;

/**
 * The verdict on one benchmark between a base and a new run, for times (lower is better).
 * A change is reported only when it is significant after correcting for the number of rows
 * compared ({@link Correction}) <em>and</em> at least as large as the noise threshold; a row that cannot
 * tell a noise-sized change from none says so instead of guessing.
 */
public enum Change {
    /** Significant (adjusted p below alpha) and new/base at least 1 + noise. */
    REGRESSION,
    /** Significant and new/base at most 1 - noise. */
    IMPROVEMENT,
    /**
     * Not flagged, and the new/base interval is narrow enough (half-width at most the noise) to
     * have seen one, or its 90% interval lies wholly within the row's own detectable effect
     * ({@link DetectableEffect}; two one-sided tests at 5%, {@link Comparison#EQUIVALENCE_CONFIDENCE}).
     */
    NO_CHANGE,
    /** Not flagged, but the interval is wider than both bands, or a side has fewer than two forks. */
    INCONCLUSIVE
}
