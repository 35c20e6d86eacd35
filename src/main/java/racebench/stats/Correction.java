package racebench.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * How the p-values of one night's rows are adjusted for being tested together, so that a
 * nightly of 150 rows at 0.05 each does not raise about seven false alarms a night.
 * commons-math 3 has no multiple-comparison procedures, hence this class. NaN p-values (rows
 * with no test) stay NaN and do not count towards m.
 *
 * <ul>
 * <li>{@link #BENJAMINI_HOCHBERG} (1995), the default: step-up, sorted ascending,
 *     {@code p_adj(i) = min over j >= i of min(1, m / (j + 1) * p(j))} (0-based j). It controls
 *     the false discovery rate at alpha; when nothing changed (every row a true null, the
 *     A/A night that the "one false page in twenty nights" promise is about) that is the same
 *     as the chance of any alarm, for independent or positively dependent rows (Benjamini and
 *     Yekutieli, 2001), which rows sharing one machine are. When a change touches many rows at
 *     once, as a slower JDK or a slower machine does, it grows more lenient with every row that
 *     is significant, and finds far more of them than Holm.</li>
 * <li>{@link #HOLM} (1979): step-down, {@code p_adj(i) = max over j <= i of min(1, (m - j) * p(j))}.
 *     It controls the chance of any false alarm under any dependence, also on a night where
 *     other rows really changed, and pays for it in power: its first row needs p below
 *     alpha / m.</li>
 * </ul>
 */
public enum Correction {
    BENJAMINI_HOCHBERG("BH"),
    HOLM("Holm");

    public static final Correction DEFAULT = BENJAMINI_HOCHBERG;

    private final String label;

    Correction(String label) {
        this.label = label;
    }

    /** A short name for tables and console lines: "BH", "Holm". */
    public String label() {
        return label;
    }

    /** The adjusted p-values, in the order of {@code p}. */
    public double[] adjust(double[] p) {
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        int[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i])).mapToInt(Integer::intValue).toArray();
        int m = order.length;
        for (int i : order) {
            if (p[i] < 0 || p[i] > 1) {
                throw new IllegalArgumentException("not a p-value: " + p[i]);
            }
        }
        if (this == HOLM) {
            double running = 0;
            for (int j = 0; j < m; j++) {
                running = Math.max(running, Math.min(1, (m - j) * p[order[j]]));
                adjusted[order[j]] = running;
            }
        } else {
            double running = 1;
            for (int j = m - 1; j >= 0; j--) {
                running = Math.min(running, Math.min(1, (double) m / (j + 1) * p[order[j]]));
                adjusted[order[j]] = running;
            }
        }
        return adjusted;
    }

    /** "bh" or "holm" (any case, or the enum name) to a correction; IllegalArgumentException otherwise. */
    public static Correction parse(String name) {
        for (Correction c : values()) {
            if (c.label.equalsIgnoreCase(name) || c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown correction '" + name + "' (bh or holm)");
    }

    @Override
    public String toString() {
        return label.toLowerCase(Locale.ROOT);
    }
}
