package racebench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import racebench.race.CounterRace;
import racebench.race.JcstressRunner;
import racebench.race.JcstressTests;
import racebench.race.RaceSuite;
import racebench.race.Verdicts;
import racebench.results.RunDirectory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
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

    @Option(names = "--counter", paramLabel = "FQCN", split = ",",
            description = "Stress your own SharedCounter instead of the built-in variants, each against its own twin "
                    + "(the class without its synchronisation) where racebench can make one; several, comma-separated, "
                    + "run one after another, each into a run directory of its own. Needs --classpath.")
    List<String> counters;

    @Option(names = "--classpath", paramLabel = "PATH",
            description = "Where --counter's class is (or what --jcstress-jar's tests need besides the jar): "
                    + "directories and jars, separated by ':' (';' on Windows).")
    String classPath;

    @Option(names = "--jcstress-jar", paramLabel = "JAR",
            description = "Run your own @JCStressTest classes from this jar (built with jcstress-core 0.16, as its "
                    + "archetype's mvn package builds it) instead of the built-in variants: a FORBIDDEN outcome is a "
                    + "RACE. --tests selects among them.")
    Path jcstressJar;

    @Option(names = "--subject", paramLabel = "FQCN",
            description = "With --jcstress-jar: the class the tests exercise. The tests run first against its twin "
                    + "(the class without its synchronisation), and a test with no FORBIDDEN outcome is PROVEN or "
                    + "SAFE_UNPROVEN against what its twin showed.")
    String subject;

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
        positive("--time", timeMillis);
        positive("--iterations", iterations);
        positive("--budget", budgetMinutes);
        java.time.Duration budget = budgetMinutes == null ? null : java.time.Duration.ofMinutes(budgetMinutes);
        if (jcstressJar != null || subject != null) {
            return jcstressTests();
        }
        if (counters != null || classPath != null) {
            return counters(budget);
        }
        List<String> selected = select(RaceSuite.available(), tests, false);
        RunDirectory run = Results.create(Results.directory(out), "race");
        RaceSuite.Request request = RaceSuite.Request.of(mode, selected,
                        List.of(System.getProperty("java.class.path").split(File.pathSeparator)))
                .overriding(timeMillis, iterations).within(budget, !noRetry);
        RaceSuite.Outcome outcome;
        try {
            outcome = RaceSuite.run(request, run, spec.commandLine().getOut());
        } catch (JcstressRunner.JcstressFailure e) {
            throw new ToolFailure(e.getMessage(), e);
        }
        return exit(outcome);
    }

    /** race --counter: the users' counters, each in a run of its own. */
    private int counters(java.time.Duration budget) throws IOException, InterruptedException {
        if (counters == null || classPath == null) {
            throw new BadInput("--counter and --classpath go together: give both");
        }
        if (tests != null) {
            throw new BadInput("--include selects racebench's own variants; it does not go with --counter");
        }
        Path results = Results.directory(out);
        Results.checkWritable(results);
        List<CounterRace.Checked> checked;
        try {
            checked = CounterRace.check(counters, classPath);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
        List<CounterRace.Result> raced;
        try {
            raced = CounterRace.run(checked, new CounterRace.Settings(mode, timeMillis, iterations, !noRetry, budget),
                    () -> Results.create(results, "race"), spec.commandLine().getOut());
        } catch (JcstressRunner.JcstressFailure e) {
            throw new ToolFailure(e.getMessage(), e);
        }
        return raced.stream().mapToInt(r -> exit(r.outcome())).max().orElse(ExitCodes.OK);
    }

    /** race --jcstress-jar: the user's own jcstress tests, against the subject's twin too when one is named. */
    private int jcstressTests() throws IOException, InterruptedException {
        if (jcstressJar == null) {
            throw new BadInput("--subject goes with --jcstress-jar: name the jar of the tests that exercise it");
        }
        if (counters != null) {
            throw new BadInput("--jcstress-jar and --counter are two kinds of race: give one");
        }
        if (budgetMinutes != null || noRetry) {
            throw new BadInput((noRetry ? "--no-retry" : "--budget") + " does not go with --jcstress-jar: its two "
                    + "rounds run at the mode's settings");
        }
        Path results = Results.directory(out);
        Results.checkWritable(results);
        JcstressTests.Checked checked;
        try {
            checked = JcstressTests.check(new JcstressTests.Request(jcstressJar,
                    classPath == null ? List.of() : List.of(classPath.split(File.pathSeparator)), tests, subject));
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
        RunDirectory run = Results.create(results, "race");
        try {
            return exit(JcstressTests.run(checked, RaceSuite.Request.of(mode, checked.tests(), List.of())
                    .overriding(timeMillis, iterations), run, spec.commandLine().getOut()));
        } catch (JcstressRunner.JcstressFailure e) {
            throw new ToolFailure(e.getMessage(), e);
        }
    }

    private static int exit(RaceSuite.Outcome outcome) {
        if (outcome.failed()) {
            return ExitCodes.TOOL;
        }
        return outcome.allAsExpected() ? ExitCodes.OK : ExitCodes.FINDING;
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
