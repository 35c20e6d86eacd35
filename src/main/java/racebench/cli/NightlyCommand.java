package racebench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import racebench.bench.BenchRun;
import racebench.bench.Profile;
import racebench.nightly.Baselines;
import racebench.nightly.Nightly;
import racebench.race.JcstressRunner;
import racebench.race.RaceSuite;
import racebench.stats.Comparison;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ./racebench nightly}: the race-proof suite and the benchmark suite's nightly profile
 * into a new {@code <UTC time>-nightly} run directory within one budget, compared with a
 * baseline; exit 1 on an unexpected race verdict, a regression or a benchmark row that failed,
 * so cron can alert on it.
 */
@Command(name = "nightly", mixinStandardHelpOptions = true, subcommands = AcceptCommand.class,
        description = "Run the race-proof suite, then the nightly benchmark profile, within one time budget into "
                + "results/<UTC time>-nightly/, compare the benchmarks with a baseline (the newest complete nightly's "
                + "build, stored in results/builds/ and measured tonight fork by fork beside this one; without a stored "
                + "build, the pooled forks of the last complete nightlies), append to results/history.csv, and mark "
                + "the run complete. One nightly "
                + "at a time per results directory. Exit 1 on an unexpected race verdict, a significant regression "
                + "beyond the noise threshold, or a benchmark row whose fork failed (the other rows are judged).")
public final class NightlyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--results", paramLabel = "DIR", description = Results.DESCRIPTION)
    Path results;

    @Option(names = "--baseline", defaultValue = "auto", paramLabel = "RUN_DIR|auto",
            description = "The run to compare with (its stored build measured beside tonight's, else its forks), or "
                    + "'auto' for the newest complete nightlies on this machine, JDK and settings, leaving out unaccepted "
                    + "regressions (default: ${DEFAULT-VALUE}).")
    String baseline;

    @Option(names = "--profile", defaultValue = "nightly", paramLabel = "PROFILE", converter = BenchCommand.ProfileConverter.class,
            description = "Benchmark profile (default: ${DEFAULT-VALUE}); smoke is for trying the job out.")
    Profile profile;

    @Option(names = "--include", defaultValue = ".*", paramLabel = "REGEX", description = "Run only matching benchmarks.")
    String include;

    @Option(names = "--budget", defaultValue = "30", paramLabel = "MINUTES",
            description = "The whole night's time budget, race suite included (default: ${DEFAULT-VALUE}).")
    int budgetMinutes;

    @Option(names = {"--mode", "--race-mode"}, paramLabel = "MODE",
            description = "jcstress mode of the race suite: sanity, quick, default, tough, or none to skip it "
                    + "(default: quick when the budget is 20 minutes or more, else sanity; --race-mode is its old "
                    + "spelling).")
    String raceMode;

    @Option(names = "--noise", defaultValue = "3", paramLabel = "PERCENT",
            description = "Smallest change worth an alarm, in percent of the base mean (default: ${DEFAULT-VALUE}).")
    double noisePercent;

    @Option(names = "--correction", defaultValue = "holm", paramLabel = "holm|bh",
            description = "How the rows' p-values are adjusted for being judged together: holm (any false alarm "
                    + "at most alpha on every night, also one where other rows really changed) or bh "
                    + "(Benjamini-Hochberg: more power when many rows change, but such a night may name an "
                    + "untouched row too) (default: ${DEFAULT-VALUE}).")
    String correction;

    @Option(names = "--baseline-runs", defaultValue = "" + racebench.nightly.NightlyPolicy.BASELINE_RUNS, paramLabel = "K",
            description = "How many of the newest complete nightlies pool into the baseline (default: ${DEFAULT-VALUE}).")
    int baselineRuns;

    @Option(names = "--jar", paramLabel = "JAR",
            description = "Track your own JMH benchmarks night by night: this uber-jar is stored as the night's "
                    + "build and measured beside the last good night's, fork by fork; --include selects among its "
                    + "benchmarks, and the race suite is not run unless --mode names one.")
    Path jar;

    @Option(names = "--accept", paramLabel = "RUN_DIR", hidden = true,
            description = "The old spelling of 'nightly accept RUN_DIR'.")
    Path accept;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (accept != null) {
            return AcceptCommand.accept(accept, spec.commandLine().getOut());
        }
        Duration budget = OptionChecks.budget(budgetMinutes);
        Comparison.Criteria criteria = OptionChecks.noise(noisePercent)
                .withCorrection(OptionChecks.correction(correction));
        if (baselineRuns < 1) {
            throw new BadInput("--baseline-runs must be at least 1, got " + baselineRuns);
        }
        String mode = raceMode == null ? null : raceMode.toLowerCase(java.util.Locale.ROOT);
        if (mode != null && !mode.equals("none") && !RaceSuite.MODES.contains(mode)) {
            throw new BadInput("--mode '" + raceMode + "' is not one of none, " + String.join(", ", RaceSuite.MODES));
        }
        Optional<racebench.bench.JmhJar> user = UserJars.of(jar, null);
        if (user.isPresent()) {
            BenchCommand.checkRegex(include);
            BenchCommand.userCases(user.get(), include, java.util.Map.of()); // selects something, or exit 2 now
            mode = mode == null ? "none" : mode;
        }
        Path dir = Results.directory(results);
        Results.checkWritable(dir);
        Nightly.Options options = user.isPresent()
                ? Nightly.Options.of(profile, include, budget, mode, criteria).with(user.get())
                : Nightly.Options.of(profile, BenchCommand.selector(include), budget, mode, criteria);
        Nightly.Request request = new Nightly.Request(options, dir,
                "auto".equals(baseline) ? Optional.empty() : Optional.of(Path.of(baseline)), baselineRuns);
        Nightly.Outcome outcome;
        try {
            outcome = Nightly.night(request, spec.commandLine().getOut());
        } catch (Nightly.Refused e) {
            throw new BadInput(e.getMessage());
        } catch (JcstressRunner.JcstressFailure | BenchRun.JmhFailure e) {
            throw new ToolFailure(e.getMessage(), e);
        }
        if (outcome.toolFailed()) {
            return ExitCodes.TOOL;
        }
        return outcome.finding() ? ExitCodes.FINDING : ExitCodes.OK;
    }
}
