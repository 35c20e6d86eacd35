package racebench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import racebench.demo.DemoKind;
import racebench.demo.DemoOptions;
import racebench.demo.Demos;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code ./racebench demo [NAME]}: the tutorials' programs, ported to Java and narrated. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run one of the tutorials' programs ported to Java: it prints what the tutorials' program prints "
                + "(pids, task names, times), then one line, starting 'showed:', saying what this run measured. "
                + "Without NAME, list the demos.")
public final class DemoCommand implements Callable<Integer> {
    /** An hour: the tutorials' second; beyond it a unit is a typo, and a download of ten would take all day. */
    static final long MAX_UNIT_MILLIS = 3_600_000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The demo to run (omit to list them).")
    String name;

    @Option(names = "--unit", defaultValue = "1000", paramLabel = "MILLIS",
            description = "The tutorials' second, in milliseconds; shorten it to run faster (default: ${DEFAULT-VALUE}).")
    long unitMillis;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for the random download sizes (default: a new draw each run).")
    Long seed;

    @Option(names = "--workers", paramLabel = "N",
            description = "Pool size for pool and gil (default: the number of cores, as the tutorials advise).")
    Integer workers;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (unitMillis <= 0 || unitMillis > MAX_UNIT_MILLIS) {
            throw new BadInput("--unit must be a positive number of milliseconds up to an hour, got " + unitMillis);
        }
        if (workers != null && (workers < 1 || workers > 256)) {
            throw new BadInput("--workers must be from 1 to 256, got " + workers);
        }
        DemoOptions options = DemoOptions.defaults().withUnit(Duration.ofMillis(unitMillis));
        if (seed != null) {
            options = options.withSeed(seed);
        }
        if (workers != null) {
            options = options.withWorkers(workers);
        }
        try {
            Demos.run(name, options, spec.commandLine().getOut());
        } catch (DemoKind.UnknownDemo e) {
            throw new BadInput(e.getMessage());
        }
        return ExitCodes.OK;
    }
}
