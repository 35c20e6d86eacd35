package racebench.results;

import java.time.Duration;
import java.util.Locale;

/** A duration as the console says it: "4 min 07 s", or "42 s" under a minute. */
public final class Durations {
    private Durations() {
    }

    public static String pretty(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
    }
}
