package racebench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import racebench.bench.BenchRun;
import racebench.nightly.Calibration;
import racebench.nightly.NightlyLock;
import racebench.stats.Comparison;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code ./racebench calibrate}: how often the nightly cries wolf here, and how much it catches. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Measure the nightly's detector on this machine: run the CPU rows with every CPU task 0, 2, 5, 10 "
                + "and 20%% larger, then replay simulated nightlies on those forks and on this machine's recorded "
                + "nightlies. Prints the share of nightlies with a false alarm (on A/A, any alarm; on A/B, an untouched row "
                + "flagged), the power per injected slowdown, and the time to detection over runs of consecutive nights; "
                + "writes results/<UTC time>-calibrate/calibrate.csv and detection.csv.")
public final class CalibrateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--results", paramLabel = "DIR", description = Results.DESCRIPTION)
    Path results;

    @Option(names = "--budget", defaultValue = "45", paramLabel = "MINUTES",
            description = "Time budget for measuring; the replay of the simulated nightlies comes after it and "
                    + "takes minutes of its own (about 9 on two cores at the default --nightlies) "
                    + "(default: ${DEFAULT-VALUE}).")
    int budgetMinutes;

    @Option(names = "--nightlies", defaultValue = "2000", paramLabel = "N",
            description = "Simulated nightlies per scenario (default: ${DEFAULT-VALUE}).")
    int nightlies;

    @Option(names = "--noise", defaultValue = "3", paramLabel = "PERCENT",
            description = "The nightly's noise threshold to calibrate, in percent (default: ${DEFAULT-VALUE}).")
    double noisePercent;

    @Option(names = "--from", paramLabel = "RUN",
            description = "Judge the forks of this calibrate run again (its calibrate-forks.csv) instead of measuring.")
    Path from;

    @Override
    public Integer call() throws IOException {
        Duration budget = OptionChecks.budget(budgetMinutes);
        Comparison.Criteria criteria = OptionChecks.noise(noisePercent);
        if (nightlies < 1) {
            throw new BadInput("--nightlies must be at least 1, got " + nightlies);
        }
        Path dir = Results.directory(results);
        Results.checkWritable(dir);
        try {
            Calibration.calibrate(dir, budget, nightlies, criteria, java.util.Optional.ofNullable(from),
                    spec.commandLine().getOut());
        } catch (NightlyLock.Busy | IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        } catch (BenchRun.JmhFailure e) {
            throw new ToolFailure(e.getMessage(), e);
        }
        return ExitCodes.OK;
    }
}
