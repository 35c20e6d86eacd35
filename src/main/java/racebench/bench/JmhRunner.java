package racebench.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.regex.Pattern;

/**
 * Runs racebench's JMH benchmarks through JMH's Runner API, never its console: one
 * {@link BenchCase} at a time with the profile's warm-up and measurement and a given number of
 * forks. Results come back as JMH's own RunResult (one BenchmarkResult per fork); JMH's
 * console is appended to a log file and its raw JSON handed back as text.
 */
public final class JmhRunner {
    private JmhRunner() {
    }

    /**
     * The racebench benchmarks whose name matches {@code include} (JMH's find semantics); the
     * user-task benchmark only when {@code include} names it ({@link #TASK_BENCHMARK}), since it
     * has nothing to run without {@code bench --task}.
     */
    public static SortedSet<BenchmarkListEntry> matching(String include) {
        return find(BenchmarkList.defaultList(), include);
    }

    /** The entries of {@code list} whose name matches {@code include}, racebench's task benchmark as above. */
    static SortedSet<BenchmarkListEntry> find(BenchmarkList list, String include) {
        OutputFormat quiet = OutputFormatFactory.createFormatInstance(
                new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8), VerboseMode.SILENT);
        List<String> excludes = include.contains("TaskBenchmark") ? List.of() : List.of("racebench\\.strategy\\.TaskBenchmark");
        return list.find(quiet, List.of(include), excludes);
    }

    /** JMH's include pattern of the benchmark that runs a user's task ({@code bench --task}). */
    public static final String TASK_BENCHMARK = "racebench\\.strategy\\.TaskBenchmark\\.batch";

    /** What one JMH call measured: the case's forks, and JMH's JSON for them (an array's elements). */
    public record Forks(Optional<ForkSamples> samples, String jsonElements, Collection<RunResult> results) {
    }

    /** What a JMH fork's command line names: how {@link #killForks} tells a fork from other children. */
    static final String FORK_MAIN = "org.openjdk.jmh.runner.ForkedMain";

    /**
     * How long one fork may take before it is killed: two minutes, plus ten times its iterations'
     * time. JMH's own iteration timeout only interrupts the benchmark's threads, which a deadlocked
     * benchmark ignores; without a hard limit it would hang the run.
     */
    static java.time.Duration hardLimit(Profile profile, int forks) {
        long iterations = (long) profile.warmupIterations() * profile.warmupMillis()
                + (long) profile.measurementIterations() * profile.measurementMillis();
        return java.time.Duration.ofSeconds(120).plusMillis(10 * iterations).multipliedBy(Math.max(1, forks));
    }

    /**
     * Kills, with their descendants, the JMH forks among this JVM's descendants that started at or
     * after {@code since}; how many it killed.
     */
    static int killForks(java.time.Instant since) {
        List<ProcessHandle> forks = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains(FORK_MAIN)).orElse(false))
                .filter(p -> p.info().startInstant().map(t -> !t.isBefore(since.minusSeconds(1))).orElse(true))
                .toList();
        for (ProcessHandle fork : forks) {
            fork.descendants().forEach(ProcessHandle::destroyForcibly);
            fork.destroyForcibly();
        }
        return forks.size();
    }

    static RunnerException killedAt(java.time.Duration limit) {
        return new RunnerException("the fork ran past its hard limit of " + limit.toSeconds()
                + " s and was killed (a hung or deadlocked benchmark?)");
    }

    /** Runs {@code forks} forks of one case; JMH's console is appended to {@code log}. */
    public static Forks run(BenchCase c, Profile profile, int forks, Path scratchJson, Path log)
            throws IOException, RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(c.benchmark()) + "$")
                .forks(forks)
                .warmupIterations(profile.warmupIterations())
                .warmupTime(TimeValue.milliseconds(profile.warmupMillis()))
                .measurementIterations(profile.measurementIterations())
                .measurementTime(TimeValue.milliseconds(profile.measurementMillis()))
                .shouldFailOnError(true)
                .result(scratchJson.toString())
                .resultFormat(ResultFormatType.JSON);
        c.params().forEach(options::param);
        options.mode(org.openjdk.jmh.annotations.Mode.deepValueOf(c.mode()));
        if (!c.jvmArgs().isEmpty()) {
            // prepend, not append: appending would replace the benchmark's own @Fork(jvmArgsAppend)
            options.jvmArgsPrepend(c.jvmArgs().toArray(String[]::new));
        }
        Collection<RunResult> results;
        String json;
        java.time.Duration limit = hardLimit(profile, forks);
        java.time.Instant started = java.time.Instant.now();
        java.util.concurrent.atomic.AtomicInteger killed = new java.util.concurrent.atomic.AtomicInteger();
        Thread watchdog = Thread.ofPlatform().daemon().name("racebench-fork-limit").start(() -> {
            try {
                Thread.sleep(limit);
            } catch (InterruptedException e) {
                return;
            }
            killed.set(killForks(started));
        });
        try (OutputStream file = Files.newOutputStream(log, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
             PrintStream out = new PrintStream(new java.io.BufferedOutputStream(file), true, StandardCharsets.UTF_8)) {
            results = new Runner(options.build(), OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL)).run();
            json = Files.isRegularFile(scratchJson) ? Files.readString(scratchJson).strip() : "[]";
        } catch (RunnerException | RuntimeException e) {
            if (killed.get() > 0) {
                throw killedAt(limit);
            }
            throw e;
        } finally {
            watchdog.interrupt();
            Files.deleteIfExists(scratchJson);
        }
        if (killed.get() > 0) {
            throw killedAt(limit);
        }
        Optional<ForkSamples> samples = results.stream().map(ForkSamples::of).filter(s -> !s.forks().isEmpty())
                .reduce(ForkSamples::plus);
        return new Forks(samples, arrayElements(json), results);
    }

    /** "[a, b]" to "a, b": JMH writes one JSON array per call; a run joins them into one. */
    static String arrayElements(String jsonArray) {
        String s = jsonArray.strip();
        if (!s.startsWith("[") || !s.endsWith("]")) {
            throw new IllegalStateException("JMH's result file is not a JSON array");
        }
        return s.substring(1, s.length() - 1).strip();
    }

    /**
     * JMH's own JSON for one result per row, every fork of the row inside it, as JMH writes it
     * after a run of several forks: the file tools that read JMH's format (Bencher's java_jmh
     * adapter, github-action-benchmark's jmh tool) take one entry per row from.
     */
    public static void writeRowsJson(Path target, Collection<RunResult> rows) throws IOException {
        racebench.results.AtomicFiles.write(target, out -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
                ResultFormatFactory.getInstance(ResultFormatType.JSON, print)
                        .writeOut(rows);
            }
            out.write(bytes.toString(StandardCharsets.UTF_8));
        });
    }

    /** Joins the elements of several JMH result files into one JSON array. */
    public static void writeJson(Path target, List<String> elements) throws IOException {
        racebench.results.AtomicFiles.write(target, out -> {
            out.write("[\n");
            out.write(String.join(",\n", elements.stream().filter(e -> !e.isEmpty()).toList()));
            out.write("\n]\n");
        });
    }
}
