package racebench.bench;

import org.openjdk.jmh.runner.RunnerException;
import racebench.process.Children;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs forks of one case of a user's benchmarks with the user's own JMH, in a JVM of its own (the
 * JMH host) started from the side's JDK: the user's code and JMH version never load into this JVM,
 * and a benchmark that hangs or exits ends its host, which a hard limit kills, not the harness.
 * The host writes JMH's JSON into a private scratch file that {@link JmhJson} reads back.
 *
 * <p>The case's warm-up and measurement are the profile's (short iterations, many forks), given
 * on the command line, which JMH lets override the benchmark's own annotations; its mode and
 * parameters are the case's.
 */
final class HostJmh {
    private static final long GRACE_MILLIS = 2_000;

    private HostJmh() {
    }

    /**
     * JMH's command line for {@code forks} forks of {@code c} on {@code side}, results to
     * {@code json}; JMH's main is called through {@link racebench.process.HostMain} from {@code guard}
     * ({@link racebench.process.GuardJar}), after the user's jar on the class path.
     */
    static List<String> command(BenchCase c, Profile profile, Side side, int forks, Path json, Path guard) {
        List<String> cmd = new ArrayList<>(List.of(side.java().toString(), "-cp",
                side.jar().joined() + java.io.File.pathSeparator + guard, racebench.process.HostMain.class.getName(),
                "org.openjdk.jmh.Main", "^" + Pattern.quote(c.benchmark()) + "$",
                "-f", Integer.toString(forks),
                "-wi", Integer.toString(profile.warmupIterations()), "-w", profile.warmupMillis() + "ms",
                "-i", Integer.toString(profile.measurementIterations()), "-r", profile.measurementMillis() + "ms",
                "-foe", "true", "-rf", "json", "-rff", json.toString(), "-jvm", side.java().toString(),
                "-bm", c.mode()));
        c.params().forEach((name, value) -> cmd.addAll(List.of("-p", name + "=" + value)));
        List<String> flags = new ArrayList<>(side.jvmArgs());
        flags.addAll(c.jvmArgs());
        if (!flags.isEmpty()) { // JMH splits this option at spaces
            cmd.addAll(List.of("-jvmArgsPrepend", String.join(" ", flags)));
        }
        return cmd;
    }

    /** Runs {@code forks} forks of one case; the host's console is appended to {@code log}. */
    static JmhRunner.Forks run(BenchCase c, Profile profile, Side side, int forks, Path scratchJson, Path log)
            throws IOException, RunnerException {
        return run(c, profile, side, forks, scratchJson, log, JmhRunner.hardLimit(profile, forks));
    }

    /** As above, the host and its forks killed when they run past {@code limit}. */
    static JmhRunner.Forks run(BenchCase c, Profile profile, Side side, int forks, Path scratchJson, Path log,
                               java.time.Duration limit) throws IOException, RunnerException {
        ProcessBuilder builder = new ProcessBuilder(command(c, profile, side, forks, scratchJson,
                racebench.process.GuardJar.path()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long logBefore = Files.isRegularFile(log) ? Files.size(log) : 0;
        Files.deleteIfExists(scratchJson);
        Process host = Children.start(builder);
        try {
            boolean ended;
            try {
                ended = host.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunnerException("interrupted");
            }
            if (!ended) {
                throw JmhRunner.killedAt(limit);
            }
            if (host.exitValue() != 0 || !Files.isRegularFile(scratchJson)) {
                throw new RunnerException("JMH exited with " + host.exitValue() + firstError(log, logBefore));
            }
            String json = Files.readString(scratchJson);
            List<ForkSamples> samples = JmhJson.samples(json);
            Optional<ForkSamples> one = samples.stream().filter(s -> !s.forks().isEmpty()).reduce(ForkSamples::plus);
            return new JmhRunner.Forks(one, JmhRunner.arrayElements(json), List.of());
        } finally {
            Children.reap(host, GRACE_MILLIS);
            Files.deleteIfExists(scratchJson);
        }
    }

    /** ": " and the first line of the log since {@code from} that names an exception or error; else "". */
    static String firstError(Path log, long from) throws IOException {
        if (!Files.isRegularFile(log)) {
            return "";
        }
        byte[] all = Files.readAllBytes(log);
        String tail = new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
                java.nio.charset.StandardCharsets.UTF_8);
        return tail.lines().map(String::strip)
                .map(l -> l.contains("<failure:") ? l.substring(l.indexOf("<failure:")) : l)
                .filter(l -> l.startsWith("<failure:") || l.startsWith("<forked VM failed")
                        || l.matches("^(Exception|Error|[\\w.$]+(Exception|Error)\\b).*"))
                .findFirst().map(l -> ": " + l).orElse("");
    }
}
