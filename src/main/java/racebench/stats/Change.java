package racebench.stats;

/**
 * The verdict on one benchmark between a base and a new run, for times (lower is better).
 * A change is reported only when it is significant after correcting for the number of rows
 * compared ({@link Correction}) <em>and</em> at least as large as the noise threshold; a row is
 * called unchanged only when its interval shows it did not move by the noise, and no verdict reads
 * as "unchanged" for a row whose evidence says it changed.
 */
public enum Change {
    /** Significant (adjusted p below alpha) and new/base at least 1 + noise. */
    REGRESSION,
    /** Significant and new/base at most 1 - noise. */
    IMPROVEMENT,
    /**
     * Not flagged, yet new/base lies beyond the noise and the row alone says so (p below alpha
     * before the correction, or its whole interval beyond the noise): a change this run can
     * only suspect. Counted in the summary, and its evidence adds up over the next runs.
     */
    SUSPECT,
    /**
     * Not flagged, and the row's {@link Comparison#EQUIVALENCE_CONFIDENCE} interval of new/base
     * lies wholly within ±noise: two one-sided tests at 5% that it did not move by the noise.
     */
    NO_CHANGE,
    /**
     * None of the above: the interval reaches beyond the noise on a side and the row has no
     * evidence of a change (or a side has fewer than two forks); compare.csv's {@code why} says
     * what change the row could have seen.
     */
    INCONCLUSIVE
}
