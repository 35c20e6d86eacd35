package racebench.bench;

import racebench.results.Durations;
import racebench.results.Environment;
import racebench.results.RunDirectory;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One bench run into its run directory: the cases the profile and selector name, measured
 * adaptively within the budget, then bench.csv, bench-forks.csv, bench-ratios.csv, jmh.json,
 * jmh.log and environment.csv, and the tables on the console.
 */
public final class BenchRun {

    /** JMH failed, or measured nothing. */
    public static final class JmhFailure extends Exception {
        JmhFailure(String message, Throwable cause) {
            super(message, cause);
        }

        public JmhFailure(String message) {
            super(message);
        }
    }

    /**
     * What a run measured: the fork samples and the rows made of them; with a base build, its
     * forks (empty when every one failed) and the first of its failures; and the rows whose fork
     * failed ({@code failures}, "row: first line of the error"), which only a nightly's run
     * returns rather than throws.
     */
    public record Measured(List<ForkSamples> samples, List<BenchRow> rows, List<ForkSamples> baseSamples,
                           java.util.Optional<String> baseFailure, List<String> failures) {
    }

    private BenchRun() {
    }

    /** One of the measure methods below, into a run directory. */
    @FunctionalInterface
    public interface Measurement {
        Measured into(RunDirectory run) throws IOException, JmhFailure;
    }

    /**
     * A bench command's run: measured, then its page and complete.csv; a run whose JMH failed gets
     * its page over what it wrote (the other rows) and no complete.csv; one that wrote no rows, nothing.
     */
    public static Measured run(RunDirectory run, PrintWriter console, Measurement measurement)
            throws IOException, JmhFailure {
        boolean done = false;
        try {
            Measured measured = measurement.into(run);
            done = true;
            return measured;
        } finally {
            if (java.nio.file.Files.isRegularFile(run.resolve("bench.csv"))) {
                if (done) {
                    racebench.report.RunReport.finish(run, console, racebench.results.Completion.Status.OK, Map.of());
                } else {
                    racebench.report.RunReport.writeFor(run.path(), console);
                }
            }
        }
    }

    /**
     * What a run measures and how its forks start: the benchmarks selected ({@code include}, as
     * environment.csv records it), their cases, this side's forker and, for a paired run, the base
     * side's; the facts that say so in environment.csv; and for benchmarks racebench does not know,
     * the parameter value their speedup is against.
     */
    record Plan(String include, List<BenchCase> cases, AdaptiveMeasurement.Forker self,
                java.util.Optional<AdaptiveMeasurement.Forker> base, String baseName, Map<String, String> facts,
                java.util.Optional<BenchAnalysis.BaselineParam> baseline) {
    }

    public static Measured measure(PrintWriter console, Profile profile, String selector, Duration budget,
                                   RunDirectory run) throws IOException, JmhFailure {
        return measure(console, profile, selector, Map.of(), budget, run);
    }

    /**
     * A nightly's run with the base build measured beside this one, fork by fork, into
     * {@link RunComparison#BASE_FORKS_FILE} (the profile's forks spent in pairs:
     * {@link AdaptiveMeasurement.Stopping#paired}). A row whose fork failed is in
     * {@link Measured#failures}, not thrown: one broken row must not cost a run its other rows.
     *
     * @param self this build as stored beside the base, to fork from when there is a base: both
     *             sides then run from class paths of one length ({@code Builds.stored})
     * @param priorSpreads the rows' fork spreads in the baseline runs ({@link RowSpreads}): how
     *             many forks a row needs to see a 50% change, as its verdict will judge it
     */
    public static Measured measure(PrintWriter console, Profile profile, String selector, Duration budget,
                                   RunDirectory run, java.util.Optional<Build> base, java.util.Optional<Build> self,
                                   Map<RowId, Double> priorSpreads)
            throws IOException, JmhFailure {
        java.util.Optional<Build> from = base.isPresent() ? self : java.util.Optional.empty();
        Map<String, String> facts = new LinkedHashMap<>();
        base.ifPresent(b -> facts.put("base_build", b.name()));
        Plan plan = new Plan(selector, ownCases(profile, selector, Map.of()),
                AdaptiveMeasurement.inProcess(from, profile, run),
                base.isPresent() ? java.util.Optional.of(AdaptiveMeasurement.inProcess(base, profile, run))
                        : java.util.Optional.empty(),
                base.map(b -> "the base build " + b.shortName()).orElse(""), facts, java.util.Optional.empty());
        return measure(console, profile, plan, budget, run, priorSpreads,
                self.filter(b -> base.isPresent()).map(b -> "; tonight's forks from its stored copy " + b.shortName())
                        .orElse(""));
    }

    /**
     * @param params a user's parameter values laid over the profile's ({@link BenchCase#overlay},
     *               already checked); recorded in environment.csv, since they change the rows
     */
    public static Measured measure(PrintWriter console, Profile profile, String selector,
                                   Map<String, List<String>> params, Duration budget, RunDirectory run)
            throws IOException, JmhFailure {
        Map<String, String> facts = paramsFact(params);
        Plan plan = new Plan(selector, ownCases(profile, selector, params),
                AdaptiveMeasurement.inProcess(java.util.Optional.empty(), profile, run), java.util.Optional.empty(), "",
                facts, java.util.Optional.empty());
        return throwOnFailures(measure(console, profile, plan, budget, run, Map.of(), ""), run);
    }

    /**
     * A user's JMH benchmarks ({@code side}) with the profile's forks and stopping, generic rows
     * for the benchmarks racebench has no mapping for; with {@code base}, each fork paired with
     * one of the base side's, in alternating order, as a nightly pairs builds ({@code ab}).
     *
     * @param cases     the side's cases ({@link #userCases}), already checked
     * @param baseline  for the rows' speedup, the parameter value it is against; none: no speedup
     */
    public static Measured measure(PrintWriter console, Profile profile, String include, List<BenchCase> cases,
                                   Side side, java.util.Optional<Side> base,
                                   java.util.Optional<BenchAnalysis.BaselineParam> baseline,
                                   Map<String, List<String>> params, Duration budget, RunDirectory run)
            throws IOException, JmhFailure {
        Map<String, String> facts = paramsFact(params);
        facts.put("class_path", side.jar().joined());
        facts.put("side", side.describe());
        base.ifPresent(b -> facts.put("base_side", b.describe()));
        baseline.ifPresent(b -> facts.put("baseline_param", b.name() + "=" + b.value()));
        Plan plan = new Plan(include, cases, AdaptiveMeasurement.host(side, profile, run),
                base.isPresent() ? java.util.Optional.of(AdaptiveMeasurement.host(base.get(), profile, run))
                        : java.util.Optional.empty(),
                base.map(b -> "the base side").orElse(""), facts, baseline);
        return throwOnFailures(measure(console, profile, plan, budget, run, Map.of(), ""), run);
    }

    /**
     * A nightly of a user's benchmarks: as {@link #measure(PrintWriter, Profile, String, List, Side,
     * java.util.Optional, java.util.Optional, Map, Duration, RunDirectory)} with the base build's
     * side beside it when there is one, and, as a nightly's own measure, a failed row returned
     * in {@link Measured#failures} rather than thrown.
     *
     * @param baseBuild the base build, whose name environment.csv records
     */
    public static Measured measureNightly(PrintWriter console, Profile profile, String include, List<BenchCase> cases,
                                          Side side, java.util.Optional<Side> base, java.util.Optional<Build> baseBuild,
                                          Map<RowId, Double> priorSpreads, Duration budget, RunDirectory run)
            throws IOException, JmhFailure {
        Map<String, String> facts = new LinkedHashMap<>();
        baseBuild.ifPresent(b -> facts.put("base_build", b.name()));
        facts.put("class_path", side.jar().joined());
        Plan plan = new Plan(include, cases, AdaptiveMeasurement.host(side, profile, run),
                base.isPresent() ? java.util.Optional.of(AdaptiveMeasurement.host(base.get(), profile, run))
                        : java.util.Optional.empty(),
                baseBuild.map(b -> "the base build " + b.shortName()).orElse(""), facts,
                java.util.Optional.empty());
        return measure(console, profile, plan, budget, run, priorSpreads, "");
    }

    /**
     * {@code bench --task}: a user's Runnable or Callable ({@link racebench.workload.UserTask}, already
     * checked) run in batches by every strategy, at the batch sizes {@code params} names for
     * {@code tasks} (default: 1, 2, the cores and four times the cores), each fork told the task on
     * its command line. Rows whose fork failed (the task threw, hung past its timeout or ended its
     * JVM) are thrown as one failure after the others are written.
     */
    public static Measured measureTask(PrintWriter console, Profile profile, String className, String classPath,
                                       Map<String, List<String>> params, Duration budget, RunDirectory run)
            throws IOException, JmhFailure {
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, List<String>> values = new java.util.TreeMap<>(params);
        values.putIfAbsent("tasks", java.util.stream.IntStream.of(1, 2, cores, 4 * cores).distinct().sorted()
                .mapToObj(Integer::toString).toList());
        List<BenchCase> cases = BenchCase.matrix(JmhRunner.matching(JmhRunner.TASK_BENCHMARK), values).stream()
                .map(c -> c.withJvmArgs(racebench.workload.UserTask.jvmArgs(className, classPath))).toList();
        Map<String, String> facts = paramsFact(values);
        facts.put("task", className);
        facts.put("task_class_path", classPath);
        Plan plan = new Plan(JmhRunner.TASK_BENCHMARK, cases,
                AdaptiveMeasurement.inProcess(java.util.Optional.empty(), profile, run), java.util.Optional.empty(), "",
                facts, java.util.Optional.empty());
        return throwOnFailures(measure(console, profile, plan, budget, run, Map.of(), ""), run);
    }

    /** racebench's own cases: the selected benchmarks at the profile's parameters, a user's laid over them. */
    private static List<BenchCase> ownCases(Profile profile, String selector, Map<String, List<String>> params) {
        java.util.SortedSet<org.openjdk.jmh.runner.BenchmarkListEntry> benchmarks = JmhRunner.matching(selector);
        return BenchCase.matrix(benchmarks, BenchCase.overlay(benchmarks, profile.params(), params));
    }

    /**
     * A user's cases: the jar's benchmarks matching {@code include}, each at every value of its
     * parameters, or at the user's ({@code --param}); racebench's profiles choose no parameter
     * values of theirs. One line saying what is wrong when the selection is empty or a value unknown.
     */
    public static List<BenchCase> userCases(JmhJar jar, String include, Map<String, List<String>> params) {
        java.util.SortedSet<org.openjdk.jmh.runner.BenchmarkListEntry> benchmarks = jar.matching(include);
        if (benchmarks.isEmpty()) {
            List<String> names = jar.all().stream().map(e -> BenchCase.simpleName(e.getUsername())).distinct().toList();
            throw new IllegalArgumentException("--include '" + include + "' matches no benchmark of " + jar.joined()
                    + "; it has: " + String.join(", ", names.subList(0, Math.min(12, names.size())))
                    + (names.size() > 12 ? ", ..." : ""));
        }
        return BenchCase.matrix(benchmarks, BenchCase.overlay(benchmarks, Map.of(), params));
    }

    /** environment.csv's facts, starting with a user's parameter values when there are any: they change the rows. */
    private static Map<String, String> paramsFact(Map<String, List<String>> params) {
        Map<String, String> facts = new LinkedHashMap<>();
        new java.util.TreeMap<>(params).forEach((name, values) ->
                facts.put(racebench.results.ParamColumns.PREFIX + name, String.join(",", values)));
        return facts;
    }

    private static Measured throwOnFailures(Measured measured, RunDirectory run) throws JmhFailure {
        if (!measured.failures().isEmpty()) { // everything else is written: the failure costs its rows, not the run
            throw new JmhFailure(measured.failures().size() + " row(s) failed (first: " + measured.failures().getFirst()
                    + "); see " + run.resolve("jmh.log"), null);
        }
        return measured;
    }

    /** The steps of a run: say what runs, measure, keep JMH's raw results, analyse, write, print. */
    private static Measured measure(PrintWriter console, Profile profile, Plan plan, Duration budget, RunDirectory run,
                                    Map<RowId, Double> priorSpreads, String selfNote)
            throws IOException, JmhFailure {
        AdaptiveMeasurement.Stopping stopping = announce(console, profile, plan, budget, run, selfNote);
        racebench.results.ProgressLine line = racebench.results.ProgressLine.on(console);
        AdaptiveMeasurement.Result result;
        try {
            result = AdaptiveMeasurement.run(plan.cases(), stopping, budget, line, plan.self(), plan.base(),
                    priorSpreads);
        } finally {
            line.done();
        }
        keepRaw(run, result);
        if (result.budgetTooSmall()) {
            console.printf("  the budget of %s ran out before every row had %d forks%n", Durations.pretty(budget),
                    profile.minForks());
        }
        List<BenchRow> rows = BenchAnalysis.rows(result.samples(), Runtime.getRuntime().availableProcessors(),
                plan.baseline());
        List<BenchAnalysis.Ratio> ratios = BenchAnalysis.ratios(result.samples());
        Instant end = Instant.now();
        BenchReport.write(run, result.samples(), rows, ratios);
        List<ForkSamples> baseSamples = List.copyOf(result.baseByCase().values());
        if (!baseSamples.isEmpty()) {
            BenchReport.writeForks(run.resolve(RunComparison.BASE_FORKS_FILE), baseSamples);
        }
        Environment.write(run.resolve("environment.csv"), facts(profile, plan, budget, run, result, end));
        BenchReport.print(console, rows, ratios, profile.targetHalfWidth(),
                result.forks() == 0 ? Double.NaN : result.took().toMillis() / 1000.0 / result.forks());
        console.printf("%nMeasured %d forks of %d rows in %s (budget %s)%s. Results in %s%n", result.forks(), rows.size(),
                Durations.pretty(result.took()), Durations.pretty(budget), plan.base().isEmpty() ? ""
                        : ", and " + result.baseByCase().values().stream().mapToInt(s -> s.forks().size()).sum()
                        + " of the base side beside them" + (result.baseFailures().isEmpty() ? ""
                        : " (its forks failed on " + result.baseFailures().size() + " row(s), first: "
                        + result.baseFailures().getFirst() + ")"), run.path());
        return new Measured(result.samples(), rows, baseSamples, result.baseFailures().stream().findFirst(),
                result.failures());
    }

    /** Says what the run measures and how, and returns when a row stops getting forks (pairs, with a base build). */
    private static AdaptiveMeasurement.Stopping announce(PrintWriter console, Profile profile, Plan plan,
                                                         Duration budget, RunDirectory run, String selfNote) {
        console.printf(Locale.ROOT,
                "racebench: profile %s, %d rows, %d to %d forks each%s within a budget of %s, writing %s%n",
                profile.name().toLowerCase(Locale.ROOT), plan.cases().size(), profile.minForks(), profile.maxForks(),
                toSee(profile.maxForks(), profile.maxForksToSee()), Durations.pretty(budget), run.path());
        AdaptiveMeasurement.Stopping stopping = AdaptiveMeasurement.Stopping.of(profile);
        if (plan.base().isPresent()) {
            stopping = stopping.paired();
            console.printf(Locale.ROOT, "racebench: each fork paired with one of %s "
                    + "(%d to %d pairs a row%s), in alternating order, writing %s%s%n", plan.baseName(), stopping.minForks(),
                    stopping.maxForks(), toSee(stopping.maxForks(), stopping.maxForksToSee()),
                    run.resolve(RunComparison.BASE_FORKS_FILE).getFileName(), selfNote);
        }
        console.flush();
        return stopping;
    }

    /** JMH's own results as JMH writes them (jmh.json, and jmh-rows.json where JMH's result objects exist). */
    private static void keepRaw(RunDirectory run, AdaptiveMeasurement.Result result) throws IOException, JmhFailure {
        JmhRunner.writeJson(run.resolve("jmh.json"), result.jsonElements());
        if (!result.rows().isEmpty()) { // JMH's result objects: only racebench's own benchmarks, run in this JVM, have them
            JmhRunner.writeRowsJson(run.resolve("jmh-rows.json"), result.rows());
        }
        if (result.samples().isEmpty()) {
            throw new JmhFailure("JMH produced no results" + failures(result) + "; see " + run.resolve("jmh.log"), null);
        }
    }

    /** environment.csv: what a later comparison must match, since runs of different settings are not comparable. */
    private static Map<String, String> facts(Profile profile, Plan plan, Duration budget, RunDirectory run,
                                             AdaptiveMeasurement.Result result, Instant end) {
        Map<String, String> facts = new LinkedHashMap<>(Environment.facts(Environment.projectDir(), run.started(), end));
        facts.put("profile", profile.name().toLowerCase(Locale.ROOT));
        facts.put("include", plan.include());
        facts.put("measurement", profile.measurement());
        facts.put("budget_seconds", Long.toString(budget.toSeconds()));
        facts.put("forks", Integer.toString(result.forks()));
        facts.putAll(plan.facts());
        if (plan.base().isPresent()) {
            facts.putAll(FundingPolicy.CURRENT.facts());
            facts.putAll(racebench.stats.AlarmBudget.DEFAULT.facts()); // the shares it judges with
        }
        return facts;
    }

    private static String failures(AdaptiveMeasurement.Result result) {
        return result.failures().isEmpty() ? "" : " (first: " + result.failures().getFirst() + ")";
    }

    /** ", 40 for a row too blind for a verdict" when such a row may go past the maximum; else empty. */
    private static String toSee(int maxForks, int maxForksToSee) {
        return maxForksToSee > maxForks ? ", " + maxForksToSee + " for a row too blind for a verdict" : "";
    }
}
