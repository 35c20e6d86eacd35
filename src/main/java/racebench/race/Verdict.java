package racebench.race;

/** What the stress run proved about one variant. */
public enum Verdict {
    /** a variant expected to race showed a lost update */
    REPRODUCED,
    /** a variant expected to race showed none: not enough stress, or the JIT hid it everywhere */
    NOT_REPRODUCED,
    /** the tutorials' plain-int lesson showed no lost update: the JIT folded the race away in this run */
    NOT_SEEN,
    /** a fix showed no lost update, and its twin raced so often in every configuration that it would have */
    PROVEN,
    /** a fix showed no lost update, but the run was too weak to tell it from no fix (see {@link Proof}) */
    SAFE_UNPROVEN,
    /** a fix showed a lost update: the fix is broken */
    RACE,
    /** jcstress could not run the variant (test error, VM crash, timeout) */
    ERROR;

    /**
     * True when nothing went wrong: the race showed where it should, no fix lost an update.
     * SAFE_UNPROVEN counts, since no race was seen; the report says what would make it a proof.
     * NOT_SEEN counts: the tutorials' plain field is a lesson, RacyVolatile is the racy reference.
     */
    public boolean isGood() {
        return this == REPRODUCED || this == NOT_SEEN || this == PROVEN || this == SAFE_UNPROVEN;
    }
}
