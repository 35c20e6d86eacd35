package racebench.stats;

/**
 * How a comparison shares its false-alarm rate alpha among its tests (weighted Holm, {@link
 * Correction#adjust(double[], double[])}): the primary rows (the question the suite exists to
 * answer) get {@code primaryShare} of it between them, the other rows the rest; in a run whose
 * base build earlier runs measured too (a nightly's nights), {@code runsShare} of each row's share
 * goes to the test of its evidence over those runs ({@link Accumulated}), at most {@code maxRuns}
 * of them. Every share is fixed before the run is measured, so the chance of any false alarm
 * stays at alpha under any dependence between the tests. Files name the shares as the nightly
 * does ({@link #facts}).
 *
 * @param primaryShare the primary rows' share of alpha, when there are primary and other rows
 * @param runsShare    the share of each row's alpha for its evidence over runs, when there is any
 * @param maxRuns      the most runs, this one included, whose evidence adds up against one base build
 */
public record AlarmBudget(double primaryShare, double runsShare, int maxRuns) {
    /** Four fifths to the primary rows; a quarter of each row's share to the earlier runs; three runs. */
    public static final AlarmBudget DEFAULT = new AlarmBudget(0.8, 0.25, 3);

    public AlarmBudget {
        if (!(primaryShare > 0 && primaryShare < 1) || !(runsShare > 0 && runsShare < 1) || maxRuns < 2) {
            throw new IllegalArgumentException("primary share " + primaryShare + ", runs share " + runsShare
                    + ", runs " + maxRuns);
        }
    }

    /**
     * A row's share of alpha for this run's test; {@code primaries} and {@code others}: how many
     * rows of each kind are compared; {@code withEarlier}: whether this run's evidence also adds up
     * with earlier runs'.
     */
    public double thisRun(boolean primary, int primaries, int others, boolean withEarlier) {
        return row(primary, primaries, others) * (withEarlier ? 1 - runsShare : 1);
    }

    /** A row's share of alpha for the test of its evidence over runs. */
    public double overRuns(boolean primary, int primaries, int others) {
        return row(primary, primaries, others) * runsShare;
    }

    private double row(boolean primary, int primaries, int others) {
        if (primaries == 0 || others == 0) {
            return 1.0 / (primaries + others);
        }
        return primary ? primaryShare / primaries : (1 - primaryShare) / others;
    }

    /** As environment.csv records it: data, read back by calibrate. */
    public java.util.Map<String, String> facts() {
        return java.util.Map.of("primary_share", Double.toString(primaryShare), "nights_share",
                Double.toString(runsShare), "max_nights", Integer.toString(maxRuns));
    }
}
