package racebench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import racebench.bench.BenchRun;
import racebench.bench.Profile;
import racebench.bench.RunComparison;
import racebench.nightly.Nightly;
import racebench.race.JcstressRunner;
import racebench.race.RaceSuite;
import racebench.report.RunDirectory;
import racebench.stats.Comparison;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code ./racebench nightly}: the race-proof suite and the benchmark suite's nightly profile
 * into a new {@code <UTC time>-nightly} run directory within one budget, compared with a
 * baseline; exit 1 on an unexpected race verdict or a regression, so cron can alert on it.
 */
@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = "Run the race-proof suite, then the nightly benchmark profile, within one time budget into "
                + "results/<UTC time>-nightly/, and compare the benchmarks with a baseline run (by default the newest "
                + "earlier nightly run in the results directory), writing compare.csv beside bench.csv. Exit 1 on an "
                + "unexpected race verdict or a significant regression beyond the noise threshold.")
public final class NightlyCommand implements Callable<Integer> {
    static final String SUFFIX = "-nightly";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--results", paramLabel = "DIR", description = "Results directory (default: results/ in the project).")
    Path results;

    @Option(names = "--baseline", defaultValue = "auto", paramLabel = "RUN_DIR|auto",
            description = "The run to compare with, or 'auto' for the newest earlier nightly run (default: ${DEFAULT-VALUE}).")
    String baseline;

    @Option(names = "--profile", defaultValue = "nightly", paramLabel = "PROFILE", converter = BenchCommand.ProfileConverter.class,
            description = "Benchmark profile (default: ${DEFAULT-VALUE}); smoke is for trying the job out.")
    Profile profile;

    @Option(names = "--include", defaultValue = ".*", paramLabel = "REGEX", description = "Run only matching benchmarks.")
    String include;

    @Option(names = "--budget", defaultValue = "30", paramLabel = "MINUTES",
            description = "The whole night's time budget, race suite included (default: ${DEFAULT-VALUE}).")
    int budgetMinutes;

    @Option(names = "--race-mode", paramLabel = "MODE",
            description = "jcstress mode of the race suite: sanity, quick, default, tough, or none to skip it "
                    + "(default: quick when the budget is 20 minutes or more, else sanity).")
    String raceMode;

    @Option(names = "--noise", defaultValue = "3", paramLabel = "PERCENT",
            description = "Smallest change worth an alarm, in percent of the base mean (default: ${DEFAULT-VALUE}).")
    double noisePercent;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (budgetMinutes <= 0) {
            throw new BadInput("--budget must be a positive number of minutes, got " + budgetMinutes);
        }
        if (!(noisePercent >= 0 && noisePercent < 100)) {
            throw new BadInput("--noise must be a percentage from 0 to 100, got " + noisePercent);
        }
        if (raceMode != null && !raceMode.equals("none") && !RaceSuite.MODES.contains(raceMode)) {
            throw new BadInput("--race-mode '" + raceMode + "' is not one of none, " + String.join(", ", RaceSuite.MODES));
        }
        Path dir = Results.directory(results);
        String selector = BenchCommand.selector(include);
        Optional<Path> base = baseline(dir, selector);
        RunDirectory run = Results.create(dir, SUFFIX.substring(1));
        Nightly.Options options = new Nightly.Options(profile, selector, Duration.ofMinutes(budgetMinutes), raceMode,
                RaceCommand.available().stream().filter(t -> !t.endsWith(".UserCounter")).toList(),
                List.of(System.getProperty("java.class.path").split(File.pathSeparator)),
                Comparison.Criteria.DEFAULT.withNoise(noisePercent / 100));
        Nightly.Outcome outcome;
        try {
            outcome = Nightly.run(options, run, base, spec.commandLine().getOut());
        } catch (JcstressRunner.JcstressFailure | BenchRun.JmhFailure e) {
            throw new ToolFailure(e.getMessage(), e);
        }
        if (outcome.comparison().isPresent()) {
            CompareCommand.write(outcome.comparison().get(), run);
        }
        if (outcome.toolFailed()) {
            return ExitCodes.TOOL;
        }
        return outcome.finding() ? ExitCodes.FINDING : ExitCodes.OK;
    }

    /** The run to compare with: given, or the newest earlier nightly run with the same profile and benchmarks. */
    private Optional<Path> baseline(Path dir, String selector) throws IOException {
        String wanted = profile.name().toLowerCase(java.util.Locale.ROOT) + "\u0000" + selector;
        if (!"auto".equals(baseline)) {
            Path given = Path.of(baseline);
            if (!Files.isRegularFile(given.resolve(RunComparison.FORKS_FILE))) {
                throw new BadInput("--baseline " + baseline + " is not a bench run (no " + RunComparison.FORKS_FILE + ")");
            }
            String settings = settings(given);
            if (!settings.equals(wanted)) {
                throw new BadInput("--baseline " + baseline + " ran with other settings (" + settings.replace('\u0000', ' ')
                        + "), not comparable with " + wanted.replace('\u0000', ' '));
            }
            return Optional.of(given);
        }
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        // run directories are named by UTC start time, so the newest sorts last
        try (Stream<Path> runs = Files.list(dir)) {
            return runs.filter(p -> p.getFileName().toString().contains(SUFFIX))
                    .filter(p -> Files.isRegularFile(p.resolve(RunComparison.FORKS_FILE)))
                    .filter(p -> settings(p).equals(wanted))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        }
    }

    /** "profile NUL include" as the run's environment.csv recorded them; empty when unreadable. */
    private static String settings(Path run) {
        try {
            java.util.Map<String, String> facts = new java.util.HashMap<>();
            for (var r : racebench.report.Csv.read(run.resolve("environment.csv"))) {
                facts.put(r.get("key"), r.get("value"));
            }
            return facts.getOrDefault("profile", "") + "\u0000" + facts.getOrDefault("include", "");
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return "";
        }
    }
}
