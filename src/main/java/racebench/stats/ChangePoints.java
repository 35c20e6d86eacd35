package racebench.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Change points in a series of nightly means: E-divisive means (Matteson and James, JASA 2014),
 * the method Apache Otava (formerly Hunter) runs over benchmark history, with its permutation
 * significance test. A step shows as one change point; a slow drift, once it has gone on long
 * enough, as a change point between its early and late part, which a run-to-run comparison
 * of neighbouring runs would never flag.
 *
 * <p>For a split of a segment into X (m points) and Y (n points) the statistic is
 * {@code Q = mn/(m+n) * (2/(mn) Σ|x-y| - Σ_{i<k}|x_i-x_k| / C(m,2) - Σ_{j<k}|y_j-y_k| / C(n,2))};
 * the best split is significant when fewer than {@code pValue} of random permutations of the
 * segment reach its Q. Significant splits are bisected recursively. The permutations come from
 * a fixed seed, so the same history gives the same change points; the test stops early once
 * its p-value can no longer fall below the threshold, so series without a change are cheap.
 *
 * @param pValue       significance threshold (Otava: 0.001)
 * @param permutations permutations per test; at least 1 / pValue
 * @param minSegment   fewest points on either side of a change point
 */
public record ChangePoints(double pValue, int permutations, int minSegment) {
    public static final ChangePoints OTAVA = new ChangePoints(0.001, 1999, 3);
    /** How many of the newest points are searched, Otava's default window: older steps are history. */
    public static final int WINDOW = 50;

    /** One change point: the index of the first point after it, and the means on either side. */
    public record Point(int index, double p, double meanBefore, double meanAfter) {
        public double ratio() {
            return meanAfter / meanBefore;
        }
    }

    public ChangePoints {
        // the smallest p a permutation test can give is 1 / (permutations + 1): it must be able to fall below pValue
        if (!(pValue > 0 && pValue < 1) || 1.0 / (permutations + 1) >= pValue || minSegment < 2) {
            throw new IllegalArgumentException("p " + pValue + ", permutations " + permutations + ", min " + minSegment);
        }
    }

    public List<Point> find(double[] series) {
        Samples.check(series, "series");
        List<Integer> cuts = new ArrayList<>();
        List<Double> ps = new ArrayList<>();
        search(series, 0, series.length, new SplittableRandom(0xC4A9_6E0FL), cuts, ps);
        List<Point> points = new ArrayList<>();
        List<Integer> sorted = cuts.stream().sorted().toList();
        for (int c : sorted) {
            int i = cuts.indexOf(c);
            int prev = sorted.indexOf(c) == 0 ? 0 : sorted.get(sorted.indexOf(c) - 1);
            int next = sorted.indexOf(c) == sorted.size() - 1 ? series.length : sorted.get(sorted.indexOf(c) + 1);
            points.add(new Point(c, ps.get(i), mean(series, prev, c), mean(series, c, next)));
        }
        return points;
    }

    private void search(double[] x, int from, int to, SplittableRandom random, List<Integer> cuts, List<Double> ps) {
        if (to - from < 2 * minSegment) {
            return;
        }
        double[] segment = java.util.Arrays.copyOfRange(x, from, to);
        double[] scanned = scan(segment);
        int best = (int) scanned[0];
        double q = scanned[1];
        if (!(q > 0)) {
            return;
        }
        int reached = 0;
        double[] shuffled = segment.clone();
        for (int r = 0; r < permutations; r++) {
            Samples.shuffle(shuffled, random);
            if (maxStatistic(shuffled) >= q) {
                reached++;
                if ((reached + 1.0) / (permutations + 1.0) >= pValue) {
                    return; // p can no longer fall below the threshold
                }
            }
        }
        double p = (reached + 1.0) / (permutations + 1.0);
        cuts.add(from + best);
        ps.add(p);
        search(x, from, from + best, random, cuts, ps);
        search(x, from + best, to, random, cuts, ps);
    }

    /** The split (index of Y's first point) with the largest Q, each side at least minSegment long. */
    int bestSplit(double[] s) {
        return (int) scan(s)[0];
    }

    private double maxStatistic(double[] s) {
        return scan(s)[1];
    }

    /**
     * {best split, its Q} in O(n²): the pair sums are updated as the split moves one point from
     * Y to X (its distances to X join X's sum, those to Y leave Y's, the between sum gains the
     * former and loses the latter), instead of recomputed per split in O(n²) each.
     */
    private double[] scan(double[] s) {
        int n = s.length;
        double withinX = 0;
        double withinY = 0;
        double between = 0;
        for (int i = 0; i < minSegment; i++) {
            for (int k = i + 1; k < minSegment; k++) {
                withinX += Math.abs(s[i] - s[k]);
            }
            for (int j = minSegment; j < n; j++) {
                between += Math.abs(s[i] - s[j]);
            }
        }
        for (int j = minSegment; j < n; j++) {
            for (int k = j + 1; k < n; k++) {
                withinY += Math.abs(s[j] - s[k]);
            }
        }
        int best = minSegment;
        double bestQ = Double.NEGATIVE_INFINITY;
        for (int t = minSegment; t <= n - minSegment; t++) {
            double q = q(t, n - t, between, withinX, withinY);
            if (q > bestQ) {
                bestQ = q;
                best = t;
            }
            if (t < n - minSegment) { // move s[t] from Y to X
                double toX = 0;
                double toY = 0;
                for (int i = 0; i < t; i++) {
                    toX += Math.abs(s[t] - s[i]);
                }
                for (int j = t + 1; j < n; j++) {
                    toY += Math.abs(s[t] - s[j]);
                }
                withinX += toX;
                withinY -= toY;
                between += toY - toX;
            }
        }
        return new double[] {best, bestQ};
    }

    private static double q(int m, int n, double between, double withinX, double withinY) {
        double e = 2 * between / ((double) m * n) - withinX / (m * (m - 1) / 2.0) - withinY / (n * (n - 1) / 2.0);
        return (double) m * n / (m + n) * e;
    }

    static double statistic(double[] s, int t) {
        int m = t;
        int n = s.length - t;
        double between = 0;
        for (int i = 0; i < t; i++) {
            for (int j = t; j < s.length; j++) {
                between += Math.abs(s[i] - s[j]);
            }
        }
        double withinX = 0;
        for (int i = 0; i < t; i++) {
            for (int k = i + 1; k < t; k++) {
                withinX += Math.abs(s[i] - s[k]);
            }
        }
        double withinY = 0;
        for (int j = t; j < s.length; j++) {
            for (int k = j + 1; k < s.length; k++) {
                withinY += Math.abs(s[j] - s[k]);
            }
        }
        return q(m, n, between, withinX, withinY);
    }

    private static double mean(double[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i];
        }
        return sum / (to - from);
    }
}
