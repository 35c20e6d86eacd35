package racebench.report;

import java.io.PrintWriter;

/**
 * Progress of a long run on one console line. On a terminal the line is redrawn in place
 * (carriage return) as often as it changes; elsewhere (a cron log, a pipe) it is printed at
 * most once a minute, so that a nightly's log has a few dozen progress lines, not one per
 * fork. Notes (a round begins, a fork failed) are always printed on a line of their own.
 */
public final class ProgressLine implements Progress {
    private static final long QUIET_NANOS = 60_000_000_000L;
    private final PrintWriter out;
    private final boolean live;
    private int shown;
    private long lastPrinted = System.nanoTime() - QUIET_NANOS;

    ProgressLine(PrintWriter out, boolean live) {
        this.out = out;
        this.live = live;
    }

    /** A line for {@code out}: live when this JVM's console is a terminal. */
    public static ProgressLine on(PrintWriter out) {
        java.io.Console console = System.console();
        return new ProgressLine(out, console != null && console.isTerminal());
    }

    @Override
    public synchronized void update(String line) {
        if (live) {
            String text = "  " + line;
            out.print("\r" + text + " ".repeat(Math.max(0, shown - text.length())));
            shown = text.length();
            out.flush();
        } else if (System.nanoTime() - lastPrinted >= QUIET_NANOS) {
            lastPrinted = System.nanoTime();
            out.println("  " + line);
            out.flush();
        }
    }

    @Override
    public synchronized void note(String line) {
        clear();
        out.println("  " + line);
        out.flush();
    }

    /** Ends the live line, so that what follows starts on a line of its own. */
    public synchronized void done() {
        clear();
        out.flush();
    }

    private void clear() {
        if (live && shown > 0) {
            out.print("\r" + " ".repeat(shown) + "\r");
            shown = 0;
        }
    }
}
