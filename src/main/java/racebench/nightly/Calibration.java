package racebench.nightly;

import racebench.bench.AdaptiveMeasurement;
import racebench.bench.BenchCase;
import racebench.bench.BenchRun;
import racebench.bench.FundingPolicy;
import racebench.bench.JmhRunner;
import racebench.bench.Profile;
import racebench.bench.RowId;
import racebench.bench.RunComparison;
import racebench.results.Completion;
import racebench.results.Csv;
import racebench.results.ParamColumns;
import racebench.results.Environment;
import racebench.results.RunDirectory;
import racebench.stats.Comparison;
import racebench.stats.Correction;
import racebench.strategy.StrategyKind;
import racebench.workload.StandardBatch;
import racebench.workload.Workload;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code calibrate}: the nightly's detector measured on this machine. It runs the nightly
 * profile's CPU rows (every strategy but a child JVM per task, whose JVM start swamps its
 * task) with every CPU task 0%, 2%, 5%, 10% and 20% larger, interleaved round by round so a
 * slow spell of the machine hits every size alike, then replays simulated nightlies on those
 * forks and on the recorded forks of this machine's complete nightlies
 * ({@link DetectorSimulation}): the share of A/A nightlies that raise any alarm, and per
 * injected size the share of affected rows flagged (power) and of unaffected rows flagged.
 */
public final class Calibration {
    public static final List<Double> SCALES = List.of(1.0, 1.02, 1.05, 1.10, 1.20);
    /**
     * Up to 30 forks a row and size: an A/A night draws both its sides from one pool, and the
     * nightly gives a row up to 15 pairs ({@link Profile#maxForks} paired).
     */
    static final AdaptiveMeasurement.Stopping STOPPING = new AdaptiveMeasurement.Stopping(4, 30, 0);
    /** The corrections calibrate compares on the same simulated nightlies, the nightly's default first. */
    static final List<Correction> CORRECTIONS = java.util.stream.Stream.concat(java.util.stream.Stream.of(Correction.DEFAULT),
            java.util.Arrays.stream(Correction.values()).filter(c -> c != Correction.DEFAULT)).toList();
    public static final List<String> HEADER = List.of("scenario", "correction", "injected", "nightlies", "rows", "affected_rows",
            "measured_ratio", "any_alarm_rate", "any_alarm_ci_low", "any_alarm_ci_high", "power", "power_ci_low",
            "power_ci_high", "false_alarm_rate", "false_alarm_ci_low", "false_alarm_ci_high", "verdict_ready",
            "base_forks", "new_forks");

    /** One scenario's line of calibrate.csv. */
    public record Line(String scenario, Correction correction, double injected, int nightlies, int rows,
                       int affectedRows, double measuredRatio, DetectorSimulation.Rates rates) {
        List<Object> cells() {
            DetectorSimulation.Rates r = rates;
            return List.of(scenario, correction, Csv.number(injected, 2), nightlies, rows, affectedRows,
                    Csv.number(measuredRatio, 4), Csv.number(r.anyAlarm().value(), 4),
                    Csv.number(r.anyAlarm().low(), 4), Csv.number(r.anyAlarm().high(), 4),
                    Csv.number(r.power().value(), 4), Csv.number(r.power().low(), 4),
                    Csv.number(r.power().high(), 4), Csv.number(r.falseAlarms().value(), 5),
                    Csv.number(r.falseAlarms().low(), 5), Csv.number(r.falseAlarms().high(), 5),
                    Csv.number(r.verdictReady().value(), 4), Csv.number(r.baseForks(), 1),
                    Csv.number(r.newForks(), 1));
        }
    }

    private Calibration() {
    }

    /** The CPU rows calibrate measures: the nightly's, but for a child JVM per task. */
    static List<BenchCase> cases() {
        return BenchCase.matrix(JmhRunner.matching("racebench\\.strategy\\.StrategyBenchmark\\.batch"),
                Profile.NIGHTLY.params()).stream()
                .filter(c -> c.params().get("workload").equals(Workload.CPU.name()))
                .filter(c -> !c.params().get("strategy").equals(StrategyKind.PROCESS_PER_TASK.name()))
                .toList();
    }

    /**
     * Calibrates into a new run directory under {@code results}, holding the nightly lock: a
     * calibration and a nightly on the same 2 cores would spoil each other's measurements.
     * {@code from}: a calibrate run whose forks (calibrate-forks.csv) are judged again instead of
     * measuring new ones, as today's code judges them.
     */
    public static List<Line> calibrate(Path results, Duration budget, int nightlies, Comparison.Criteria criteria,
                                       java.util.Optional<Path> from, PrintWriter console)
            throws IOException, NightlyLock.Busy, BenchRun.JmhFailure {
        Fingerprint here = Fingerprint.here(Profile.NIGHTLY, racebench.bench.BenchCase.ALL);
        Map<Double, Map<RowId, double[]>> stored = from.isPresent() ? readForks(from.get()) : null;
        try (NightlyLock lock = NightlyLock.acquire(results)) {
            RunDirectory run = RunDirectory.create(results, "calibrate", Instant.now());
            List<Path> history = Baselines.auto(results, here, Integer.MAX_VALUE, note -> { });
            Map<Double, Map<RowId, double[]>> pools = stored != null ? stored
                    : measure(run, budget, history.size(), console);
            if (stored != null) {
                console.printf("racebench calibrate: judging the forks of %s again; A/A rows from %d complete nightly "
                        + "run(s) of this machine; writing %s%n", from.get(), history.size(), run.path());
                writeForks(run, pools);
            }
            return simulate(run, history, pools, nightlies, criteria, console);
        }
    }

    /** Measures the CPU rows at every size, interleaved; their fork means by size and row. */
    static Map<Double, Map<RowId, double[]>> measure(RunDirectory run, Duration budget, int nights, PrintWriter console)
            throws IOException, BenchRun.JmhFailure {
        List<BenchCase> rows = cases();
        console.printf(Locale.ROOT, "racebench calibrate: %d CPU rows x %d sizes, within %s; A/A rows from %d complete "
                        + "nightly run(s) of this machine; writing %s%n", rows.size(), SCALES.size(),
                racebench.results.Durations.pretty(budget), nights, run.path());
        List<BenchCase> all = new ArrayList<>();
        Map<BenchCase, Double> scaleOf = new LinkedHashMap<>();
        for (BenchCase row : rows) {
            for (double scale : SCALES) { // interleaved: each row's sizes next to each other in every round
                BenchCase c = scale == 1.0 ? row : row.withJvmArgs(List.of(
                        "-D" + StandardBatch.CPU_SCALE_PROPERTY + "=" + String.format(Locale.ROOT, "%.2f", scale)));
                all.add(c);
                scaleOf.put(c, scale);
            }
        }
        racebench.results.ProgressLine line = racebench.results.ProgressLine.on(console);
        AdaptiveMeasurement.Result measured;
        try {
            measured = AdaptiveMeasurement.run(all, Profile.NIGHTLY, STOPPING, budget, run, line);
        } finally {
            line.done();
        }
        racebench.bench.JmhRunner.writeJson(run.resolve("jmh.json"), measured.jsonElements());
        if (measured.byCase().isEmpty() || !measured.failures().isEmpty()) {
            throw new BenchRun.JmhFailure("calibrate's JMH forks failed (" + measured.failures().size()
                    + " row(s)); see " + run.resolve("jmh.log"));
        }
        Map<Double, Map<RowId, double[]>> pools = new LinkedHashMap<>();
        measured.byCase().forEach((c, samples) -> pools.computeIfAbsent(scaleOf.get(c), s -> new LinkedHashMap<>())
                .put(samples.id(), samples.forkMeans()));
        writeForks(run, pools);
        return pools;
    }

    /**
     * Replays simulated nightlies on the CPU rows' forks ({@code pools}, by size) and every other
     * row's forks from {@code history}; writes calibrate.csv and detection.csv, prints both, and
     * marks the run complete.
     */
    static List<Line> simulate(RunDirectory run, List<Path> history, Map<Double, Map<RowId, double[]>> pools,
                               int nightlies, Comparison.Criteria criteria, PrintWriter console) throws IOException {
        // null pools: calibrate's own unscaled CPU forks, and every other row's forks from recorded nightlies
        Map<RowId, double[]> nullPools = new LinkedHashMap<>();
        List<Map<RowId, List<Double>>> recent = new ArrayList<>();
        List<Path> sizedBy = fundedAsToday(history);
        for (Path night : history) { // newest first
            Map<RowId, List<Double>> means = new LinkedHashMap<>(RunComparison.forkMeans(night));
            if (sizedBy.contains(night)) {
                recent.add(means);
            }
            means.forEach((row, m) -> nullPools.merge(row, m.stream().mapToDouble(Double::doubleValue).toArray(),
                    Calibration::concat));
        }
        Map<RowId, double[]> unscaled = pools.getOrDefault(1.0, Map.of());
        nullPools.putAll(unscaled);
        DetectorSimulation.Sizes sizes = nightSizes(recent, !history.isEmpty()
                && RunComparison.hasBaseForks(history.getFirst()));
        DetectorSimulation simulation = new DetectorSimulation(nullPools, criteria, 20261122L, sizes);
        List<Line> lines = new ArrayList<>();
        simulation.aa(nightlies, CORRECTIONS).forEach((correction, rates) ->
                lines.add(new Line("A/A", correction, 0, nightlies, simulation.rows(), 0, 1.0, rates)));
        List<Detection> detections = new ArrayList<>();
        detections.add(new Detection(0, 1.0, simulation.detection(Map.of(), nightlies)));
        for (double scale : SCALES.subList(1, SCALES.size())) {
            Map<RowId, double[]> slowed = pools.getOrDefault(scale, Map.of());
            double ratio = meanRatio(unscaled, slowed);
            simulation.ab(slowed, nightlies, CORRECTIONS).forEach((correction, rates) -> lines.add(new Line("A/B",
                    correction, scale - 1, nightlies, simulation.rows(), slowed.size(), ratio, rates)));
            detections.add(new Detection(scale - 1, ratio, simulation.detection(slowed, nightlies)));
        }
        defaultFirst(lines);
        Csv.write(run.resolve("calibrate.csv"), HEADER, lines, Line::cells);
        Csv.write(run.resolve(Detection.FILE), Detection.HEADER, detections.stream()
                .flatMap(d -> d.rows().stream()).toList(), r -> r);
        Map<String, String> facts = new LinkedHashMap<>(Environment.facts(Environment.projectDir(), run.started(),
                Instant.now()));
        facts.put("nightly_runs_pooled", Integer.toString(history.size()));
        facts.put("cpu_rows", Integer.toString(unscaled.size()));
        facts.put("noise", Double.toString(criteria.noise()));
        facts.put("alpha", Double.toString(criteria.alpha()));
        facts.putAll(racebench.stats.AlarmBudget.DEFAULT.facts());
        Environment.write(run.resolve("environment.csv"), facts);
        print(console, lines, criteria, sizes.baselineRuns(), sizedBy.size(), funded(sizedBy));
        Detection.print(console, detections);
        racebench.report.RunReport.finish(run, console, Completion.Status.OK, Map.of());
        return lines;
    }

    /** A stored calibrate run's forks by size and row; one line naming the file and the problem when unreadable. */
    static Map<Double, Map<RowId, double[]>> readForks(Path run) throws IOException {
        Path file = run.resolve(FORKS_FILE);
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--from " + run + " is not a calibrate run: it has no " + FORKS_FILE);
        }
        Map<Double, Map<RowId, List<Double>>> lists = new LinkedHashMap<>();
        try {
            for (org.apache.commons.csv.CSVRecord r : Csv.read(file)) {
                double scale = Double.parseDouble(r.get("cpu_scale"));
                double mean = Double.parseDouble(r.get("mean"));
                if (!(mean > 0) || !SCALES.contains(scale)) {
                    throw new IllegalArgumentException("line " + r.getRecordNumber() + " has scale " + scale
                            + " and mean " + mean);
                }
                lists.computeIfAbsent(scale, k -> new LinkedHashMap<>())
                        .computeIfAbsent(new RowId(r.get("benchmark"), RowId.DEFAULT_MODE, ParamColumns.read(r)),
                                k -> new ArrayList<>()).add(mean);
            }
        } catch (RuntimeException | IOException e) {
            throw new IllegalArgumentException(file + " is not a valid " + FORKS_FILE + ": " + e.getMessage());
        }
        if (!lists.containsKey(1.0)) {
            throw new IllegalArgumentException(file + " has no unscaled forks");
        }
        Map<Double, Map<RowId, double[]>> pools = new LinkedHashMap<>();
        lists.forEach((scale, rows) -> {
            Map<RowId, double[]> m = new LinkedHashMap<>();
            rows.forEach((row, means) -> m.put(row, means.stream().mapToDouble(Double::doubleValue).toArray()));
            pools.put(scale, m);
        });
        return pools;
    }

    /**
     * The nights whose forks size the simulated ones, newest first, up to {@link NightlyPolicy#baselineRuns()}:
     * those funded as tonight's code funds a night ({@link FundingPolicy#CURRENT}, read from their
     * environment.csv) when there are any, else the newest. A change of the funding changes how
     * many forks a row gets, and nights funded otherwise would size calibrate's nights by a rule
     * no nightly follows any more.
     */
    static List<Path> fundedAsToday(List<Path> history) {
        List<Path> same = history.stream().filter(Calibration::funded).limit(NightlyPolicy.DEFAULT.baselineRuns()).toList();
        return same.isEmpty() ? history.stream().limit(NightlyPolicy.DEFAULT.baselineRuns()).toList() : same;
    }

    private static boolean funded(List<Path> nights) {
        return !nights.isEmpty() && nights.stream().allMatch(Calibration::funded);
    }

    private static boolean funded(Path night) {
        try {
            return FundingPolicy.CURRENT.funded(Csv.readFacts(night.resolve("environment.csv")));
        } catch (IOException | RuntimeException e) {
            return false; // Baselines.auto let it in; a night whose facts cannot be read now is not one funded as today's
        }
    }

    /**
     * Night-sized sides: each row's new side has the median of the forks the recent nightlies
     * gave it ({@code recent}, newest first, up to {@link NightlyPolicy#baselineRuns()} of them: each its
     * fork means by row; the profile's minimum for a row none has), its base side those of
     * {@link NightlyPolicy#baselineRuns()} such nights, as a nightly's pooled baseline has, or as many as
     * the new side when the newest nightly measured its base build beside it ({@code paired}: a
     * fork of each build per pair). The median, not the newest night's count: how many forks a row
     * gets moves from night to night with the funding, and one night's draw would make calibrate's
     * power that night's.
     */
    static DetectorSimulation.Sizes nightSizes(List<Map<RowId, List<Double>>> recent, boolean paired) {
        Map<RowId, List<Integer>> counts = new LinkedHashMap<>();
        recent.forEach(night -> night.forEach((row, means) ->
                counts.computeIfAbsent(row, r -> new ArrayList<>()).add(means.size())));
        Map<RowId, Integer> forks = new LinkedHashMap<>();
        counts.forEach((row, c) -> forks.put(row, (int) Math.round(racebench.stats.Samples.percentile(
                c.stream().mapToDouble(Integer::doubleValue).toArray(), 50))));
        return new DetectorSimulation.Sizes(forks, Math.max(2, Profile.NIGHTLY.minForks()),
                paired ? 1 : NightlyPolicy.DEFAULT.baselineRuns());
    }

    static final String FORKS_FILE = "calibrate-forks.csv";
    /** The unit of every row calibrate measures: StrategyBenchmark.batch's @OutputTimeUnit, average time. */
    private static final String UNIT = "ms/op";

    private static void writeForks(RunDirectory run, Map<Double, Map<RowId, double[]>> pools) throws IOException {
        List<String> names = ParamColumns.names(pools.values().stream()
                .flatMap(byRow -> byRow.keySet().stream()).map(RowId::params).toList());
        List<List<Object>> rows = new ArrayList<>();
        pools.forEach((scale, byRow) -> byRow.forEach((row, means) -> {
            for (int f = 0; f < means.length; f++) {
                List<Object> cells = new ArrayList<>(List.of(row.benchmark(), Csv.number(scale, 2), UNIT, f + 1,
                        Csv.number(means[f], 6)));
                cells.addAll(ParamColumns.cells(row.params(), names));
                rows.add(cells);
            }
        }));
        Csv.write(run.resolve(FORKS_FILE), ParamColumns.header(List.of("benchmark", "cpu_scale", "unit", "fork", "mean"),
                names), rows, r -> r);
    }

    /** The geometric mean over rows of mean(slowed) / mean(unslowed): the slowdown the rows really saw. */
    static double meanRatio(Map<RowId, double[]> base, Map<RowId, double[]> slowed) {
        double logSum = 0;
        int n = 0;
        for (Map.Entry<RowId, double[]> e : slowed.entrySet()) {
            double[] b = base.get(e.getKey());
            if (b != null) {
                logSum += Math.log(mean(e.getValue()) / mean(b));
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.exp(logSum / n);
    }

    private static double mean(double[] v) {
        return java.util.Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Sorts the lines as printed and written: the nightly's default correction's first, each in scenario order. */
    static void defaultFirst(List<Line> lines) {
        lines.sort(java.util.Comparator.comparingInt(l -> CORRECTIONS.indexOf(l.correction())));
    }

    /**
     * @param baselineRuns the nights a simulated base side pools: 1 when the newest nightly measured its base build beside it
     * @param sizedBy      how many recent nightlies the sides' sizes come from
     * @param fundedAsNow  whether those nights were funded as tonight's code funds one
     */
    static void print(PrintWriter console, List<Line> lines, Comparison.Criteria criteria, int baselineRuns,
                      int sizedBy, boolean fundedAsNow) {
        console.printf(Locale.ROOT, "%nthe nightly's detector on this machine (alpha %.2f, noise %.0f%%; "
                + "95%% Clopper-Pearson intervals; the nightly uses %s unless told --correction)%n", criteria.alpha(),
                100 * criteria.noise(), criteria.correction().label());
        console.printf("  %-5s %-5s %8s %9s %26s %26s %28s %8s%n", "", "", "injected", "measured",
                "nights with a false alarm", "power (affected rows)", "false alarms (other rows)", "ready");
        for (Line l : lines) {
            DetectorSimulation.Rates r = l.rates();
            console.printf(Locale.ROOT, "  %-5s %-5s %7.0f%% %9.3f %26s %26s %28s %7.0f%%%n", l.scenario(),
                    l.correction().label(), 100 * l.injected(),
                    l.measuredRatio(), rate(r.anyAlarm(), 1), l.affectedRows() == 0 ? "" : rate(r.power(), 1),
                    rate(r.falseAlarms(), 2), 100 * r.verdictReady().value());
        }
        lines.stream().filter(l -> l.scenario().equals("A/A")).findFirst().ifPresent(l -> console.printf(Locale.ROOT,
                "  sides as in a nightly: %.1f new forks a row on average (a row's median over the %d newest nightlies%s), "
                        + "%.1f base forks (%s; fewer where a row's recorded forks ran out)%n",
                l.rates().newForks(), sizedBy, fundedAsNow ? " funded as today's (" + FundingPolicy.CURRENT.describe() + ")"
                        : ", none funded as today's (" + FundingPolicy.CURRENT.describe() + ")",
                l.rates().baseForks(), baselineRuns == 1
                        ? "one a pair: the newest nightly measured its base build beside it"
                        : "a nightly pools " + baselineRuns + " nights"));
        console.flush();
    }

    private static String rate(DetectorSimulation.Rate r, int decimals) {
        String f = "%." + decimals + "f%% [%." + decimals + "f, %." + decimals + "f]";
        return String.format(Locale.ROOT, f, 100 * r.value(), 100 * r.low(), 100 * r.high());
    }
}
