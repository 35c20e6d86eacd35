package racebench.cli;

import org.openjdk.jmh.runner.RunnerException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import racebench.bench.BenchAnalysis;
import racebench.bench.BenchReport;
import racebench.bench.BenchRow;
import racebench.bench.ForkSamples;
import racebench.bench.JmhRunner;
import racebench.bench.Profile;
import racebench.report.Environment;
import racebench.report.RunDirectory;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code ./racebench bench}: JMH through its Runner API, statistics over forks, CSV. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure threads, pools, virtual threads, child JVMs and process pools on CPU work and "
                + "downloads (sleeps) with JMH, forks as the replication unit. Writes results/<UTC time>-bench/ with "
                + "bench.csv, bench-forks.csv, bench-ratios.csv, jmh.json, jmh.log and environment.csv.")
public final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--profile", defaultValue = "quick", paramLabel = "PROFILE", converter = ProfileConverter.class,
            description = "smoke (about a minute), quick (a few minutes) or nightly (the whole matrix, four forks); "
                    + "default: ${DEFAULT-VALUE}.")
    Profile profile;

    @Option(names = "--include", defaultValue = ".*", paramLabel = "REGEX",
            description = "Run only the benchmarks whose name matches, e.g. 'StrategyBenchmark' or 'Spawn'.")
    String include;

    @Option(names = "--out", paramLabel = "DIR", description = "Results directory (default: results/ in the project).")
    Path out;

    @Override
    public Integer call() throws IOException {
        String selector = selector(include);
        RunDirectory run = Results.create(Results.directory(out), "bench");
        measure(spec.commandLine().getOut(), profile, selector, run);
        return ExitCodes.OK;
    }

    /** JMH's include pattern for a user's --include, or a one-line usage error when it selects nothing. */
    static String selector(String include) {
        try {
            Pattern.compile(include);
        } catch (PatternSyntaxException e) {
            throw new BadInput("--include is not a valid regular expression: " + e.getDescription() + " in '" + include + "'");
        }
        String selector = include.startsWith("racebench") ? include : "racebench\\..*(" + include + ")";
        if (JmhRunner.matching(selector).isEmpty()) {
            throw new BadInput("--include '" + include + "' matches no benchmark; they are: "
                    + String.join(", ", JmhRunner.matching("racebench\\.").stream()
                    .map(e -> e.getUsername().substring(e.getUsername().lastIndexOf('.', e.getUsername().lastIndexOf('.') - 1) + 1))
                    .toList()));
        }
        return selector;
    }

    /** Runs the benchmarks into {@code run}, writes the bench files and prints the tables; returns the samples. */
    static List<ForkSamples> measure(PrintWriter console, Profile profile, String selector, RunDirectory run)
            throws IOException {
        console.printf("racebench: profile %s, %d benchmark method(s), writing %s%n",
                profile.name().toLowerCase(java.util.Locale.ROOT), JmhRunner.matching(selector).size(), run.path());
        console.flush();
        Progress progress = new Progress(console);
        List<ForkSamples> samples;
        try {
            samples = JmhRunner.run(profile, selector, run.resolve("jmh.json"), run.resolve("jmh.log"), progress::accept);
        } catch (RunnerException e) {
            throw new ToolFailure("JMH failed: " + e.getMessage() + "; see " + run.resolve("jmh.log"), e);
        }
        if (samples.isEmpty()) {
            throw new ToolFailure("JMH produced no results; see " + run.resolve("jmh.log"), null);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        List<BenchRow> rows = BenchAnalysis.rows(samples, cores);
        List<BenchAnalysis.Ratio> ratios = BenchAnalysis.ratios(samples);
        Instant end = Instant.now();
        BenchReport.write(run, samples, rows, ratios);
        String home = System.getProperty("racebench.home");
        java.util.Map<String, String> facts = new java.util.LinkedHashMap<>(
                Environment.facts(home == null ? null : Path.of(home), run.started(), end));
        // what a later comparison must match: runs of different settings are not comparable
        facts.put("profile", profile.name().toLowerCase(java.util.Locale.ROOT));
        facts.put("include", selector);
        Environment.write(run.resolve("environment.csv"), facts);
        BenchReport.print(console, rows, ratios);
        console.printf("%nTook %s. Results in %s%n", Duration.between(run.started(), end).withNanos(0), run.path());
        console.flush();
        return samples;
    }

    /** One line per JMH fork: progress, ETA, benchmark and parameters. */
    static final class Progress {
        private final PrintWriter console;
        private String benchmark = "";
        private String params = "";

        Progress(PrintWriter console) {
            this.console = console;
        }

        void accept(String line) {
            if (line.startsWith("# Benchmark:")) {
                String name = line.substring("# Benchmark:".length()).trim();
                benchmark = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            } else if (line.startsWith("# Parameters:")) {
                params = line.substring("# Parameters:".length()).trim();
            } else if (line.startsWith("# Run progress:")) {
                console.printf("  [%s] %s %s%n", line.substring("# Run progress:".length()).trim(), benchmark, params);
                console.flush();
            } else {
                console.println("  [jmh] " + line);
                console.flush();
            }
        }
    }

    static final class ProfileConverter implements CommandLine.ITypeConverter<Profile> {
        @Override
        public Profile convert(String value) {
            for (Profile p : Profile.values()) {
                if (p.name().equalsIgnoreCase(value)) {
                    return p;
                }
            }
            throw new CommandLine.TypeConversionException("unknown profile '" + value + "'; use smoke, quick or nightly");
        }
    }
}
