package racebench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import racebench.nightly.Baselines;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ./racebench nightly accept RUN_DIR}: a night that ended in a regression becomes the new normal. */
@Command(name = "accept", mixinStandardHelpOptions = true,
        description = "Accept a nightly that ended in a regression as the new normal, so that later nights may take "
                + "their baseline from it; nothing is measured.")
final class AcceptCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The nightly run directory to accept.")
    Path run;

    @Override
    public Integer call() throws java.io.IOException {
        return accept(run, spec.commandLine().getOut());
    }

    static int accept(Path run, PrintWriter out) throws java.io.IOException {
        try {
            Baselines.accept(run);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
        out.printf("accepted %s: later nightlies may take their baseline from it%n", run);
        return ExitCodes.OK;
    }
}
