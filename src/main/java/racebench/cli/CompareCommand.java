package racebench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import racebench.bench.RunComparison;
import racebench.results.RunDirectory;
import racebench.stats.Comparison;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
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
        RunComparison.Result result = compare(base, candidate, OptionChecks.noise(noisePercent).withCorrection(
                OptionChecks.correction(correction)));
        RunDirectory run = Results.create(Results.directory(out), "compare");
        RunComparison.writeEnvironment(run, java.util.Map.of("base_run", base.toAbsolutePath().toString(),
                "new_run", candidate.toAbsolutePath().toString()));
        return report(spec.commandLine().getOut(), result, run);
    }

    static RunComparison.Result compare(Path base, Path candidate, Comparison.Criteria criteria) throws IOException {
        for (Path p : new Path[] {base, candidate}) {
            if (!Files.isDirectory(p)) {
                throw new BadInput(p + " is not a run directory");
            }
        }
        try {
            // each row also judged at what the base run's own spread lets it detect (nightly does the same)
            return RunComparison.compare(java.util.List.of(base), candidate, criteria,
                    racebench.bench.RowSpreads.of(java.util.List.of(base)));
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
    }

    /** Writes compare.csv, prints the changes, returns 1 on a regression, else 0. */
    static int report(PrintWriter console, RunComparison.Result result, RunDirectory run) throws IOException {
        RunComparison.write(result, run.resolve("compare.csv"));
        console.println();
        result.lines().forEach(console::println);
        if (!result.onlyInBase().isEmpty() || !result.onlyInNew().isEmpty()) {
            console.printf("  not compared: %d only in the base run, %d only in the new run%n",
                    result.onlyInBase().size(), result.onlyInNew().size());
        }
        console.printf("Results in %s%n", run.resolve("compare.csv"));
        racebench.report.RunReport.finish(run, console, result.hasRegression()
                ? racebench.results.Completion.Status.FINDING : racebench.results.Completion.Status.OK, java.util.Map.of());
        return result.hasRegression() ? ExitCodes.FINDING : ExitCodes.OK;
    }

}
