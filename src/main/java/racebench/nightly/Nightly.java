package racebench.nightly;

import racebench.bench.BenchRun;
import racebench.bench.Build;
import racebench.bench.JmhJar;
import racebench.bench.RowId;
import racebench.bench.Side;
import racebench.bench.Profile;
import racebench.bench.RowSpreads;
import racebench.bench.RunComparison;
import racebench.race.JcstressRunner;
import racebench.race.RaceSuite;
import racebench.race.VariantResult;
import racebench.results.Completion;
import racebench.results.RunDirectory;
import racebench.stats.AlarmBudget;
import racebench.stats.Change;
import racebench.stats.Comparison;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The nightly job, start to end, within one time budget: the race-proof suite first, in the
 * strongest jcstress mode that fits, then the benchmark profile with what is left, then the
 * comparison with the baseline, and one summary. The night fails (exit 1) on an unexpected
 * race verdict or a regression, and only then.
 *
 * <p>The baseline is the build of the newest baseline night, measured tonight beside tonight's
 * build, fork by fork ({@link Builds}, {@link racebench.bench.AdaptiveMeasurement}), so the
 * machine's drift over the hours between nights cannot pass for a change of the build. When no
 * baseline night has a stored build (the first nights, or racebench run from class
 * directories) the baseline is the pooled forks of the baseline nights, after
 * {@link MachineCheck}.
 */
public final class Nightly {

    private static final NightlyPolicy POLICY = NightlyPolicy.DEFAULT;

    /**
     * @param profile   the benchmark profile
     * @param selector  JMH's include pattern
     * @param budget    the whole night's time budget, race suite included
     * @param raceMode  the jcstress mode, or null to choose by budget; "none" skips the race suite
     * @param raceTests the race suite's tests
     * @param classPath racebench's class path, for jcstress's JVM
     * @param criteria  the comparison's alpha and noise threshold
     * @param benchmarks a user's JMH jar whose benchmarks the night measures instead of racebench's own
     *                  ({@code selector} then selects among them), stored night by night as its builds
     */
    public record Options(Profile profile, String selector, Duration budget, String raceMode, List<String> raceTests,
                          List<String> classPath, Comparison.Criteria criteria, Optional<JmhJar> benchmarks) {

        public Options(Profile profile, String selector, Duration budget, String raceMode, List<String> raceTests,
                       List<String> classPath, Comparison.Criteria criteria) {
            this(profile, selector, budget, raceMode, raceTests, classPath, criteria, Optional.empty());
        }

        /** The same night, of a user's benchmarks. */
        public Options with(JmhJar jar) {
            return new Options(profile, selector, budget, raceMode, raceTests, classPath, criteria, Optional.of(jar));
        }

        /** The built-in race suite on this JVM's class path. */
        public static Options of(Profile profile, String selector, Duration budget, String raceMode,
                                 Comparison.Criteria criteria) {
            return new Options(profile, selector, budget, raceMode, RaceSuite.builtIn(),
                    List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)), criteria);
        }
    }

    /** A nightly's options and where it runs: the results directory and the baseline (empty: the pooled auto one). */
    public record Request(Options options, Path results, Optional<Path> baseline, int baselineRuns) {
    }

    /** Bad input found before anything was measured: one line, exit 2. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * What the night found; {@code failedRows}: the benchmark rows whose fork failed tonight
     * ("row: first line of the error"), a finding like a regression, though the other rows are
     * judged and the night is complete.
     */
    public record Outcome(Optional<RaceSuite.Outcome> race, Optional<RunComparison.Result> comparison,
                          boolean toolFailed, List<String> failedRows) {
        public Outcome(Optional<RaceSuite.Outcome> race, Optional<RunComparison.Result> comparison, boolean toolFailed) {
            this(race, comparison, toolFailed, List.of());
        }

        public boolean finding() {
            return race.map(r -> !r.allAsExpected()).orElse(false)
                    || comparison.map(RunComparison.Result::hasRegression).orElse(false) || !failedRows.isEmpty();
        }
    }

    private Nightly() {
    }

    /** The jcstress mode a budget affords, unless one is given. */
    static String raceMode(String requested, Duration budget) {
        if (requested != null) {
            return requested;
        }
        return budget.compareTo(POLICY.quickRaceNeeds()) >= 0 ? "quick" : "sanity";
    }

    /**
     * The whole night: the named baseline checked before anything is written, the lock taken
     * (refused at once when another nightly holds it), the pooled baseline chosen, a new run
     * directory, and {@link #run}.
     */
    public static Outcome night(Request request, PrintWriter console)
            throws IOException, InterruptedException, Refused, JcstressRunner.JcstressFailure, BenchRun.JmhFailure {
        Options o = request.options();
        Fingerprint here = Fingerprint.here(o.profile(), o.selector());
        Path given = null;
        if (request.baseline().isPresent()) {
            try {
                given = Baselines.given(request.baseline().get(), here);
            } catch (IllegalArgumentException e) {
                throw new Refused(e.getMessage());
            }
        }
        try (NightlyLock lock = NightlyLock.acquire(request.results())) {
            List<Path> candidates = given != null ? List.of(given)
                    : Baselines.auto(request.results(), here, POLICY.candidates(request.baselineRuns()),
                    note -> console.println("racebench: " + note));
            RunDirectory run = RunDirectory.create(request.results(), "nightly", Instant.now());
            return run(o, request.results(), run, candidates, request.baselineRuns(), here, console);
        } catch (NightlyLock.Busy e) {
            throw new Refused(e.getMessage());
        }
    }

    /**
     * Runs the night into {@code run} against the pooled newest {@code baselineRuns} of
     * {@code candidates} (none on the first night) that ran on a machine like tonight's
     * ({@link MachineCheck}), appends it to history.csv in {@code results}, and marks the run
     * complete last: the race suite, the benchmarks beside a base build, the judge, the history,
     * the summary.
     */
    public static Outcome run(Options o, Path results, RunDirectory run, List<Path> candidates, int baselineRuns,
                              Fingerprint here, PrintWriter console)
            throws IOException, InterruptedException, JcstressRunner.JcstressFailure, BenchRun.JmhFailure {
        Instant start = Instant.now();
        Optional<RaceSuite.Outcome> race = raceSuite(o, run, console);
        Duration left = o.budget().minus(Duration.between(start, Instant.now())).minus(POLICY.reserve());
        if (left.compareTo(Duration.ofMinutes(1)) < 0) {
            left = Duration.ofMinutes(1);
        }
        console.printf("%n");
        Optional<String> build = Builds.store(results, o.benchmarks().map(JmhJar::classPath).orElse(o.classPath()));
        // the night's builds run from private copies, checked against their names: nothing in the
        // results directory is run, whoever else can write there (removed when the command ends)
        Path copies = racebench.process.PrivateFiles.temporaryDir("racebench-builds-");
        Against against = against(results, candidates, copies, console);
        // what each row resolves, from its spread in the nights before tonight: never from tonight's forks;
        // it also says how many pairs a row needs to see a 50% change, so tonight's pairs go where they tell
        Map<racebench.bench.RowId, Double> spreads = against.base().isPresent()
                ? RowSpreads.of(candidates.stream().limit(baselineRuns).toList()) : Map.of();
        BenchRun.Measured measured = measure(o, results, copies, run, left, against.base(), build, spreads, console);
        if (against.base().isPresent() && measured.baseSamples().isEmpty()) { // e.g. a build of another JMH version
            console.printf("racebench: the base build %s ran no fork (%s); judged against the baseline nights' own "
                    + "forks instead%n", against.base().get().build().shortName(),
                    measured.baseFailure().orElse("no result"));
            against = new Against(Optional.empty(), List.of());
        }
        Judged judged = judge(o, run, candidates, baselineRuns, against, spreads, console);
        Outcome outcome = new Outcome(race, judged.comparison(), race.map(RaceSuite.Outcome::failed).orElse(false),
                measured.failures());
        List<Trends.Shift> shifts = remember(results, run, here, measured, judged.comparison(), console);
        summary(console, outcome, against.base(), judged.machine(), o, Duration.between(start, Instant.now()));
        recentShifts(console, shifts, run);
        finish(results, run, outcome, build, against, here, baselineRuns, console);
        return outcome;
    }

    /** The race suite in the mode the budget allows, into the night's directory; empty when its mode is none. */
    private static Optional<RaceSuite.Outcome> raceSuite(Options o, RunDirectory run, PrintWriter console)
            throws IOException, InterruptedException, JcstressRunner.JcstressFailure {
        String mode = raceMode(o.raceMode(), o.budget());
        if (mode.equals("none")) {
            return Optional.empty();
        }
        RaceSuite.Request request = RaceSuite.Request.of(mode, o.raceTests(), o.classPath());
        return Optional.of(RaceSuite.measure(request, run, console));
    }

    /**
     * What tonight is measured against: the newest candidate night's stored build, when there is
     * one, and the nights since a SUSPECT night that measured the same build (their evidence adds up
     * with tonight's).
     */
    record Against(Optional<Builds.Base> base, List<Path> earlier) {
    }

    private static Against against(Path results, List<Path> candidates, Path copies, PrintWriter console)
            throws IOException {
        Watch.Split split = Watch.split(candidates, AlarmBudget.DEFAULT);
        Optional<Builds.Base> base = Builds.newest(results, split.rest(), copies,
                note -> console.println("racebench: " + note));
        List<Path> earlier = base.map(b -> Watch.against(split.watched(), b.build().name())).orElse(List.of());
        base.ifPresent(b -> {
            if (!split.watched().isEmpty()) {
                console.printf("racebench: base build %s again: %d night(s) since suspected a change, whose evidence "
                        + "adds up with tonight's%n", b.build().shortName(), earlier.size());
            }
        });
        return new Against(base, earlier);
    }

    /** Tonight's comparison (none on a first night) and the machine check that chose its baseline nights. */
    record Judged(Optional<RunComparison.Result> comparison, MachineCheck.Selection machine) {
    }

    /**
     * Judges tonight: against the base build's forks measured beside tonight's, or else against the
     * baseline nights the machine check lets in; writes compare.csv (and machine-check.csv).
     */
    static Judged judge(Options o, RunDirectory run, List<Path> candidates, int baselineRuns, Against against,
                                Map<racebench.bench.RowId, Double> spreads, PrintWriter console) throws IOException {
        Optional<RunComparison.Result> comparison = Optional.empty();
        MachineCheck.Selection machine = new MachineCheck.Selection(List.of(), List.of());
        if (against.base().isPresent()) {
            comparison = Optional.of(RunComparison.compareWithin(run.path(), o.criteria(), spreads, against.earlier()));
        } else {
            machine = MachineCheck.select(candidates, run.path(), baselineRuns, o.criteria());
            if (!candidates.isEmpty()) {
                MachineCheck.write(machine, run.resolve(MachineCheck.FILE));
            }
            machine.refused().forEach(n -> console.println("racebench: not a baseline tonight, another machine: "
                    + n.describe()));
            if (!machine.baselines().isEmpty()) {
                comparison = Optional.of(RunComparison.compare(machine.baselines(), run.path(), o.criteria(),
                        RowSpreads.of(machine.baselines()))); // the nights the machine check let in, no others
            }
        }
        if (comparison.isPresent()) {
            RunComparison.write(comparison.get(), run.resolve("compare.csv"));
        }
        return new Judged(comparison, machine);
    }

    /** Appends tonight to history.csv and searches it for change points (written to change-points.csv). */
    private static List<Trends.Shift> remember(Path results, RunDirectory run, Fingerprint here,
                                               BenchRun.Measured measured, Optional<RunComparison.Result> comparison,
                                               PrintWriter console) throws IOException {
        String commit = racebench.results.Environment.gitCommit(racebench.results.Environment.projectDir())
                .orElse("unknown");
        History.append(results, run.path().getFileName().toString(), run.started(), here, commit, measured.samples(),
                comparison).ifPresent(aside -> console.printf(
                "racebench: %s could not be read whole; the file as it was is kept as %s%n",
                results.resolve(History.FILE), aside));
        List<Trends.Shift> shifts;
        try {
            shifts = Trends.find(results.resolve(History.FILE), here);
        } catch (IOException | RuntimeException e) { // a damaged history costs the trend, not the night
            console.printf("racebench: no change-point search: %s is unreadable (%s)%n", results.resolve(History.FILE),
                    e.getMessage());
            shifts = List.of();
        }
        Trends.write(run.resolve("change-points.csv"), shifts);
        return shifts;
    }

    /**
     * The night's page and, unless a tool failed, complete.csv with the facts later nights read
     * (regression, build, the watch), then the builds no later night can take a base from pruned.
     */
    static void finish(Path results, RunDirectory run, Outcome outcome, Optional<String> build,
                               Against against, Fingerprint here, int baselineRuns, PrintWriter console)
            throws IOException {
        if (outcome.toolFailed()) {
            racebench.report.RunReport.writeFor(run.path(), console);
            return;
        }
        Optional<RunComparison.Result> comparison = outcome.comparison();
        java.util.Map<String, String> facts = new java.util.HashMap<>();
        facts.put(Baselines.REGRESSION_FACT, Boolean.toString(comparison.map(RunComparison.Result::hasRegression)
                .orElse(false)));
        build.ifPresent(b -> facts.put(Builds.FACT, b));
        if (against.base().isPresent() && comparison.isPresent()) {
            Watch.facts(facts, against.base().get().build().name(), comparison.get().count(Change.SUSPECT),
                    1 + against.earlier().size());
        }
        racebench.report.RunReport.finish(run, console,
                outcome.finding() ? Completion.Status.FINDING : Completion.Status.OK, facts);
        // the builds later nights may take a base from: those of the nights they may choose among, as they choose
        Builds.prune(results, Baselines.auto(results, here, POLICY.candidates(baselineRuns), note -> { }),
                run.started());
    }

    /**
     * Tonight's forks, beside the base build's when there is one: racebench's own benchmarks in
     * this JVM's JMH, or a user's ({@link Options#benchmarks}) each side in JMH hosts of its own,
     * tonight's and the base's from their private copies.
     */
    private static BenchRun.Measured measure(Options o, Path results, Path copies, RunDirectory run, Duration left,
                                             Optional<Builds.Base> base, Optional<String> build,
                                             Map<RowId, Double> spreads, PrintWriter console)
            throws IOException, BenchRun.JmhFailure {
        Optional<Build> self = build.isPresent() ? Optional.of(Builds.privateCopy(results, build.get(), copies))
                : Optional.empty();
        if (o.benchmarks().isEmpty()) {
            return BenchRun.measure(console, o.profile(), o.selector(), left, run, base.map(Builds.Base::build), self,
                    spreads);
        }
        JmhJar tonight = base.isPresent() && self.isPresent() ? new JmhJar(self.get().classPath()) : o.benchmarks().get();
        Side mine = new Side("new", tonight, Side.currentJava(), List.of());
        Optional<Side> theirs = base.map(b -> new Side("base", new JmhJar(b.build().classPath()), Side.currentJava(),
                List.of()));
        List<racebench.bench.BenchCase> cases = BenchRun.userCases(o.benchmarks().get(), o.selector(), Map.of());
        return BenchRun.measureNightly(console, o.profile(), o.selector(), cases, mine, theirs,
                base.map(Builds.Base::build), spreads, left, run);
    }

    /** The night in a few lines: the race verdicts, what regressed, improved or could not tell, the time. */
    static void summary(PrintWriter console, Outcome outcome, Optional<Builds.Base> base, MachineCheck.Selection machine,
                        Options o, Duration took) {
        List<Path> baselines = machine.baselines();
        String against = base.map(b -> "build " + b.build().shortName() + " (of " + b.night().getFileName()
                        + ") measured beside tonight's, fork by fork")
                .orElse(baselines.size() == 1 ? baselines.getFirst().getFileName().toString()
                        : "the pooled forks of " + baselines.size() + " nightlies");
        console.printf("%n== nightly summary ==%n");
        console.println(headline(outcome));
        outcome.race().ifPresentOrElse(r -> {
            List<VariantResult> bad = r.unexpected();
            long fixes = r.verdicts().stream().filter(v -> v.proof() != null).count();
            long proven = r.verdicts().stream().filter(v -> v.verdict() == racebench.race.Verdict.PROVEN).count();
            console.printf(Locale.ROOT, "race suite: %d variant(s), %s; %d of %d lost-update-free fixes PROVEN "
                            + "against their twins%n", r.verdicts().size(),
                    bad.isEmpty() ? "every verdict as expected" : bad.size() + " unexpected", proven, fixes);
            bad.forEach(v -> console.printf("  %-12s %s%n", v.verdict(), v.test()));
        }, () -> console.printf("race suite: not run%n"));
        outcome.comparison().ifPresentOrElse(c -> {
            List<String> lines = c.lines();
            console.printf("benchmarks against %s: %s%n", against, lines.getFirst());
            lines.subList(1, lines.size()).forEach(console::println);
        }, () -> {
            if (machine.withheld()) {
                console.printf(Locale.ROOT, "benchmarks: not judged: the machine differs from every baseline night "
                        + "(%d looked at; %s); no alarm either way, and this night may be the baseline of nights on a "
                        + "machine like it%n", machine.nights().size(), machine.refused().getFirst().describe());
            } else {
                console.printf("benchmarks: no baseline yet; this run is the first of the history%n");
            }
        });
        if (!outcome.failedRows().isEmpty()) {
            console.printf("benchmarks: %d row(s) failed tonight, no verdict for them (see jmh.log):%n",
                    outcome.failedRows().size());
            outcome.failedRows().forEach(f -> console.printf("  FAILED       %s%n", f));
        }
        console.printf(Locale.ROOT, "took %s of a %s budget%n", racebench.results.Durations.pretty(took), racebench.results.Durations.pretty(o.budget()));
        console.flush();
    }

    /**
     * The night in one line: its alarms (and how many came from evidence over nights), its SUSPECT
     * rows, failed rows and the race suite, what a reader of the log looks at first.
     */
    static String headline(Outcome outcome) {
        List<RunComparison.Row> rows = outcome.comparison().map(RunComparison.Result::rows).orElse(List.of());
        long alarms = rows.stream().filter(r -> !r.alarmFrom().isEmpty()).count();
        long regressions = rows.stream().filter(r -> r.verdict() == Change.REGRESSION).count();
        long byNights = rows.stream().filter(r -> r.alarmFrom().equals("nights")).count();
        long suspect = rows.stream().filter(r -> r.verdict() == Change.SUSPECT).count();
        String race = outcome.race().map(r -> r.unexpected().isEmpty() ? "race suite as expected"
                : r.unexpected().size() + " unexpected race verdict(s)").orElse("race suite not run");
        return String.format(Locale.ROOT, "%s: %d alarm(s) (%d REGRESSION, %d from evidence over nights), %d SUSPECT, "
                        + "%d failed row(s); %s", outcome.finding() ? "FINDING" : "OK", alarms, regressions, byNights,
                suspect, outcome.failedRows().size(), race);
    }

    /** Change points at one of the last nights, newest history first: informational, they do not fail the night. */
    static void recentShifts(PrintWriter console, List<Trends.Shift> shifts, RunDirectory run) {
        List<Trends.Shift> recent = shifts.stream().filter(s -> s.point().index() >= s.nights() - 5).toList();
        console.printf("change points in history.csv (E-divisive, p < 0.001; last 50 nights): %d in all, %d in the last 5 "
                + "nights%s%n", shifts.size(), recent.size(), recent.isEmpty() ? "" : ":");
        recent.forEach(s -> console.printf(Locale.ROOT, "  %s %s from %s: %.4g -> %.4g (%+.1f%%)%n", s.benchmark(),
                s.params(), s.run(), s.point().meanBefore(), s.point().meanAfter(), 100 * (s.point().ratio() - 1)));
        console.printf("Results in %s%n", run.path());
        console.flush();
    }
}
