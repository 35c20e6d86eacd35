package racebench.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * How the p-values of one run's rows are adjusted for being tested together, so that a
 * nightly of 150 rows at 0.05 each does not raise about seven false alarms a run.
 * commons-math 3 has no multiple-comparison procedures, hence this class. NaN p-values (rows
 * with no test) stay NaN and do not count towards m.
 *
 * <ul>
 * <li>{@link #HOLM} (1979), the default: step-down, {@code p_adj(i) = max over j <= i of
 *     min(1, (m - j) * p(j))}. It controls the chance of any false alarm at alpha under any
 *     dependence between rows, also on a run where other rows really changed: a run that
 *     regressed names the rows that did and, on 19 runs in 20, nothing else, which is the
 *     nightly's promise. It pays in power: its first row needs p below alpha / m, which the
 *     weighted form ({@link #adjust(double[], double[])}) eases for the rows that matter most.</li>
 * <li>{@link #BENJAMINI_HOCHBERG} (1995): step-up, sorted ascending,
 *     {@code p_adj(i) = min over j >= i of min(1, m / (j + 1) * p(j))} (0-based j). It controls
 *     the false discovery rate at alpha; when nothing changed (every row a true null) that is the
 *     same as the chance of any alarm, for independent or positively dependent rows (Benjamini
 *     and Yekutieli, 2001). When a change touches many rows at once, as a slower JDK or a slower
 *     machine does, its bar rises with every row that clears it, so it finds more of them than
 *     Holm, and bounds only the <em>share</em> of false alarms among the flagged rows: such a
 *     run may name an untouched row too.</li>
 * </ul>
 */
public enum Correction {
    BENJAMINI_HOCHBERG("BH"),
    HOLM("Holm");

    public static final Correction DEFAULT = HOLM;

    private final String label;

    Correction(String label) {
        this.label = label;
    }

    /** A short name for tables and console lines: "BH", "Holm". */
    public String label() {
        return label;
    }

    /** The adjusted p-values, in the order of {@code p}, every row weighted alike. */
    public double[] adjust(double[] p) {
        double[] equal = new double[p.length];
        Arrays.fill(equal, 1);
        return adjust(p, equal);
    }

    /**
     * The adjusted p-values, in the order of {@code p}, each hypothesis given the share
     * {@code weights[i]} of alpha (any positive scale: they are normalised over the p-values that
     * are not NaN). Weighted Holm (Holm 1979, section 4): sorted by {@code p/w}, the j-th is
     * rejected at alpha when {@code p(j)/w(j) * (sum of the weights not yet rejected) <= alpha}, which
     * keeps the chance of any false alarm at alpha under any dependence; a row of weight 0.8/36
     * among 90 meets a first bar of alpha x 0.8/36 instead of alpha/90. Weighted BH (Genovese,
     * Roeder and Wasserman, 2006) uses {@code p/w} with weights of mean 1. Equal weights give the
     * plain procedures.
     */
    public double[] adjust(double[] p, double[] weights) {
        if (weights.length != p.length) {
            throw new IllegalArgumentException(p.length + " p-values, " + weights.length + " weights");
        }
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        int[] tested = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).toArray();
        double total = 0;
        for (int i : tested) {
            if (p[i] < 0 || p[i] > 1) {
                throw new IllegalArgumentException("not a p-value: " + p[i]);
            }
            if (!(weights[i] > 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("not a weight: " + weights[i]);
            }
            total += weights[i];
        }
        int m = tested.length;
        double[] w = new double[p.length];
        for (int i : tested) {
            w[i] = weights[i] / total; // sum 1 over the tested
        }
        int[] order = Arrays.stream(tested).boxed().sorted(Comparator.comparingDouble(i -> p[i] / w[i]))
                .mapToInt(Integer::intValue).toArray();
        if (this == HOLM) {
            double left = 1; // the weight of the hypotheses not yet rejected
            double running = 0;
            for (int j = 0; j < m; j++) {
                int i = order[j];
                running = Math.max(running, Math.min(1, p[i] / w[i] * left));
                adjusted[i] = running;
                left = Math.max(0, left - w[i]);
            }
        } else {
            double running = 1;
            for (int j = m - 1; j >= 0; j--) {
                int i = order[j];
                running = Math.min(running, Math.min(1, p[i] / (w[i] * (j + 1))));
                adjusted[i] = running;
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
