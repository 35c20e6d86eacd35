package racebench.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.function.Consumer;

/**
 * Runs racebench's JMH benchmarks through JMH's Runner API, never its console: the
 * profile sets forks, iterations and parameters, JMH writes its raw JSON, and the results
 * come back as JMH's own RunResult objects, one BenchmarkResult per fork. JMH's console
 * goes to a log file; lines that mark progress are handed to the caller.
 */
public final class JmhRunner {
    private JmhRunner() {
    }

    /** The racebench benchmarks whose name matches {@code include} (JMH's find semantics). */
    public static SortedSet<BenchmarkListEntry> matching(String include) {
        OutputFormat quiet = OutputFormatFactory.createFormatInstance(
                new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8), VerboseMode.SILENT);
        return BenchmarkList.defaultList().find(quiet, List.of(include), List.of());
    }

    public static List<ForkSamples> run(Profile profile, String include, Path json, Path log, Consumer<String> progress)
            throws IOException, RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .forks(profile.forks())
                .warmupIterations(profile.warmupIterations())
                .warmupTime(TimeValue.milliseconds(profile.warmupMillis()))
                .measurementIterations(profile.measurementIterations())
                .measurementTime(TimeValue.milliseconds(profile.measurementMillis()))
                .shouldFailOnError(true)
                .result(json.toString())
                .resultFormat(ResultFormatType.JSON);
        profile.params().forEach((name, values) -> options.param(name, values.toArray(String[]::new)));

        Collection<RunResult> results;
        try (OutputStream file = new java.io.BufferedOutputStream(Files.newOutputStream(log));
             PrintStream tee = new PrintStream(new ProgressTee(file, progress), true, StandardCharsets.UTF_8)) {
            results = new Runner(options.build(), OutputFormatFactory.createFormatInstance(tee, VerboseMode.NORMAL)).run();
        }
        List<ForkSamples> samples = new ArrayList<>();
        for (RunResult r : results) {
            samples.add(ForkSamples.of(r));
        }
        return samples;
    }

    /** Copies JMH's console to the log and passes each line that marks progress to the caller. */
    private static final class ProgressTee extends OutputStream {
        private final OutputStream file;
        private final Consumer<String> progress;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        ProgressTee(OutputStream file, Consumer<String> progress) {
            this.file = file;
            this.progress = progress;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public void write(int b) throws IOException {
            file.write(b);
            if (b == '\n') {
                String l = line.toString(StandardCharsets.UTF_8);
                line.reset();
                if (l.startsWith("# Run progress:") || l.startsWith("# Parameters:") || l.startsWith("# Benchmark:")
                        || l.startsWith("<failure>") || l.contains("Exception")) {
                    progress.accept(l);
                }
            } else if (b != '\r') {
                line.write(b);
            }
        }

        @Override
        public void flush() throws IOException {
            file.flush();
        }
    }
}
