package racebench.bench;

import org.apache.commons.csv.CSVRecord;
import racebench.results.Csv;
import racebench.results.ParamColumns;
import racebench.stats.Accumulated;
import racebench.stats.AlarmBudget;
import racebench.stats.Change;
import racebench.stats.Comparison;
import racebench.stats.DetectableEffect;
import racebench.stats.Judge;
import racebench.stats.RatioInterval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares a new bench run with a base, benchmark by benchmark, from bench-forks.csv: Yuen's pooled
 * test on the 10% trimmed fork means and a bootstrap interval of new / base. The base may pool the forks of
 * several runs (a nightly's baseline is its last complete nightlies), which narrows its
 * interval and averages out one bad run. All rows are judged together: their p-values are
 * adjusted over all rows ({@link racebench.stats.Correction}: Holm unless told otherwise) so
 * that the false-alarm rate holds for the whole comparison, and a change must also reach the
 * noise threshold ({@link Comparison#judge}).
 */
public final class RunComparison {
    public static final String FORKS_FILE = "bench-forks.csv";
    /** A nightly's base build measured the same run, fork by fork beside this one: bench-forks.csv's columns. */
    public static final String BASE_FORKS_FILE = "base-forks.csv";
    static final List<String> FORKS_COLUMNS = List.of("benchmark", "unit", "mean");

    /**
     * One benchmark and parameter set in both runs: a row of compare.csv, judged by {@link Judge}.
     * {@code detectable}: the change this row could have seen ({@link DetectableEffect}, from its
     * forks' spread before this run), NaN when nothing before this run measured its spread;
     * {@code primary}: whether it is one of the primary rows ({@link Profile#primary}).
     */
    public record Row(RowId id, String unit, Comparison comparison, Judge.Judged judged,
                      Comparison.Criteria criteria, double detectable, boolean primary) {
        public static final List<String> HEADER = List.of("benchmark", "mode", "unit", "base_forks", "new_forks",
                "base_trimmed_mean", "new_trimmed_mean", "ratio", "ratio_ci_low", "ratio_ci_high", "ratio_half_width", "p_value",
                "p_adjusted", "correction", "noise", "detectable", "equivalence_ci_low", "equivalence_ci_high",
                "mann_whitney_p", "primary", "alpha_share", "nights", "nights_ratio", "nights_p", "nights_p_adjusted",
                "alarm_from", "verdict", "why");

        public Change verdict() {
            return judged.verdict();
        }

        public String benchmark() {
            return id.benchmark();
        }

        public String params() {
            return id.params();
        }

        public double adjustedP() {
            return judged.adjustedP();
        }

        /** The row's cells under {@link #HEADER}, then its values of {@code paramNames}. */
        public List<Object> cells(List<String> paramNames) {
            List<Object> cells = new java.util.ArrayList<>(cells());
            cells.addAll(ParamColumns.cells(id.params(), paramNames));
            return cells;
        }

        private List<Object> cells() {
            Comparison c = comparison;
            java.util.Optional<Accumulated> a = judged.overRuns();
            return List.of(id.benchmark(), id.mode(), unit, c.base().n(), c.candidate().n(), Csv.number(c.base().trimmedMean(), 6),
                    Csv.number(c.candidate().trimmedMean(), 6), Csv.number(c.ratio().point(), 4),
                    Csv.number(c.ratio().low(), 4), Csv.number(c.ratio().high(), 4),
                    Csv.number(c.ratioHalfWidth(), 4), Csv.number(c.p(), 6), Csv.number(adjustedP(), 6),
                    criteria.correction(), Csv.number(criteria.noise(), 4), Csv.number(detectable, 4),
                    Csv.number(c.equivalence().low(), 4), Csv.number(c.equivalence().high(), 4),
                    Csv.number(c.mannWhitneyP(), 6), primary, Csv.number(judged.share(), 6),
                    a.map(Accumulated::runs).orElse(1), Csv.number(a.map(Accumulated::ratio).orElse(Double.NaN), 4),
                    Csv.number(a.map(Accumulated::p).orElse(Double.NaN), 6), Csv.number(judged.runsAdjustedP(), 6),
                    alarmFrom(), verdict(), why());
        }

        /** "tonight" or "nights" (files' words) for an alarm, empty for any other verdict. */
        public String alarmFrom() {
            Change v = verdict();
            return v != Change.REGRESSION && v != Change.IMPROVEMENT ? "" : judged.byRuns() ? "nights" : "tonight";
        }

        /** The row as compare and nightly print it. */
        public String describe() {
            RatioInterval r = comparison.ratio();
            return String.format(Locale.ROOT, "%-12s %s  new/base %.3f [%.3f, %.3f]  p(%s)=%.4f %s", verdict(),
                    id.label(), r.point(), r.low(), r.high(), criteria.correction().label(), adjustedP(), why())
                    .stripTrailing();
        }

        /**
         * What the verdict rests on: for an alarm from the runs, their evidence; for SUSPECT, both
         * p-values and the bar; for NO_CHANGE, the interval within the noise; for INCONCLUSIVE, why
         * and what change the row could have seen.
         */
        public String why() {
            RatioInterval e = comparison.equivalence();
            String bar = String.format(Locale.ROOT, "its bar %.5f (%s row)", judged.share(),
                    primary ? "a primary" : "an other");
            return switch (verdict()) {
                case REGRESSION, IMPROVEMENT -> judged.byRuns() ? judged.overRuns().map(a -> String.format(Locale.ROOT,
                        "over %d nights against this base build: new/base %.3f, p=%.2g, %.4f after %s", a.runs(),
                        a.ratio(), a.p(), judged.runsAdjustedP(), criteria.correction().label())).orElse("")
                        : String.format(Locale.ROOT, "p=%.2g alone; %s", comparison.p(), bar);
                case SUSPECT -> String.format(Locale.ROOT, "beyond the ±%.0f%% noise, p=%.4f alone but %.4f after %s "
                                + "(%s); watched over the next nights%s", 100 * criteria.noise(), comparison.p(),
                        adjustedP(), criteria.correction().label(), bar, judged.overRuns().map(a -> String.format(
                                Locale.ROOT, "; over %d nights new/base %.3f, p=%.4f after %s", a.runs(), a.ratio(),
                                judged.runsAdjustedP(), criteria.correction().label())).orElse(""));
                case NO_CHANGE -> String.format(Locale.ROOT, "%.0f%% interval [%.3f, %.3f] within the ±%.0f%% noise",
                        100 * e.confidence(), e.low(), e.high(), 100 * criteria.noise());
                case INCONCLUSIVE -> inconclusive(e);
            };
        }

        private String inconclusive(RatioInterval e) {
            if (comparison.base().n() < 2 || comparison.candidate().n() < 2) {
                return "fewer than 2 forks on a side";
            }
            String seen = Double.isNaN(detectable) ? ""
                    : detectable > DetectableEffect.WIDEST
                    ? String.format(Locale.ROOT, "; this row could only have seen a change of ±%.0f%%", 100 * detectable)
                    : String.format(Locale.ROOT, "; this row could have seen a change of ±%.1f%%", 100 * detectable);
            return String.format(Locale.ROOT, "%.0f%% interval [%.3f, %.3f] reaches beyond the ±%.0f%% noise and "
                    + "nothing says it moved%s", 100 * e.confidence(), e.low(), e.high(), 100 * criteria.noise(), seen);
        }
    }

    /** The rows of both runs, and what only one of them measured. */
    public record Result(List<Row> rows, List<String> onlyInBase, List<String> onlyInNew) {
        public boolean hasRegression() {
            return rows.stream().anyMatch(r -> r.verdict() == Change.REGRESSION);
        }

        /** The alarms and the SUSPECT rows, regressions first, largest new/base first within a verdict. */
        public List<Row> notable() {
            return rows.stream().filter(r -> r.verdict() != Change.NO_CHANGE && r.verdict() != Change.INCONCLUSIVE)
                    .sorted(java.util.Comparator.comparing(Row::verdict).thenComparing(r -> -r.comparison().ratio().point()))
                    .toList();
        }

        /**
         * The comparison as compare and nightly print it: one line of counts by verdict and how the
         * rows were judged, then each alarm and SUSPECT row ({@link #notable}).
         */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            if (rows.isEmpty()) {
                lines.add("no row measured on both sides");
                return lines;
            }
            Comparison.Criteria c = rows.getFirst().criteria();
            long primaries = rows.stream().filter(Row::primary).count();
            StringBuilder counts = new StringBuilder();
            for (Change v : Change.values()) {
                counts.append(counts.isEmpty() ? "" : ", ").append(count(v)).append(' ').append(v);
            }
            lines.add(String.format(Locale.ROOT, "%d rows (%d primary): %s (%s over all rows, alpha %.2f%s; noise %.0f%%)",
                    rows.size(), primaries, counts, c.correction().label(), c.alpha(), primaries == 0 ? ""
                            : String.format(Locale.ROOT, ", %.0f%% of it to the primary rows",
                            100 * AlarmBudget.DEFAULT.primaryShare()), 100 * c.noise()));
            notable().forEach(r -> lines.add("  " + r.describe()));
            return lines;
        }

        public long count(Change change) {
            return rows.stream().filter(r -> r.verdict() == change).count();
        }
    }

    /** A compare run's environment.csv: where and when it ran, and which runs it compared ({@code facts}). */
    public static void writeEnvironment(racebench.results.RunDirectory run, Map<String, String> facts) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(racebench.results.Environment.facts(
                racebench.results.Environment.projectDir(), run.started(), java.time.Instant.now()));
        all.putAll(facts);
        racebench.results.Environment.write(run.resolve("environment.csv"), all);
    }

    /** compare.csv: one row per benchmark and parameter set. */
    public static void write(Result result, Path target) throws IOException {
        List<String> names = ParamColumns.names(result.rows().stream().map(Row::params).toList());
        Csv.write(target, ParamColumns.header(Row.HEADER, names), result.rows(), r -> r.cells(names));
    }

    /**
     * One side of a row: its unit and fork means as measured. A comparison judges times (lower is
     * better): a rate's fork means ({@link RowId#isRate}) are compared as their reciprocals, times
     * per operation, in the unit that says so (ops/us becomes us/op).
     */
    private record Side(String unit, List<Double> means) {
        double[] times(RowId row) {
            return means.stream().mapToDouble(m -> row.isRate() ? 1 / m : m).toArray();
        }

        String timeUnit(RowId row) {
            int slash = unit.indexOf('/');
            if (!row.isRate() || slash <= 0) {
                return unit;
            }
            String per = unit.substring(0, slash); // "ops", as JMH spells a rate's count
            return unit.substring(slash + 1) + "/" + (per.equals("ops") ? "op" : per);
        }
    }

    private RunComparison() {
    }

    public static Result compare(Path baseRun, Path newRun) throws IOException {
        return compare(List.of(baseRun), newRun, Comparison.Criteria.DEFAULT);
    }

    /** The new run against the pooled forks of {@code baseRuns}, every row judged at the noise threshold. */
    public static Result compare(List<Path> baseRuns, Path newRun, Comparison.Criteria criteria) throws IOException {
        return compare(baseRuns, newRun, criteria, Map.of());
    }

    /**
     * The new run against the pooled forks of {@code baseRuns}; {@code logSpreads}: each row's
     * spread of ln(fork mean) measured before this run, from which its detectable effect is
     * computed; a row without one is judged at the noise threshold alone.
     */
    public static Result compare(List<Path> baseRuns, Path newRun, Comparison.Criteria criteria,
                                 Map<RowId, Double> logSpreads) throws IOException {
        Map<RowId, Side> base = new LinkedHashMap<>();
        for (Path run : baseRuns) {
            for (Map.Entry<RowId, Side> e : read(run).entrySet()) {
                Side pooled = base.computeIfAbsent(e.getKey(), k -> new Side(e.getValue().unit(), new ArrayList<>()));
                if (pooled.unit().equals(e.getValue().unit())) { // a unit changed between nights: pool the newest's
                    pooled.means().addAll(e.getValue().means());
                }
            }
        }
        return compare(base, read(newRun), criteria, logSpreads, List.of());
    }

    /**
     * A run's own forks against the base build's measured beside them ({@link #BASE_FORKS_FILE});
     * {@code logSpreads} as in {@link #compare(List, Path, Comparison.Criteria, Map)};
     * {@code earlier}: the runs before it that measured the same base build beside theirs (at
     * most {@link AlarmBudget#maxRuns} - 1 of them), whose evidence adds up with this run's.
     */
    public static Result compareWithin(Path run, Comparison.Criteria criteria, Map<RowId, Double> logSpreads,
                                       List<Path> earlier) throws IOException {
        List<Map<RowId, Side[]>> runs = new ArrayList<>();
        for (Path before : earlier) {
            Map<RowId, Side> b = read(before, BASE_FORKS_FILE);
            Map<RowId, Side> n = read(before);
            Map<RowId, Side[]> sides = new LinkedHashMap<>();
            b.forEach((k, side) -> {
                Side other = n.get(k);
                if (other != null && other.unit().equals(side.unit())) {
                    sides.put(k, new Side[] {side, other});
                }
            });
            runs.add(sides);
        }
        return compare(read(run, BASE_FORKS_FILE), read(run), criteria, logSpreads, runs);
    }

    /** Whether the run measured a base build beside its own forks. */
    public static boolean hasBaseForks(Path run) {
        return Files.isRegularFile(run.resolve(BASE_FORKS_FILE));
    }

    private static Result compare(Map<RowId, Side> base, Map<RowId, Side> candidate, Comparison.Criteria criteria,
                                  Map<RowId, Double> logSpreads, List<Map<RowId, Side[]>> earlier) {
        List<RowId> keys = new ArrayList<>();
        List<Comparison> comparisons = new ArrayList<>();
        List<String> onlyInBase = new ArrayList<>();
        List<java.util.Optional<Accumulated>> nights = new ArrayList<>();
        for (Map.Entry<RowId, Side> e : base.entrySet()) {
            Side n = candidate.get(e.getKey());
            if (n == null) {
                onlyInBase.add(e.getKey().label());
                continue;
            }
            Side b = e.getValue();
            if (!b.unit().equals(n.unit())) { // not comparable: listed on both sides rather than failing the night
                onlyInBase.add(e.getKey().label() + " (" + b.unit() + ")");
                continue;
            }
            keys.add(e.getKey());
            comparisons.add(Comparison.of(b.times(e.getKey()), n.times(e.getKey()), criteria.bootstrap()));
            nights.add(accumulated(e.getKey(), b, n, earlier));
        }
        boolean[] primary = new boolean[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            primary[i] = Profile.primary(keys.get(i).benchmark(), keys.get(i).params());
        }
        List<Judge.Judged> judged = Judge.judge(comparisons, primary, nights, criteria, AlarmBudget.DEFAULT);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Comparison c = comparisons.get(i);
            Double spread = logSpreads.get(keys.get(i));
            double detectable = spread == null ? Double.NaN
                    : DetectableEffect.of(spread, c.base().n(), c.candidate().n());
            rows.add(new Row(keys.get(i), base.get(keys.get(i)).timeUnit(keys.get(i)), c, judged.get(i), criteria, detectable,
                    primary[i]));
        }
        List<String> onlyInNew = candidate.entrySet().stream()
                .filter(e -> !base.containsKey(e.getKey()) || !base.get(e.getKey()).unit().equals(e.getValue().unit()))
                .map(e -> e.getKey().label() + " (" + e.getValue().unit() + ")").toList();
        return new Result(rows, onlyInBase, onlyInNew);
    }

    /** The row's evidence over this run and the {@code earlier} runs that measured it with this run's unit. */
    private static java.util.Optional<Accumulated> accumulated(RowId key, Side base, Side candidate,
                                                               List<Map<RowId, Side[]>> earlier) {
        if (earlier.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<Accumulated.Run> runs = new ArrayList<>();
        runs.add(new Accumulated.Run(base.times(key), candidate.times(key)));
        for (Map<RowId, Side[]> run : earlier) {
            Side[] sides = run.get(key);
            if (sides != null && sides[0].unit().equals(base.unit())) {
                runs.add(new Accumulated.Run(sides[0].times(key), sides[1].times(key)));
            }
        }
        return Accumulated.of(runs);
    }

    /**
     * A run's fork means by row; one line naming the file and what is wrong when it cannot be
     * used (missing, empty, a missing column, a bad quote, a mean that is not a positive number).
     */
    public static Map<RowId, List<Double>> forkMeans(Path run) throws IOException {
        return forkMeans(run, FORKS_FILE);
    }

    /** As {@link #forkMeans(Path)}, from the run's file {@code name} ({@link #FORKS_FILE} or {@link #BASE_FORKS_FILE}). */
    public static Map<RowId, List<Double>> forkMeans(Path run, String name) throws IOException {
        Map<RowId, List<Double>> means = new LinkedHashMap<>();
        read(run, name).forEach((k, side) -> means.put(k, side.means()));
        return means;
    }

    private static Map<RowId, Side> read(Path run) throws IOException {
        return read(run, FORKS_FILE);
    }

    private static Map<RowId, Side> read(Path run, String name) throws IOException {
        Path file = run.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(run + " is not a bench run: it has no " + name);
        }
        racebench.results.ResultFormat.checkReadable(run);
        try {
            List<CSVRecord> records = Csv.read(file);
            if (records.isEmpty()) {
                throw new IllegalArgumentException("it has no rows");
            }
            return read(records);
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException(file + " is not a valid " + name + ": " + message(e));
        } catch (IOException e) { // commons-csv's parse errors (a bad quote) are IOExceptions too
            throw new IllegalArgumentException(file + " is not a valid " + name + ": " + e.getMessage());
        }
    }

    private static String message(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    private static Map<RowId, Side> read(List<CSVRecord> records) {
        for (String column : FORKS_COLUMNS) {
            if (!records.getFirst().isMapped(column)) {
                throw new IllegalArgumentException("no '" + column + "' column");
            }
        }
        boolean modes = records.getFirst().isMapped("mode"); // files before modes were recorded: average time
        Map<RowId, Side> sides = new LinkedHashMap<>();
        for (CSVRecord r : records) {
            if (!r.isConsistent()) {
                throw new IllegalArgumentException("line " + r.getRecordNumber() + " has " + r.size() + " cells");
            }
            RowId key = new RowId(r.get("benchmark"), modes ? r.get("mode") : RowId.DEFAULT_MODE, ParamColumns.read(r));
            Side side = sides.computeIfAbsent(key, k -> new Side(r.get("unit"), new ArrayList<>()));
            double mean;
            try {
                mean = Double.parseDouble(r.get("mean"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + r.getRecordNumber() + ": mean '" + r.get("mean")
                        + "' is not a number");
            }
            if (!(mean > 0) || Double.isInfinite(mean)) {
                throw new IllegalArgumentException("line " + r.getRecordNumber() + ": mean " + r.get("mean")
                        + " is not a positive score");
            }
            side.means().add(mean);
        }
        return sides;
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
