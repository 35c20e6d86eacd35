package racebench.race;

import racebench.results.RunDirectory;
import racebench.workload.counter.CounterKind;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One run of the race-proof suite into its run directory: jcstress in its own JVM, first the
 * fixes' twins, the fixes and the tutorials' plain counter, and the broken fixes
 * ({@link ProofFunding#first}); then looks at the evidence that measure only what a verdict
 * still lacks ({@link ProofFunding#next}) until every fix is PROVEN and every racy variant
 * REPRODUCED, the time budget is spent, or no round would gain more; then verdicts, the race
 * CSVs and the console table. The race command and the nightly both run it.
 */
public final class RaceSuite {

    /** The package of racebench's own jcstress tests. */
    public static final String SUITE_PREFIX = "racebench.stress.";

    /** Every jcstress test of the suite in this jar, the user-counter one included, sorted. */
    public static List<String> available() {
        return org.openjdk.jcstress.infra.runners.TestList.tests().stream().filter(t -> t.startsWith(SUITE_PREFIX))
                .sorted().toList();
    }

    /** The built-in variants: every test but the one that stresses a user's counter. */
    public static List<String> builtIn() {
        return available().stream().filter(t -> !Verdicts.isUserTest(t)).toList();
    }

    /** jcstress presets, weakest first. */
    public static final List<String> MODES = StressMode.labels();

    /**
     * @param mode        a jcstress preset from {@link #MODES}
     * @param tests       the fully qualified test names to run
     * @param classPath   the class path of jcstress's JVM (racebench's own plus a user's counter)
     * @param forkArgs    flags for every forked test JVM
     * @param userCounter the user's counter class, or null for the built-in variants
     * @param timeMillis  jcstress's time per iteration, or null for the mode's
     * @param iterations  jcstress's iterations per fork, or null for the mode's (a broken fix gets a fifth
     *                    of it, a twin half of it, at least one and two)
     * @param retry       whether an unreproduced racy variant gets a second round
     * @param budget      how long the run may take before it stops adding rounds, or null for the mode's
     *                    ({@link #defaultBudget}); the first rounds always run
     */
    public record Request(String mode, List<String> tests, List<String> classPath, List<String> forkArgs,
                          String userCounter, Integer timeMillis, Integer iterations, boolean retry, Duration budget) {
        /** The mode's own settings: its time, iterations and budget, a retry, racebench's own counters. */
        public static Request of(String mode, List<String> tests, List<String> classPath) {
            return new Request(mode, tests, classPath, List.of(), null, null, null, true, null);
        }

        /** The same request with jcstress's time per iteration and iterations per fork (null: the mode's). */
        public Request overriding(Integer timeMillis, Integer iterations) {
            return new Request(mode, tests, classPath, forkArgs, userCounter, timeMillis, iterations, retry, budget);
        }

        /** The same request with this budget (null: the mode's) and, unless {@code retry}, no second round for a racy variant. */
        public Request within(Duration budget, boolean retry) {
            return new Request(mode, tests, classPath, forkArgs, userCounter, timeMillis, iterations, retry, budget);
        }

        /** The same request stressing a user's counter, which every fork is told by {@code forkArgs}. */
        public Request forCounter(String userCounter, List<String> forkArgs) {
            return new Request(mode, tests, classPath, forkArgs, userCounter, timeMillis, iterations, retry, budget);
        }
    }

    /** The verdicts of a run; {@link #failed()} when jcstress could not run a configuration. */
    public record Outcome(List<VariantResult> verdicts, Duration took) {
        public boolean failed() {
            return judged().anyMatch(r -> r.verdict() == Verdict.ERROR);
        }

        public boolean allAsExpected() {
            return judged().allMatch(r -> r.verdict().isGood());
        }

        public List<VariantResult> unexpected() {
            return judged().filter(r -> !r.verdict().isGood()).toList();
        }

        /**
         * The verdicts the run stands on: all but a user's jcstress test run against its subject's
         * twin, which is evidence for the test's proof (a twin that crashed or hung leaves the test
         * SAFE_UNPROVEN), not a verdict on the user's code.
         */
        private java.util.stream.Stream<VariantResult> judged() {
            return verdicts.stream().filter(r -> Verdicts.isSuiteTest(r.test()) || !r.test().endsWith(Verdicts.TWIN_SUFFIX));
        }
    }

    private RaceSuite() {
    }

    /**
     * The race command: the suite measured into its own run directory, then its page and, unless
     * jcstress failed, complete.csv.
     */
    public static Outcome run(Request request, RunDirectory run, PrintWriter console)
            throws IOException, InterruptedException, JcstressRunner.JcstressFailure {
        return finish(measure(request, run, console), run, console);
    }

    /** A race run's end: its page, then complete.csv unless jcstress failed (a run whose tool failed is not complete). */
    static Outcome finish(Outcome outcome, RunDirectory run, PrintWriter console) throws IOException {
        if (outcome.failed()) {
            racebench.report.RunReport.writeFor(run.path(), console);
        } else {
            racebench.report.RunReport.finish(run, console, outcome.allAsExpected()
                    ? racebench.results.Completion.Status.OK : racebench.results.Completion.Status.FINDING, Map.of());
        }
        return outcome;
    }

    /** Runs the suite's rounds and writes its files and console tables into {@code run}, which another step finishes. */
    public static Outcome measure(Request request, RunDirectory run, PrintWriter console)
            throws IOException, InterruptedException, JcstressRunner.JcstressFailure {
        StressMode mode = StressMode.of(request.mode());
        List<String> tests = withTwins(request.tests());
        Duration budget = request.budget() != null ? request.budget() : defaultBudget(mode);
        console.printf("racebench race: %d variant(s), jcstress mode %s, %s, writing %s%n", tests.size(),
                request.mode(), budget == null ? "no time budget" : "budget " + racebench.results.Durations.pretty(budget),
                run.path());
        if (tests.size() > request.tests().size()) {
            console.printf("  with the twins the fixes are proved against: %s%n", String.join(", ",
                    tests.subList(request.tests().size(), tests.size()).stream().map(Verdicts::simpleName).toList()));
        }
        console.flush();
        RaceEvidence evidence = new RaceEvidence(mode, request.timeMillis(), request.iterations(),
                request.userCounter());
        Progress progress = new Progress(console);
        java.util.Set<String> suffixes = new java.util.HashSet<>();
        RaceEvidence.RoundRunner jcstress = round -> {
            if (round.why() != null) {
                console.printf("%s: %s%n", round.why(), String.join(", ",
                        round.tests().stream().map(Verdicts::simpleName).toList()));
                console.flush();
            }
            String suffix = round.suffix();
            for (int n = 2; !suffixes.add(suffix); n++) {
                suffix = round.suffix() + "-" + n;
            }
            long start = System.nanoTime();
            List<OutcomeRow> got = round(request, round.tests(), round.timeMillis(), round.iterations(), round.forks(),
                    run, suffix, progress);
            return new RaceEvidence.Ran(got, (System.nanoTime() - start) / 1e9);
        };
        for (ProofFunding.Round round : ProofFunding.first(tests, mode, request.timeMillis(), request.iterations())) {
            RaceEvidence.Ran ran = jcstress.run(round);
            evidence.add(round, ran.rows(), ran.seconds());
        }
        String stop = evidence.adapt(() -> budget == null ? Double.POSITIVE_INFINITY
                : (budget.toMillis() - Duration.between(run.started(), Instant.now()).toMillis()) / 1000.0,
                request.retry(), jcstress);
        List<VariantResult> verdicts = evidence.verdicts().stream()
                .sorted(java.util.Comparator.comparingInt(r -> tests.indexOf(r.test()))).toList();
        Instant end = Instant.now();
        RaceReport.write(run, evidence.rows(), verdicts, end);
        RaceReport.print(console, evidence.rows(), verdicts,
                new RaceReport.Stress(mode, request.timeMillis(), request.iterations()));
        Duration took = Duration.between(run.started(), end).withNanos(0);
        console.printf("%nStopped after %d round(s): %s.%n", evidence.rounds(), stop);
        verdicts.stream().filter(r -> r.verdict() == Verdict.SAFE_UNPROVEN && r.proof() != null).forEach(r ->
                console.printf("  %s: %s%n", r.variant(), r.proof().shortfall()));
        console.printf("Took %s. Results in %s%n", racebench.results.Durations.pretty(took), run.path());
        return new Outcome(verdicts, took);
    }

    /** The time a mode's run may take when the request names none: five minutes for the quick and sanity modes. */
    static Duration defaultBudget(StressMode mode) {
        return mode == StressMode.DEFAULT || mode == StressMode.TOUGH ? null : DEFAULT_BUDGET;
    }

    /** The quick suite's time budget, the nightly's race suite's too. */
    public static final Duration DEFAULT_BUDGET = Duration.ofMinutes(5);

    /**
     * jcstress prints a line as results come in (at least one per configuration); silence for
     * this long plus four configurations' stress time means a fork hung.
     */
    static final Duration SILENCE_BASE = Duration.ofSeconds(60);

    /**
     * Whether jcstress pre-touches each forked JVM's heap (its default): off, since every fork
     * pays for it at start-up and a lost update needs overlapping actors, not a heap free of
     * page faults.
     */
    static final boolean PRE_TOUCH_HEAP = false;

    /** The status of a round's tests when jcstress hung and was stopped. */
    static final String TIMEOUT = "TIMEOUT";

    static List<OutcomeRow> round(Request request, List<String> tests, Integer time, Integer iterations,
                                          Integer forks, RunDirectory run, String suffix, Progress progress)
            throws IOException, InterruptedException, JcstressRunner.JcstressFailure {
        List<String> jcstressArgs = new ArrayList<>(List.of("-m", request.mode(), "-t", exactly(tests),
                "-pth", Boolean.toString(PRE_TOUCH_HEAP)));
        if (time != null) {
            jcstressArgs.addAll(List.of("-time", time.toString()));
        }
        if (iterations != null) {
            jcstressArgs.addAll(List.of("-iters", iterations.toString()));
        }
        if (forks != null) {
            jcstressArgs.addAll(List.of("-f", forks.toString()));
        }
        // a whole configuration's forks, not one fork: tough mode's ten forks of a configuration may report together
        double perConfiguration = StressMode.of(request.mode()).secondsPerConfiguration(time, iterations);
        Duration silenceLimit = SILENCE_BASE.plusMillis((long) (4_000 * perConfiguration));
        JcstressRunner.Request r = new JcstressRunner.Request(request.classPath(), jcstressArgs, request.forkArgs(),
                run.resolve("jcstress-report" + suffix), run.resolve("jcstress" + suffix + ".log"), silenceLimit);
        try {
            return JcstressRunner.run(r, progress::accept);
        } catch (JcstressRunner.Silent e) {
            // no result for any test of the round: each is an ERROR, with the reason in its status
            progress.note(e.getMessage());
            return timedOut(tests, e.getMessage());
        }
    }

    /** A round that jcstress did not finish: one row per test, no samples, status TIMEOUT. */
    static List<OutcomeRow> timedOut(List<String> tests, String why) {
        return tests.stream().map(t -> new OutcomeRow(t, "", "", 0, TIMEOUT, "", "", 0, why)).toList();
    }

    /**
     * A variant expected to race that is no fix's twin: a twin selected without its fix
     * (--tests RacyVolatile) keeps the mode's iterations, its rate is what the proofs rest on.
     */
    static boolean isBrokenFix(String test) {
        String variant = Verdicts.simpleName(test);
        if (variant.equals(Verdicts.USER_VARIANT) || variant.equals(Verdicts.USER_TWIN_VARIANT)) {
            return false;
        }
        CounterKind kind = CounterKind.ofVariant(variant);
        return kind.expect() == CounterKind.Expectation.RACY
                && java.util.Arrays.stream(CounterKind.values()).noneMatch(k -> k.twin() == kind);
    }

    /** The tests with the twin of every fix among them added at the end, so that each fix is proved in the same run. */
    public static List<String> withTwins(List<String> tests) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(tests);
        for (String test : tests) {
            String twin = Verdicts.twinTest(test, tests); // the user's counter's own twin when selected
            if (twin != null) {
                all.add(twin);
            }
        }
        return List.copyOf(all);
    }

    /** A jcstress -t regex that selects exactly these tests and nothing else. */
    public static String exactly(List<String> tests) {
        return "^(" + String.join("|", tests.stream().map(Pattern::quote).toList()) + ")$";
    }

    /**
     * Shows jcstress's progress as one line at most every ten seconds instead of its
     * five-line blocks, plus any test it reports as failed or in error.
     */
    static final class Progress {
        private static final long EVERY_NANOS = 10_000_000_000L;
        private final PrintWriter console;
        private String eta = "";
        private long lastPrinted = System.nanoTime() - EVERY_NANOS;

        Progress(PrintWriter console) {
            this.console = console;
        }

        void note(String line) {
            console.println("  [racebench] " + line);
            console.flush();
        }

        void accept(String line) {
            if (line.startsWith("(ETA:")) {
                eta = line.substring(1, line.length() - 1);
            } else if (line.startsWith("(Results:")) {
                long now = System.nanoTime();
                if (now - lastPrinted >= EVERY_NANOS || eta.equals("ETA: now")) {
                    lastPrinted = now;
                    console.printf(Locale.ROOT, "  [jcstress] %s; %s%n", line.substring(1, line.length() - 1), eta);
                    console.flush();
                }
            } else if (line.startsWith(".......... [") && !line.startsWith(".......... [OK]")) {
                console.println("  " + line.substring(11));
            } else if (line.startsWith("FATAL")) {
                console.println("  [jcstress] " + line);
            }
        }
    }
}
