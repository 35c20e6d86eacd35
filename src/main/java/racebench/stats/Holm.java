package racebench.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down adjustment (Holm, 1979) of the p-values of one nightly's rows, so that the
 * chance of any false alarm among all of them stays at alpha, not alpha per row: a nightly of
 * 150 rows at 0.05 each would raise about seven false alarms a night. Holm controls the
 * family-wise error under any dependence between rows (they share a machine, so they are not
 * independent) and is uniformly more powerful than Bonferroni. commons-math 3 has no
 * multiple-comparison procedures, hence this class.
 *
 * <p>Sorted ascending, {@code p_adj(i) = max over j <= i of min(1, (m - j) * p(j))} (0-based
 * j); NaN p-values (rows with no test) stay NaN and do not count towards m.
 */
public final class Holm {

    private Holm() {
    }

    public static double[] adjust(double[] p) {
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        int[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i])).mapToInt(Integer::intValue).toArray();
        int m = order.length;
        double running = 0;
        for (int j = 0; j < m; j++) {
            double v = p[order[j]];
            if (v < 0 || v > 1) {
                throw new IllegalArgumentException("not a p-value: " + v);
            }
            running = Math.max(running, Math.min(1, (m - j) * v));
            adjusted[order[j]] = running;
        }
        return adjusted;
    }
}
