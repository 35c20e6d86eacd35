package racebench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import racebench.race.JcstressRunner;
import racebench.race.RaceSuite;
import racebench.race.UserCounterCheck;
import racebench.race.Verdicts;
import racebench.report.RunDirectory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code ./racebench race}: reproduce the lost update and prove every fix with jcstress. */
@Command(name = "race", mixinStandardHelpOptions = true,
        description = "Run the jcstress race-proof suite: every racy and broken counter must show the lost update, "
                + "every fix must show none, and is PROVEN when its 95%% bound lies 100x below its twin's rate (the "
                + "same counter without the fix, stressed in the same run; its 95%% lower bound) in every "
                + "configuration. Writes "
                + "results/<UTC time>-race/ with race.csv, race-outcomes.csv, race-configurations.csv, "
                + "environment.csv and jcstress's HTML reports.")
public final class RaceCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--mode", defaultValue = "quick", paramLabel = "MODE", converter = ModeConverter.class,
            description = "jcstress preset: sanity, quick, default or tough (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = {"--include", "--tests"}, paramLabel = "REGEX",
            description = "Run only the variants whose test name matches (find, not full match), e.g. 'Racy|Synchronized' "
                    + "(--tests is its old spelling).")
    String tests;

    @Option(names = "--counter", paramLabel = "FQCN",
            description = "Stress your own SharedCounter instead of the built-in variants; needs --classpath.")
    String counter;

    @Option(names = "--classpath", paramLabel = "PATH",
            description = "Where --counter's class is: directories and jars, separated by ':' (';' on Windows).")
    String classPath;

    @Option(names = {"--results", "--out"}, paramLabel = "DIR", description = Results.DESCRIPTION)
    Path out;

    @Option(names = "--time", paramLabel = "MS", description = "Override jcstress's time per iteration, in ms.")
    Integer timeMillis;

    @Option(names = "--iterations", paramLabel = "N", description = "Override jcstress's iterations per fork.")
    Integer iterations;

    @Option(names = "--budget", paramLabel = "MINUTES",
            description = "Stop adding rounds after this many minutes: after its first rounds the suite measures "
                    + "only what a verdict still lacks, and stops once every fix is PROVEN and every racy variant "
                    + "REPRODUCED (default: 5 in the sanity and quick modes, none in default and tough).")
    Integer budgetMinutes;

    @Option(names = "--no-retry", description = "Call a racy variant NOT_REPRODUCED after one round. By default it "
            + "gets one more round, five times longer, first: a race shows by chance, sample by sample.")
    boolean noRetry;

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<String> childClassPath = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        List<String> forkArgs = new ArrayList<>();
        List<String> userClassPath = List.of();
        if (counter != null || this.classPath != null) {
            if (counter == null || this.classPath == null) {
                throw new BadInput("--counter and --classpath go together: give both");
            }
            try {
                userClassPath = UserCounterCheck.check(counter, this.classPath);
                childClassPath.addAll(userClassPath);
            } catch (IllegalArgumentException e) {
                throw new BadInput(e.getMessage());
            }
            forkArgs.add("-Dracebench.counter=" + counter);
        }
        positive("--time", timeMillis);
        positive("--iterations", iterations);
        positive("--budget", budgetMinutes);
        boolean ownTwin = counter != null && ownTwin(counter, userClassPath);
        List<String> selected = select(RaceSuite.available(), tests, counter != null).stream()
                .filter(t -> ownTwin || !t.endsWith("." + Verdicts.USER_TWIN_VARIANT)).toList();
        RunDirectory run = Results.create(Results.directory(out), "race");
        RaceSuite.Request request = new RaceSuite.Request(mode, selected, childClassPath, forkArgs, counter,
                timeMillis, iterations, !noRetry,
                budgetMinutes == null ? null : java.time.Duration.ofMinutes(budgetMinutes));
        RaceSuite.Outcome outcome;
        try {
            outcome = RaceSuite.run(request, run, spec.commandLine().getOut());
        } catch (JcstressRunner.JcstressFailure e) {
            throw new ToolFailure(e.getMessage(), e);
        }
        if (outcome.failed()) {
            return ExitCodes.TOOL;
        }
        return outcome.allAsExpected() ? ExitCodes.OK : ExitCodes.FINDING;
    }

    /**
     * Whether the user's counter has a twin of its own (its class with its synchronisation taken
     * out, {@link racebench.twin.Unlocker}), said on the console either way.
     */
    private boolean ownTwin(String counter, List<String> userClassPath) {
        racebench.twin.Unlocker.Removed removed;
        try {
            removed = racebench.twin.Unlocker.of(counter, userClassPath).removed();
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getOut().printf("racebench: %s's class file could not be rewritten (%s); it is proved "
                    + "against the reference twin, RacyVolatile%n", counter, e.getMessage());
            return false;
        }
        if (removed.any()) {
            spec.commandLine().getOut().printf("racebench: %s is proved against its own twin: the class without its %s%n",
                    counter, removed.describe());
            return true;
        }
        spec.commandLine().getOut().printf("racebench: %s has no synchronisation racebench can take out (it covers "
                + "synchronized, Lock, Semaphore, StampedLock and atomic read-modify-writes); it is proved against "
                + "the reference twin, RacyVolatile%n", counter);
        return false;
    }

    private static void positive(String option, Integer value) {
        if (value != null && value <= 0) {
            throw new BadInput(option + " must be positive, got " + value);
        }
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
                .filter(t -> userCounter == Verdicts.isUserTest(t))
                .filter(t -> pattern == null || pattern.matcher(t).find())
                .toList();
        if (selected.isEmpty()) {
            throw new BadInput("--tests '" + regex + "' matches no test; the suite has: "
                    + String.join(", ", available.stream().map(t -> t.substring(t.lastIndexOf('.') + 1)).toList()));
        }
        return selected;
    }

    /** picocli converter so an unknown mode is a one-line usage error naming the choices. */
    static final class ModeConverter implements picocli.CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.toLowerCase(java.util.Locale.ROOT);
            if (!RaceSuite.MODES.contains(v)) {
                throw new picocli.CommandLine.TypeConversionException(
                        "unknown mode '" + value + "'; use sanity, quick, default or tough");
            }
            return v;
        }
    }
}
