package racebench.race;

import racebench.report.RunDirectory;

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
 * One run of the race-proof suite into its run directory: jcstress in its own JVM over the
 * selected tests, a second, five times longer round for a racy variant that showed nothing
 * (a race shows by chance, sample by sample), then verdicts, the race CSVs and the console
 * table. The race command and the nightly both run it.
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
        return available().stream().filter(t -> !t.endsWith("." + Verdicts.USER_VARIANT)).toList();
    }

    /** jcstress presets, weakest first. */
    public static final List<String> MODES = List.of("sanity", "quick", "default", "tough");

    /** jcstress's time per iteration for each mode (Options in jcstress 0.16). */
    private static final Map<String, Integer> MODE_TIME_MILLIS =
            Map.of("sanity", 200, "quick", 200, "default", 1000, "tough", 1000);

    /**
     * @param mode        a jcstress preset from {@link #MODES}
     * @param tests       the fully qualified test names to run
     * @param classPath   the class path of jcstress's JVM (racebench's own plus a user's counter)
     * @param forkArgs    flags for every forked test JVM
     * @param userCounter the user's counter class, or null for the built-in variants
     * @param timeMillis  jcstress's time per iteration, or null for the mode's
     * @param iterations  jcstress's iterations per fork, or null for the mode's
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
        console.printf("racebench race: %d variant(s), jcstress mode %s, writing %s%n", request.tests().size(),
                request.mode(), run.path());
        console.flush();
        Progress progress = new Progress(console);
        List<OutcomeRow> rows = new ArrayList<>(round(request, request.tests(), request.timeMillis(), run, "", progress));
        List<String> unproven = Verdicts.summarize(rows, request.userCounter()).stream()
                .filter(r -> r.verdict() == Verdict.NOT_REPRODUCED).map(VariantResult::test).toList();
        if (request.retry() && !unproven.isEmpty()) {
            int longer = 5 * (request.timeMillis() != null ? request.timeMillis()
                    : MODE_TIME_MILLIS.getOrDefault(request.mode(), 200));
            console.printf("%d racy variant(s) not reproduced yet; one more round at %d ms per iteration: %s%n",
                    unproven.size(), longer, String.join(", ", unproven.stream().map(Verdicts::simpleName).toList()));
            rows.addAll(round(request, unproven, longer, run, "-retry", progress));
        }
        List<VariantResult> verdicts = Verdicts.summarize(rows, request.userCounter());
        Instant end = Instant.now();
        RaceReport.write(run, rows, verdicts, end);
        RaceReport.print(console, rows, verdicts);
        Duration took = Duration.between(run.started(), end).withNanos(0);
        console.printf("%nTook %s. Results in %s%n", took, run.path());
        console.flush();
        return new Outcome(verdicts, took);
    }

    private static List<OutcomeRow> round(Request request, List<String> tests, Integer time, RunDirectory run,
                                          String suffix, Progress progress)
            throws IOException, InterruptedException, JcstressRunner.JcstressFailure {
        List<String> jcstressArgs = new ArrayList<>(List.of("-m", request.mode(), "-t", exactly(tests)));
        if (time != null) {
            jcstressArgs.addAll(List.of("-time", time.toString()));
        }
        if (request.iterations() != null) {
            jcstressArgs.addAll(List.of("-iters", request.iterations().toString()));
        }
        JcstressRunner.Request r = new JcstressRunner.Request(request.classPath(), jcstressArgs, request.forkArgs(),
                run.resolve("jcstress-report" + suffix), run.resolve("jcstress" + suffix + ".log"));
        return JcstressRunner.run(r, progress::accept);
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
