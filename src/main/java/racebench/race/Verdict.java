package racebench.race;

/** What the stress run proved about one variant. */
public enum Verdict {
    /** a variant expected to race showed a lost update */
    REPRODUCED,
    /** a variant expected to race showed none: not enough stress, or the JIT hid it everywhere */
    NOT_REPRODUCED,
    /** a fix showed no lost update in any sample */
    SAFE,
    /** a fix showed a lost update: the fix is broken */
    RACE,
    /** jcstress could not run the variant (test error, VM crash, timeout) */
    ERROR;

    /** True when this verdict is what the run was meant to show. */
    public boolean isGood() {
        return this == REPRODUCED || this == SAFE;
    }
}
