package racebench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import racebench.bench.BenchCase;
import racebench.bench.BenchRun;
import racebench.bench.JmhJar;
import racebench.bench.PairedRun;
import racebench.bench.Profile;
import racebench.bench.RunComparison;
import racebench.bench.Side;
import racebench.results.RunDirectory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ./racebench ab}: two builds, two JDKs or two sets of JVM flags, paired fork by fork and judged. */
@Command(name = "ab", mixinStandardHelpOptions = true,
        description = "Compare two sides on this machine, paired fork by fork in alternating order (ABBA) as the "
                + "nightly pairs builds: two jars (--base, --new), one jar on two JDKs (--base-java, --new-java) or "
                + "with two sets of JVM flags (--base-jvm-args, --new-jvm-args). The rows are judged as compare "
                + "judges them. Writes results/<UTC time>-ab/ with bench-forks.csv (new), base-forks.csv, "
                + "compare.csv and the bench files. Exit 1 on any regression.")
public final class AbCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--base", paramLabel = "JAR", description = "The base side's JMH jar (default: --jar).")
    Path baseJar;

    @Option(names = "--new", paramLabel = "JAR", description = "The new side's JMH jar (default: --jar).")
    Path newJar;

    @Option(names = "--jar", paramLabel = "JAR",
            description = "The JMH jar of both sides when they differ in JDK or flags (default: racebench's own jar).")
    Path jar;

    @Option(names = "--classpath", paramLabel = "PATH",
            description = "Jars and directories (separated by ':') both sides need beside their jar, e.g. JMH itself "
                    + "when the jars are not uber-jars.")
    String classPath;

    @Option(names = "--base-java", paramLabel = "JDK_HOME", description = "The base side's JDK (default: racebench's).")
    Path baseJava;

    @Option(names = "--new-java", paramLabel = "JDK_HOME", description = "The new side's JDK (default: racebench's).")
    Path newJava;

    @Option(names = "--base-jvm-args", paramLabel = "FLAGS",
            description = "Flags for the base side's forks, separated by spaces, e.g. '-XX:TieredStopAtLevel=1'.")
    String baseJvmArgs;

    @Option(names = "--new-jvm-args", paramLabel = "FLAGS", description = "Flags for the new side's forks, likewise.")
    String newJvmArgs;

    @Option(names = "--include", defaultValue = ".*", paramLabel = "REGEX",
            description = "Run only the benchmarks whose name matches (default: all of the jar's).")
    String include;

    @Option(names = "--param", paramLabel = "NAME=V1,V2",
            description = "Run these values of a benchmark parameter instead of all its values (repeatable).")
    List<String> params = new ArrayList<>();

    @Option(names = "--profile", defaultValue = "nightly", paramLabel = "PROFILE",
            converter = BenchCommand.ProfileConverter.class,
            description = "How forks measure and how many a row may get, in pairs: smoke, quick or nightly "
                    + "(default: ${DEFAULT-VALUE}: 2 to 15 pairs a row).")
    Profile profile;

    @Option(names = "--budget", defaultValue = "10", paramLabel = "MINUTES",
            description = "Time budget for measuring both sides (default: ${DEFAULT-VALUE}).")
    int budgetMinutes;

    @Option(names = "--noise", defaultValue = "3", paramLabel = "PERCENT",
            description = "The smallest change worth an alarm, in percent (default: ${DEFAULT-VALUE}).")
    double noisePercent;

    @Option(names = {"--results", "--out"}, paramLabel = "DIR", description = Results.DESCRIPTION)
    Path out;

    @Override
    public Integer call() throws IOException {
        JmhJar both = jar == null && baseJar == null && newJar == null ? ownJar() : null;
        JmhJar base = side(baseJar, jar, both, "--base", classPath);
        JmhJar candidate = side(newJar, jar, both, "--new", classPath);
        Side b = new Side("base", base, java(baseJava, "--base-java"), flags(baseJvmArgs));
        Side n = new Side("new", candidate, java(newJava, "--new-java"), flags(newJvmArgs));
        BenchCommand.checkRegex(include);
        Map<String, List<String>> values = BenchCommand.parseParams(params);
        List<BenchCase> cases = BenchCommand.userCases(candidate, include, values);
        Duration budget = OptionChecks.budget(budgetMinutes);
        var criteria = OptionChecks.noise(noisePercent);
        RunDirectory run = Results.create(Results.directory(out), "ab");
        RunComparison.Result result;
        try {
            result = PairedRun.run(spec.commandLine().getOut(), profile, include, cases, b, n, values, criteria,
                    budget, run);
        } catch (BenchRun.JmhFailure e) {
            throw new ToolFailure(e.getMessage(), e.getCause());
        }
        racebench.bench.ComparisonReport.write(spec.commandLine().getOut(), result, run);
        return result.hasRegression() ? ExitCodes.FINDING : ExitCodes.OK;
    }

    private static JmhJar ownJar() {
        return UserJars.racebench().orElseThrow(() -> new BadInput(
                "give --jar, or --base and --new: racebench is not running from its jar here"));
    }

    private static JmhJar side(Path own, Path shared, JmhJar fallback, String option, String classPath) {
        Path chosen = own != null ? own : shared;
        if (chosen == null) {
            if (fallback == null) {
                throw new BadInput(option + " is missing: give it, or --jar for both sides");
            }
            return fallback;
        }
        return UserJars.of(chosen, classPath).orElseThrow();
    }

    private static Path java(Path home, String option) {
        Path chosen = home == null ? Side.currentJava() : home;
        try {
            Side.javaIn(chosen);
        } catch (IllegalArgumentException e) {
            throw new BadInput(option + ": " + e.getMessage());
        }
        return chosen;
    }

    private static List<String> flags(String text) {
        return text == null ? List.of() : Arrays.stream(text.trim().split("\\s+")).filter(f -> !f.isEmpty()).toList();
    }
}
