package racebench.race;

import racebench.process.Children;
import racebench.results.Csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs jcstress in a JVM of its own ({@link StressMain}), with a plain class path that its
 * forked test JVMs inherit, in a private working directory so none of its files land in the
 * project. Streams its console to a log file and hands progress lines to the caller.
 */
public final class JcstressRunner {

    /** What went wrong when jcstress itself failed (exit 3 territory). */
    public static class JcstressFailure extends Exception {
        public JcstressFailure(String message) {
            super(message);
        }
    }

    /**
     * jcstress went silent for longer than its request allowed: a forked test JVM hung (a
     * counter that never returns), and jcstress itself has no time limit on a fork.
     */
    public static final class Silent extends JcstressFailure {
        public Silent(String message) {
            super(message);
        }
    }

    /**
     * @param classPath    racebench's class path plus any user entries
     * @param jcstressArgs jcstress options (mode, test regex, overrides)
     * @param forkJvmArgs  flags every forked test JVM gets in front of jcstress's own
     * @param reportDir    where jcstress writes its HTML report
     * @param log          where jcstress's console output goes
     * @param silenceLimit how long jcstress may print nothing before it is stopped as hung
     *                     (it prints a line per finished fork)
     */
    public record Request(List<String> classPath, List<String> jcstressArgs, List<String> forkJvmArgs,
                          Path reportDir, Path log, Duration silenceLimit) {
    }

    private JcstressRunner() {
    }

    public static List<OutcomeRow> run(Request request, Consumer<String> progress)
            throws IOException, InterruptedException, JcstressFailure {
        Path work = racebench.process.PrivateFiles.temporaryDir("racebench-jcstress-");
        Path outcomes = work.resolve("outcomes.csv");
        List<String> command = new ArrayList<>(List.of(
                Children.javaExecutable(), "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                // jcstress works in a directory of its own: relative entries and paths would point into it
                "-cp", String.join(java.io.File.pathSeparator, request.classPath().stream()
                        .map(e -> e.isEmpty() ? e : Path.of(e).toAbsolutePath().toString()).toList()),
                StressMain.class.getName(), outcomes.toString()));
        command.addAll(request.jcstressArgs());
        command.addAll(List.of("-r", request.reportDir().toAbsolutePath().toString()));
        List<String> forkArgs = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED"));
        forkArgs.addAll(request.forkJvmArgs());
        command.addAll(List.of("-jvmArgsPrepend", String.join(" ", forkArgs)));

        Process process = Children.start(new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true));
        AtomicLong lastLine = new AtomicLong(System.nanoTime());
        AtomicBoolean hung = new AtomicBoolean();
        Thread watchdog = Thread.ofPlatform().daemon().name("racebench-jcstress-watchdog").start(() -> {
            try {
                while (process.isAlive()) {
                    if (System.nanoTime() - lastLine.get() > request.silenceLimit().toNanos()) {
                        hung.set(true);
                        Children.reap(process, 2_000);   // closes its output, which ends the reading below
                        return;
                    }
                    Thread.sleep(1_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            process.getOutputStream().close();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 Writer log = Files.newBufferedWriter(request.log(), StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    log.write(line);
                    log.write(System.lineSeparator());
                    lastLine.set(System.nanoTime());
                    progress.accept(line);
                }
            }
            int exit = process.waitFor();
            if (hung.get()) {
                throw new Silent("jcstress printed nothing for " + request.silenceLimit().toSeconds()
                        + " s, so a forked test JVM hung and was stopped; see " + request.log());
            }
            if (exit != 0 || !Files.isRegularFile(outcomes)) {
                throw new JcstressFailure("jcstress exited with " + exit + "; see " + request.log());
            }
            List<OutcomeRow> rows = Csv.read(outcomes).stream().map(OutcomeRow::of).toList();
            if (rows.isEmpty()) {
                throw new JcstressFailure("jcstress ran no test; see " + request.log());
            }
            return rows;
        } finally {
            watchdog.interrupt();
            Children.reap(process, 2_000);
            racebench.process.PrivateFiles.delete(work);
        }
    }
}
