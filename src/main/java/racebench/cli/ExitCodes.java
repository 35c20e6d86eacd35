package racebench.cli;

/** racebench's exit codes, the same for every command. */
public final class ExitCodes {
    /** all good */
    public static final int OK = 0;
    /** a finding: a race in a fix, a racy variant not reproduced, a regression */
    public static final int FINDING = 1;
    /** bad usage or bad input */
    public static final int USAGE = 2;
    /** jcstress, JMH or a child JVM failed */
    public static final int TOOL = 3;

    private ExitCodes() {
    }
}
