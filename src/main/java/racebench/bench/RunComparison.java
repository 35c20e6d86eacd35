package racebench.bench;

import org.apache.commons.csv.CSVRecord;
import racebench.report.Csv;
import racebench.stats.Change;
import racebench.stats.Comparison;
import racebench.stats.SteadyState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two bench runs benchmark by benchmark from their bench-forks.csv: Welch's test
 * on fork means and a bootstrap interval of new / base, judged as criterion.rs does
 * (significant at 0.05 and the interval wholly beyond 1% noise). A side whose forks mostly
 * never reached a steady state (iterations varying by more than 2%) makes the row
 * UNSTABLE rather than a verdict that noise could have produced.
 */
public final class RunComparison {
    public static final String FORKS_FILE = "bench-forks.csv";

    /** One benchmark and parameter set in both runs: a row of compare.csv. */
    public record Row(String benchmark, String params, String unit, Comparison comparison) {
        public static final List<String> HEADER = List.of("benchmark", "params", "unit", "base_forks", "new_forks",
                "base_mean", "new_mean", "ratio", "ratio_ci_low", "ratio_ci_high", "p_value", "mann_whitney_p",
                "verdict");

        public Change verdict() {
            return comparison.change();
        }

        public List<Object> cells() {
            Comparison c = comparison;
            return List.of(benchmark, params, unit, c.base().n(), c.candidate().n(), Csv.number(c.base().mean(), 6),
                    Csv.number(c.candidate().mean(), 6), Csv.number(c.ratio().point(), 4),
                    Csv.number(c.ratio().low(), 4), Csv.number(c.ratio().high(), 4), Csv.number(c.welchP(), 6),
                    Csv.number(c.mannWhitneyP(), 6), c.change());
        }
    }

    /** The rows of both runs, and what only one of them measured. */
    public record Result(List<Row> rows, List<String> onlyInBase, List<String> onlyInNew) {
        public boolean hasRegression() {
            return rows.stream().anyMatch(r -> r.verdict() == Change.REGRESSION);
        }
    }

    private record Side(String unit, List<Double> means, int unstable) {
    }

    private RunComparison() {
    }

    public static Result compare(Path baseRun, Path newRun) throws IOException {
        Map<String, Side> base = read(baseRun);
        Map<String, Side> candidate = read(newRun);
        List<Row> rows = new ArrayList<>();
        List<String> onlyInBase = new ArrayList<>();
        for (Map.Entry<String, Side> e : base.entrySet()) {
            Side n = candidate.get(e.getKey());
            if (n == null) {
                onlyInBase.add(e.getKey());
                continue;
            }
            Side b = e.getValue();
            if (!b.unit().equals(n.unit())) {
                throw new IllegalArgumentException(e.getKey() + " is in " + b.unit() + " in the base run but "
                        + n.unit() + " in the new one");
            }
            Comparison c = Comparison.of(toArray(b.means()), mostlyUnstable(b), toArray(n.means()), mostlyUnstable(n));
            String[] key = e.getKey().split("\u0000", 2);
            rows.add(new Row(key[0], key[1], b.unit(), c));
        }
        List<String> onlyInNew = candidate.keySet().stream().filter(k -> !base.containsKey(k))
                .map(k -> k.replace('\u0000', ' ')).toList();
        return new Result(rows, onlyInBase.stream().map(k -> k.replace('\u0000', ' ')).toList(), onlyInNew);
    }

    private static boolean mostlyUnstable(Side side) {
        return side.unstable() * 2 > side.means().size();
    }

    private static Map<String, Side> read(Path run) throws IOException {
        Path file = run.resolve(FORKS_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(run + " is not a bench run: it has no " + FORKS_FILE);
        }
        try {
            return read(Csv.read(file));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(file + " is not a valid " + FORKS_FILE + ": " + e.getMessage());
        }
    }

    private static Map<String, Side> read(List<CSVRecord> records) {
        Map<String, Side> sides = new LinkedHashMap<>();
        for (CSVRecord r : records) {
            String key = r.get("benchmark") + "\u0000" + r.get("params");
            Side side = sides.computeIfAbsent(key, k -> new Side(r.get("unit"), new ArrayList<>(), 0));
            side.means().add(Double.parseDouble(r.get("mean")));
            String cv = r.get("cv");
            boolean unstable = cv.isEmpty() || Double.parseDouble(cv) > SteadyState.MAX_CV;
            if (unstable) {
                sides.put(key, new Side(side.unit(), side.means(), side.unstable() + 1));
            }
        }
        return sides;
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
