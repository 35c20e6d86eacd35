package racebench.cli;

import org.openjdk.jcstress.infra.runners.TestList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import racebench.race.JcstressRunner;
import racebench.race.OutcomeRow;
import racebench.race.RaceReport;
import racebench.race.UserCounterCheck;
import racebench.race.VariantResult;
import racebench.race.Verdict;
import racebench.race.Verdicts;
import racebench.report.RunDirectory;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code ./racebench race}: reproduce the lost update and prove every fix with jcstress. */
@Command(name = "race", mixinStandardHelpOptions = true,
        description = "Run the jcstress race-proof suite: every racy and broken counter must show the lost update, "
                + "every fix must show none. Writes results/<UTC time>-race/ with race.csv, race-outcomes.csv, "
                + "race-configurations.csv, environment.csv and jcstress's HTML report.")
public final class RaceCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static final String SUITE_PREFIX = "racebench.stress.";

    @Option(names = "--mode", defaultValue = "quick", paramLabel = "MODE", converter = ModeConverter.class,
            description = "jcstress preset: sanity, quick, default or tough (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--tests", paramLabel = "REGEX",
            description = "Run only the variants whose test name matches (find, not full match), e.g. 'Racy|Synchronized'.")
    String tests;

    @Option(names = "--counter", paramLabel = "FQCN",
            description = "Stress your own SharedCounter instead of the built-in variants; needs --classpath.")
    String counter;

    @Option(names = "--classpath", paramLabel = "PATH",
            description = "Where --counter's class is: directories and jars, separated by ':' (';' on Windows).")
    String classPath;

    @Option(names = "--out", paramLabel = "DIR", description = "Results directory (default: results/ in the project).")
    Path out;

    @Option(names = "--time", paramLabel = "MS", description = "Override jcstress's time per iteration, in ms.")
    Integer timeMillis;

    @Option(names = "--iterations", paramLabel = "N", description = "Override jcstress's iterations per fork.")
    Integer iterations;

    @Option(names = "--no-retry", description = "Call a racy variant NOT_REPRODUCED after one round. By default it "
            + "gets one more round, five times longer, first: a race shows by chance, sample by sample.")
    boolean noRetry;

    /** jcstress's time per iteration for each mode (Options in jcstress 0.16); sanity's 0 means "one stride". */
    private static final java.util.Map<String, Integer> MODE_TIME_MILLIS =
            java.util.Map.of("sanity", 200, "quick", 200, "default", 1000, "tough", 1000);

    private List<OutcomeRow> round(List<String> classPath, List<String> forkArgs, List<String> tests, Integer time,
                                   RunDirectory run, String suffix, Progress progress)
            throws IOException, InterruptedException {
        List<String> jcstressArgs = new ArrayList<>(List.of("-m", mode, "-t", exactly(tests)));
        if (time != null) {
            jcstressArgs.addAll(List.of("-time", time.toString()));
        }
        if (iterations != null) {
            jcstressArgs.addAll(List.of("-iters", iterations.toString()));
        }
        JcstressRunner.Request request = new JcstressRunner.Request(classPath, jcstressArgs, forkArgs,
                run.resolve("jcstress-report" + suffix), run.resolve("jcstress" + suffix + ".log"));
        try {
            return JcstressRunner.run(request, progress::accept);
        } catch (JcstressRunner.JcstressFailure e) {
            throw new ToolFailure(e.getMessage(), e);
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter console = spec.commandLine().getOut();
        List<String> childClassPath = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        List<String> forkArgs = new ArrayList<>();
        if (counter != null || this.classPath != null) {
            if (counter == null || this.classPath == null) {
                throw new BadInput("--counter and --classpath go together: give both");
            }
            try {
                childClassPath.addAll(UserCounterCheck.check(counter, this.classPath));
            } catch (IllegalArgumentException e) {
                throw new BadInput(e.getMessage());
            }
            forkArgs.add("-Dracebench.counter=" + counter);
        }
        positive("--time", timeMillis);
        positive("--iterations", iterations);
        List<String> selected = select(available(), tests, counter != null);
        Path results = Results.directory(out);
        RunDirectory run = Results.create(results, "race");

        console.printf("racebench race: %d variant(s), jcstress mode %s, writing %s%n", selected.size(), mode, run.path());
        Progress progress = new Progress(console);
        List<OutcomeRow> rows = new ArrayList<>(round(childClassPath, forkArgs, selected, timeMillis, run, "", progress));

        // A race is a matter of chance per sample: a racy variant that showed nothing gets one
        // more round with five times the time per iteration before it is called NOT_REPRODUCED.
        List<String> unproven = Verdicts.summarize(rows, counter).stream()
                .filter(r -> r.verdict() == Verdict.NOT_REPRODUCED).map(VariantResult::test).toList();
        if (!noRetry && !unproven.isEmpty()) {
            int longer = 5 * (timeMillis != null ? timeMillis : MODE_TIME_MILLIS.getOrDefault(mode, 200));
            console.printf("%d racy variant(s) not reproduced yet; one more round at %d ms per iteration: %s%n",
                    unproven.size(), longer, String.join(", ", unproven.stream().map(Verdicts::simpleName).toList()));
            rows.addAll(round(childClassPath, forkArgs, unproven, longer, run, "-retry", progress));
        }
        List<VariantResult> verdicts = Verdicts.summarize(rows, counter);
        Instant end = Instant.now();
        RaceReport.write(run, rows, verdicts, end);
        RaceReport.print(console, rows, verdicts);
        console.printf("%nTook %s. Results in %s%n", Duration.between(run.started(), end).withNanos(0), run.path());
        if (verdicts.stream().anyMatch(r -> r.verdict() == Verdict.ERROR)) {
            return ExitCodes.TOOL;
        }
        return verdicts.stream().allMatch(r -> r.verdict().isGood()) ? ExitCodes.OK : ExitCodes.FINDING;
    }

    private static void positive(String option, Integer value) {
        if (value != null && value <= 0) {
            throw new BadInput(option + " must be positive, got " + value);
        }
    }

    static List<String> available() {
        return TestList.tests().stream().filter(t -> t.startsWith(SUITE_PREFIX)).sorted().toList();
    }

    /** The suite's tests that --tests selects; the user's counter test only with --counter. */
    static List<String> select(List<String> available, String regex, boolean userCounter) {
        Pattern pattern;
        try {
            pattern = regex == null ? null : Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new BadInput("--tests is not a valid regular expression: " + e.getDescription() + " in '" + regex + "'");
        }
        List<String> selected = available.stream()
                .filter(t -> userCounter == t.endsWith("." + Verdicts.USER_VARIANT))
                .filter(t -> pattern == null || pattern.matcher(t).find())
                .toList();
        if (selected.isEmpty()) {
            throw new BadInput("--tests '" + regex + "' matches no test; the suite has: "
                    + String.join(", ", available.stream().map(t -> t.substring(t.lastIndexOf('.') + 1)).toList()));
        }
        return selected;
    }

    /** A jcstress -t regex that selects exactly these tests and nothing else. */
    static String exactly(List<String> tests) {
        return "^(" + String.join("|", tests.stream().map(Pattern::quote).toList()) + ")$";
    }

    /**
     * Shows jcstress's progress as one line at most every few seconds instead of its
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
                    console.printf("  [jcstress] %s; %s%n", line.substring(1, line.length() - 1), eta);
                }
            } else if (line.startsWith(".......... [") && !line.startsWith(".......... [OK]")) {
                console.println("  " + line.substring(11));
            } else if (line.startsWith("FATAL")) {
                console.println("  [jcstress] " + line);
            }
        }
    }

    /** picocli converter so an unknown mode is a one-line usage error naming the choices. */
    static final class ModeConverter implements picocli.CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.toLowerCase(java.util.Locale.ROOT);
            if (!List.of("sanity", "quick", "default", "tough").contains(v)) {
                throw new picocli.CommandLine.TypeConversionException(
                        "unknown mode '" + value + "'; use sanity, quick, default or tough");
            }
            return v;
        }
    }
}
