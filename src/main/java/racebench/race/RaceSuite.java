package racebench.race;

import racebench.report.RunDirectory;
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
 * One run of the race-proof suite into its run directory: jcstress in its own JVM, in up to
 * four rounds: the fixes and the seed's plain counter in the mode's settings, the broken fixes
 * in a fifth of its iterations ({@link #LOUD_SHARE}), the twins the fixes are proved against in
 * {@link #TWIN_FORKS} forks, and a second, five times longer round for a racy variant that showed
 * nothing (a race shows by chance, sample by sample); then verdicts, the race CSVs and the
 * console table. The race command and the nightly both run it.
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

    /**
     * Forks per configuration for a twin, against the mode's for everything else, each with at
     * least two iterations. The twin's rate in a configuration swings a thousandfold between
     * runs: with one actor interpreted and the other compiled it was 5e-3 in one run and 3e-6
     * in another, and with both interpreted the first iteration of a fork is the quiet one
     * (8e-6 against 0.1 to 0.2). Over four forks of two iterations the pooled rate, what a
     * fork of the configuration can be expected to show and what a fix's bound is set
     * against, is steadier; the extra round costs about 30 s of a quick run. It does
     * not remove the swing: in some runs all four forks of a configuration were quiet (see
     * README for how often quick mode proves every fix).
     */
    static final int TWIN_FORKS = 4;

    /**
     * A broken fix (a variant expected to race that is no fix's twin) runs a fifth of the
     * mode's iterations, in a round of its own: it only has to show its race, and it loses an
     * update every 10 to 300 samples (2 to 20 us of stress), so the mode's full iterations
     * bought nothing but time: 42 of a quick suite's 224 forks, about 35 s of it. Should it show
     * nothing, its retry round is the same as any racy variant's: the mode's iterations at five
     * times the time each.
     */
    static final int LOUD_SHARE = 5;

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
     */
    public record Request(String mode, List<String> tests, List<String> classPath, List<String> forkArgs,
                          String userCounter, Integer timeMillis, Integer iterations, boolean retry) {
    }

    /** The verdicts of a run; {@link #failed()} when jcstress could not run a configuration. */
    public record Outcome(List<VariantResult> verdicts, Duration took) {
        public boolean failed() {
            return verdicts.stream().anyMatch(r -> r.verdict() == Verdict.ERROR);
        }

        public boolean allAsExpected() {
            return verdicts.stream().allMatch(r -> r.verdict().isGood());
        }

        public List<VariantResult> unexpected() {
            return verdicts.stream().filter(r -> !r.verdict().isGood()).toList();
        }
    }

    private RaceSuite() {
    }

    public static Outcome run(Request request, RunDirectory run, PrintWriter console)
            throws IOException, InterruptedException, JcstressRunner.JcstressFailure {
        StressMode mode = StressMode.of(request.mode());
        List<String> tests = withTwins(request.tests());
        console.printf("racebench race: %d variant(s), jcstress mode %s, writing %s%n", tests.size(),
                request.mode(), run.path());
        if (tests.size() > request.tests().size()) {
            console.printf("  with the twins the fixes are proved against: %s%n", String.join(", ",
                    tests.subList(request.tests().size(), tests.size()).stream().map(Verdicts::simpleName).toList()));
        }
        console.flush();
        Progress progress = new Progress(console);
        Map<String, Double> stressSeconds = new java.util.HashMap<>();
        List<String> twins = tests.stream().filter(t -> tests.stream().anyMatch(f -> t.equals(Verdicts.twinTest(f))))
                .toList();
        int modeIterations = request.iterations() != null ? request.iterations() : mode.iterations();
        int loudIterations = Math.max(1, modeIterations / LOUD_SHARE);
        List<String> loud = loudIterations < modeIterations ? tests.stream()
                .filter(t -> !twins.contains(t) && isBrokenFix(t)).toList() : List.of();
        List<String> others = tests.stream().filter(t -> !twins.contains(t) && !loud.contains(t)).toList();
        List<OutcomeRow> rows = new ArrayList<>();
        if (!others.isEmpty()) {
            List<OutcomeRow> main = round(request, others, request.timeMillis(), request.iterations(), null, run, "",
                    progress);
            addStress(stressSeconds, main, mode.secondsPerFork(request.timeMillis(), request.iterations()));
            rows.addAll(main);
        }
        if (!loud.isEmpty()) {
            console.printf("broken fixes, %d iteration(s) per fork (they race within microseconds): %s%n",
                    loudIterations, String.join(", ", loud.stream().map(Verdicts::simpleName).toList()));
            List<OutcomeRow> loudRows = round(request, loud, request.timeMillis(), loudIterations, null, run,
                    "-broken", progress);
            addStress(stressSeconds, loudRows, mode.secondsPerFork(request.timeMillis(), loudIterations));
            rows.addAll(loudRows);
        }
        if (!twins.isEmpty()) {
            int iterations = Math.max(2, (request.iterations() != null ? request.iterations() : mode.iterations()) / 2);
            console.printf("twins, %d forks per configuration: %s%n", TWIN_FORKS * mode.forks(),
                    String.join(", ", twins.stream().map(Verdicts::simpleName).toList()));
            List<OutcomeRow> twinRows = round(request, twins, request.timeMillis(), iterations,
                    TWIN_FORKS * mode.forks(), run, "-twins", progress);
            addStress(stressSeconds, twinRows, mode.secondsPerFork(request.timeMillis(), iterations));
            rows.addAll(twinRows);
        }
        List<String> unproven = Verdicts.summarize(rows, request.userCounter()).stream()
                .filter(r -> r.verdict() == Verdict.NOT_REPRODUCED).map(VariantResult::test).toList();
        if (request.retry() && !unproven.isEmpty()) {
            int longer = 5 * (request.timeMillis() != null ? request.timeMillis()
                    : Math.max(mode.timeMillis(), StressMode.QUICK.timeMillis()));
            console.printf("%d racy variant(s) not reproduced yet; one more round at %d ms per iteration: %s%n",
                    unproven.size(), longer, String.join(", ", unproven.stream().map(Verdicts::simpleName).toList()));
            List<OutcomeRow> retry = round(request, unproven, longer, request.iterations(), null, run, "-retry",
                    progress);
            addStress(stressSeconds, retry, mode.secondsPerFork(longer, request.iterations()));
            rows.addAll(retry);
        }
        List<VariantResult> verdicts = Verdicts.summarize(rows, request.userCounter(), stressSeconds);
        Instant end = Instant.now();
        RaceReport.write(run, rows, verdicts, end);
        RaceReport.print(console, rows, verdicts,
                new RaceReport.Stress(mode, request.timeMillis(), request.iterations()));
        Duration took = Duration.between(run.started(), end).withNanos(0);
        console.printf("%nTook %s. Results in %s%n", racebench.report.Durations.pretty(took), run.path());
        racebench.report.html.RunReport.writeFor(run.path(), console);
        return new Outcome(verdicts, took);
    }

    /**
     * jcstress prints a line as results come in (at least one per configuration); silence for
     * this long plus four configurations' stress time means a fork hung (a JVM starts in about
     * a second here).
     */
    static final Duration SILENCE_BASE = Duration.ofSeconds(60);

    /**
     * Whether jcstress pre-touches each forked JVM's 256 MB heap (its default). Every fork pays
     * for it at start-up, and a quick suite starts 224 of them: one test's 14 quick forks took
     * 30.1 s with it and 26.6 s without (0.24 s a fork, about 55 s of a quick suite), and
     * jcstress counted no fewer samples without it (185 million against 143 million in that
     * pair). A lost update needs two actors overlapping, not a heap free of page faults.
     */
    static final boolean PRE_TOUCH_HEAP = false;

    /** The status of a round's tests when jcstress hung and was stopped. */
    static final String TIMEOUT = "TIMEOUT";

    private static List<OutcomeRow> round(Request request, List<String> tests, Integer time, Integer iterations,
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

    /** Adds each test's stress time in one round: its configurations there times the round's time per configuration. */
    private static void addStress(Map<String, Double> stressSeconds, List<OutcomeRow> round, double perConfiguration) {
        if (!(perConfiguration > 0)) {
            return;   // sanity mode's "time 0" is one short pass of unknown length: no estimate
        }
        Map<String, java.util.Set<String>> configurations = new java.util.HashMap<>();
        round.forEach(r -> configurations.computeIfAbsent(r.test(), t -> new java.util.HashSet<>()).add(r.configuration()));
        configurations.forEach((test, c) -> stressSeconds.merge(test, c.size() * perConfiguration, Double::sum));
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
