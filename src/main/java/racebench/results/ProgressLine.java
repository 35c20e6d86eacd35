package racebench.results;

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
            String text = fit("  " + line, columns());
            out.print("\r" + text + " ".repeat(Math.max(0, shown - text.length())));
            shown = text.length();
            out.flush();
        } else if (System.nanoTime() - lastPrinted >= QUIET_NANOS) {
            lastPrinted = System.nanoTime();
            out.println("  " + line);
            out.flush();
        }
    }

    /** A line wider than the terminal wraps, and a carriage return then redraws only its last row. */
    static String fit(String text, int columns) {
        return text.length() < columns ? text : text.substring(0, Math.max(0, columns - 2)) + "…";
    }

    /** The terminal's width as the shell exports it ($COLUMNS), else 80. */
    private static int columns() {
        try {
            String c = System.getenv("COLUMNS");
            return c == null ? 80 : Math.max(20, Integer.parseInt(c.trim()));
        } catch (NumberFormatException e) {
            return 80;
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
