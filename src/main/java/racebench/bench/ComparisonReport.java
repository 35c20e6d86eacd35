package racebench.bench;

import racebench.results.Completion;
import racebench.results.RunDirectory;
import racebench.stats.Comparison;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A comparison as a run of its own ({@code compare}, {@code ab}): compare.csv, the verdict lines
 * on the console (the nightly prints the same lines, {@link RunComparison.Result#lines}), the
 * page, and complete.csv marked FINDING when a row regressed.
 */
public final class ComparisonReport {
    private ComparisonReport() {
    }

    /**
     * {@code compare}: two stored runs judged, each row also at what the base run's own spread lets
     * it detect, as the nightly does, into a new run directory; IllegalArgumentException with one
     * line when either is not a run whose rows can be read.
     */
    public static RunComparison.Result compare(Path base, Path candidate, Comparison.Criteria criteria,
                                               Supplier<RunDirectory> runs, PrintWriter console) throws IOException {
        for (Path p : new Path[] {base, candidate}) {
            if (!Files.isDirectory(p)) {
                throw new IllegalArgumentException(p + " is not a run directory");
            }
        }
        RunComparison.Result result = RunComparison.compare(List.of(base), candidate, criteria,
                RowSpreads.of(List.of(base)));
        RunDirectory run = runs.get();
        try {
            RunComparison.writeEnvironment(run, Map.of("base_run", base.toAbsolutePath().toString(),
                    "new_run", candidate.toAbsolutePath().toString()));
            write(console, result, run);
        } catch (IllegalArgumentException e) { // not the user's input: the runs were read; writing went wrong
            throw new IllegalStateException("writing " + run.path() + ": " + e.getMessage(), e);
        }
        return result;
    }

    /** Writes compare.csv, prints the verdict lines, then the page and complete.csv. */
    public static void write(PrintWriter console, RunComparison.Result result, RunDirectory run) throws IOException {
        RunComparison.write(result, run.resolve("compare.csv"));
        console.println();
        result.lines().forEach(console::println);
        if (!result.onlyInBase().isEmpty() || !result.onlyInNew().isEmpty()) {
            console.printf("  not compared: %d only in the base run, %d only in the new run%n",
                    result.onlyInBase().size(), result.onlyInNew().size());
        }
        console.printf("Results in %s%n", run.resolve("compare.csv"));
        racebench.report.RunReport.finish(run, console, result.hasRegression() ? Completion.Status.FINDING
                : Completion.Status.OK, Map.of());
    }
}
