package racebench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import racebench.bench.Profile;
import racebench.bench.RunComparison;
import racebench.report.RunDirectory;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code ./racebench nightly}: the benchmark suite's nightly profile into a new
 * {@code <UTC time>-nightly} run directory, compared with a baseline run; exit 1 when
 * anything regressed, so cron or CI can alert on it.
 */
@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = "Run the nightly benchmark profile into results/<UTC time>-nightly/ and compare it with a baseline "
                + "run (by default the newest earlier nightly run in the results directory), writing compare.csv "
                + "beside bench.csv. Exit 1 on a significant regression beyond 1% noise.")
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

    @Override
    public Integer call() throws IOException {
        PrintWriter console = spec.commandLine().getOut();
        Path dir = Results.directory(results);
        String selector = BenchCommand.selector(include);
        Optional<Path> base = baseline(dir, selector);
        RunDirectory run = Results.create(dir, SUFFIX.substring(1));
        BenchCommand.measure(console, profile, selector, run);
        if (base.isEmpty()) {
            console.printf("No earlier nightly run in %s: this run is the baseline for the next one.%n", dir);
            return ExitCodes.OK;
        }
        console.printf("%nCompared with %s%n", base.get());
        return CompareCommand.report(console, CompareCommand.compare(base.get(), run.path()), run);
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
