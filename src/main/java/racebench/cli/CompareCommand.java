package racebench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import racebench.bench.ComparisonReport;
import racebench.bench.RunComparison;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ./racebench compare BASE_RUN NEW_RUN}: did anything get significantly slower? */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two bench (or nightly) run directories benchmark by benchmark: Yuen's test on the 10%% "
                + "trimmed fork means in its pooled form (Student's below ten forks) and a bootstrap interval of new/base; REGRESSION or IMPROVEMENT only when significant after "
                + "a correction over all rows (weighted Holm unless --correction bh: the primary rows share 80%% of alpha 0.05) "
                + "and at least the noise threshold (3%% by default); SUSPECT when beyond the noise and significant on "
                + "its own only; NO_CHANGE only when the 90%% interval lies within ±noise; INCONCLUSIVE otherwise "
                + "(compare.csv's why says what change the row could have seen). "
                + "Writes results/<UTC time>-compare/compare.csv. "
                + "Exit 1 on any regression.")
public final class CompareCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASE_RUN", description = "The earlier run directory.")
    Path base;

    @Parameters(index = "1", paramLabel = "NEW_RUN", description = "The later run directory.")
    Path candidate;

    @CommandLine.Option(names = {"--results", "--out"}, paramLabel = "DIR", description = Results.DESCRIPTION)
    Path out;

    @CommandLine.Option(names = "--correction", defaultValue = "holm", paramLabel = "holm|bh",
            description = "How the rows' p-values are adjusted for being judged together: holm or bh "
                    + "(Benjamini-Hochberg) (default: ${DEFAULT-VALUE}).")
    String correction;

    @CommandLine.Option(names = "--noise", defaultValue = "3", paramLabel = "PERCENT",
            description = "The noise threshold, in percent: the smallest change worth an alarm, and the band a row's "
                    + "90 percent interval must lie within to be NO_CHANGE (default: ${DEFAULT-VALUE}).")
    double noisePercent;

    @Override
    public Integer call() throws IOException {
        RunComparison.Result result;
        try {
            result = ComparisonReport.compare(base, candidate, OptionChecks.noise(noisePercent).withCorrection(
                    OptionChecks.correction(correction)), () -> Results.create(Results.directory(out), "compare"),
                    spec.commandLine().getOut());
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
        return result.hasRegression() ? ExitCodes.FINDING : ExitCodes.OK;
    }
}
