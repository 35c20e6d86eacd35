package racebench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import racebench.report.RunReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ./racebench report RUN...}: draw a run's index.html again from its CSV files. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write index.html into each run directory given, from the CSV files the run wrote (and "
                + "results/history.csv for a nightly): a self-contained page with the run's charts and tables that "
                + "opens from disk with no network. Every run writes its own at the end; this draws an old run again.")
public final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--charts", description = "Also write each chart as a PNG file under RUN/charts/.")
    boolean charts;

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "A run directory, e.g. results/20261122-114910-nightly.")
    List<Path> runs;

    @Override
    public Integer call() throws IOException {
        for (Path run : runs) {
            if (!Files.isDirectory(run)) {
                throw new BadInput(run + " is not a run directory");
            }
        }
        for (Path run : runs) {
            try {
                spec.commandLine().getOut().println("report: " + RunReport.write(run, charts).describe());
            } catch (IllegalArgumentException e) {
                throw new BadInput(e.getMessage());
            } catch (java.io.UncheckedIOException | java.nio.charset.CharacterCodingException e) {
                // commons-csv reports a bad quote as an UncheckedIOException, bad UTF-8 is a CharacterCodingException
                throw new BadInput(run + " has a file that is not valid CSV: " + e.getMessage());
            }
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
