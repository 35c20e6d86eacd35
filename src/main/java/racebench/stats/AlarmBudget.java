package racebench.stats;

/**
 * How a comparison shares its false-alarm rate alpha among its tests (weighted Holm, {@link
 * Correction#adjust(double[], double[])}): the primary rows (the question the suite exists to
 * answer) get {@code primaryShare} of it between them, the other rows the rest; on a night whose
 * base build earlier nights measured too, {@code nightsShare} of each row's share goes to the test
 * of its evidence over those nights ({@link Accumulated}), at most {@code maxNights} of them.
 * Every share is fixed before the night is measured, so the chance of any false alarm stays at
 * alpha under any dependence between the tests.
 *
 * @param primaryShare the primary rows' share of alpha, when there are primary and other rows
 * @param nightsShare  the share of each row's alpha for its evidence over nights, when there is any
 * @param maxNights    the most nights, tonight's included, whose evidence adds up against one base build
 */
public record AlarmBudget(double primaryShare, double nightsShare, int maxNights) {
    /** Four fifths to the primary rows; a quarter of each row's share to the nights; three nights. */
    public static final AlarmBudget DEFAULT = new AlarmBudget(0.8, 0.25, 3);

    public AlarmBudget {
        if (!(primaryShare > 0 && primaryShare < 1) || !(nightsShare > 0 && nightsShare < 1) || maxNights < 2) {
            throw new IllegalArgumentException("primary share " + primaryShare + ", nights share " + nightsShare
                    + ", nights " + maxNights);
        }
    }

    /**
     * A row's share of alpha for tonight's test; {@code primaries} and {@code others}: how many
     * rows of each kind are compared; {@code withNights}: whether tonight's evidence also adds up
     * with earlier nights'.
     */
    public double tonight(boolean primary, int primaries, int others, boolean withNights) {
        return row(primary, primaries, others) * (withNights ? 1 - nightsShare : 1);
    }

    /** A row's share of alpha for the test of its evidence over nights. */
    public double overNights(boolean primary, int primaries, int others) {
        return row(primary, primaries, others) * nightsShare;
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
                Double.toString(nightsShare), "max_nights", Integer.toString(maxNights));
    }
}
