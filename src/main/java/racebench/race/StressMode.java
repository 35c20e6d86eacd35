package racebench.race;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * jcstress's presets (Options in jcstress 0.16): how long each configuration of a test is
 * stressed. A mode's samples grow with its stress time, which is what a fix's proof needs.
 */
public enum StressMode {
    SANITY(0, 1, 1),
    QUICK(200, 5, 1),
    DEFAULT(1000, 5, 1),
    TOUGH(1000, 10, 10);

    private final int timeMillis;
    private final int iterations;
    private final int forks;

    StressMode(int timeMillis, int iterations, int forks) {
        this.timeMillis = timeMillis;
        this.iterations = iterations;
        this.forks = forks;
    }

    /** jcstress's time per iteration; 0 means "one short pass" (sanity). */
    public int timeMillis() {
        return timeMillis;
    }

    public int iterations() {
        return iterations;
    }

    public int forks() {
        return forks;
    }

    /** Stress time of one fork of one configuration, with optional overrides of time and iterations. */
    public double secondsPerFork(Integer timeOverride, Integer iterationsOverride) {
        int time = timeOverride != null ? timeOverride : timeMillis;
        int iters = iterationsOverride != null ? iterationsOverride : iterations;
        return time * (double) iters / 1000;
    }

    /** Stress time of one configuration over all its forks: what its samples grow with. */
    public double secondsPerConfiguration(Integer timeOverride, Integer iterationsOverride) {
        return secondsPerFork(timeOverride, iterationsOverride) * forks;
    }

    /** The lower-case name jcstress and the CLI use. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(StressMode::label).toList();
    }

    public static StressMode of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
