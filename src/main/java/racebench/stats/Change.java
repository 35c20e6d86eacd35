package racebench.stats;

/**
 * The verdict on one benchmark between a base and a new run, for times (lower is better).
 * Criterion.rs's rule: a change is real only when it is significant <em>and</em> larger than the
 * noise that a shared machine produces anyway.
 */
public enum Change {
    /** Welch p below alpha and the new/base interval wholly above 1 + noise. */
    REGRESSION,
    /** Welch p below alpha and the new/base interval wholly below 1 - noise. */
    IMPROVEMENT,
    /** Not significant, or significant but possibly within the noise band. */
    NO_CHANGE,
    /** A side had fewer than two forks or was flagged unstable (compare: most of its forks never reached a steady state). */
    UNSTABLE
}
