package racebench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import racebench.process.Children;

import java.io.PrintWriter;

/** {@code ./racebench}: the race-proof suite and the benchmark suite behind one command line. */
@Command(name = "racebench",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Reproduce races and prove fixes with jcstress; compare threads, pools and processes with JMH.",
        subcommands = {RaceCommand.class, BenchCommand.class, NightlyCommand.class, CompareCommand.class, AbCommand.class,
                CalibrateCommand.class, DemoCommand.class, ReportCommand.class, CommandLine.HelpCommand.class,
                picocli.AutoComplete.GenerateCompletion.class},
        footer = {"", "./racebench test builds racebench and runs its whole test suite (Maven, JUnit 5).",
                "", "Exit codes: 0 all good; 1 a finding (race in a fix, race not reproduced, regression);",
                "2 bad usage or input; 3 jcstress, JMH or a child JVM failed.",
                "RACEBENCH_RESULTS=DIR is where runs go when --results does not say.",
                "RACEBENCH_DEBUG=1 prints the stack trace behind an error.",
                "Shell completion: source <(./racebench generate-completion)"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Children.live(); // loads Children, whose shutdown hook reaps every child on Ctrl-C and SIGTERM
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; the tests call this directly. */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        try {
            return cl.execute(args);
        } catch (Error e) { // picocli routes Exceptions to the handler below; an Error gets here
            cl.getErr().println("racebench: " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
            debug(cl, e);
            return ExitCodes.TOOL;
        }
    }

    /** RACEBENCH_DEBUG=1 in the environment prints the stack trace behind a one-line error. */
    private static void debug(CommandLine cl, Throwable e) {
        String flag = System.getenv("RACEBENCH_DEBUG");
        if (flag != null && !flag.isEmpty() && !flag.equals("0")) {
            e.printStackTrace(cl.getErr());
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, argv) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("racebench: " + ex.getMessage().lines().findFirst().orElse("bad usage")
                    + " (see: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof BadInput) {
                err.println("racebench: " + ex.getMessage());
                return ExitCodes.USAGE;
            }
            if (ex instanceof InterruptedException) {
                err.println("racebench: interrupted; child processes were stopped");
                return ExitCodes.TOOL;
            }
            err.println("racebench: " + (ex instanceof ToolFailure ? "" : ex.getClass().getSimpleName() + ": ")
                    + firstLine(ex.getMessage()));
            debug(commandLine, ex);
            return ExitCodes.TOOL;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            String commit = racebench.results.Environment.gitCommit(racebench.results.Environment.projectDir())
                    .map(c -> " (commit " + c.substring(0, Math.min(12, c.length())) + ")").orElse("");
            return new String[] {"racebench " + (v == null ? "dev" : v) + commit + " on Java " + Runtime.version()};
        }
    }
}
