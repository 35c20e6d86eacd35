package racebench.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * How a worker JVM is started: the running JDK's java, the class path it should load
 * {@link WorkerMain} from (by default the parent's own), fast-start flags, and optionally
 * a JDK 25 AOT cache. Serial GC and small stacks start fastest; JIT tiers are left alone
 * because workers do CPU work. VM output is sent to stderr, since stdout carries frames.
 * No -Xshare flag: CDS is on by default (auto), and the JVM refuses -XX:AOTCacheOutput
 * alongside any explicit -Xshare option.
 *
 * An AOT cache needs a class path of JARs: with a directory class path (as under
 * surefire) {@link #aotUnavailableReason()} says why and workers start without one.
 */
public record WorkerLauncher(String classPath, List<String> jvmOptions, Optional<Path> aotCache) {
    public static final List<String> FAST_START = List.of(
            "-XX:+UseSerialGC", "-Xss512k", "-XX:-UsePerfData",
            "-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr");

    public WorkerLauncher {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** Workers on the parent's class path with {@link #FAST_START}, no AOT cache. */
    public static WorkerLauncher defaults() {
        return forClassPath(System.getProperty("java.class.path"));
    }

    public static WorkerLauncher forClassPath(String classPath) {
        return new WorkerLauncher(classPath, FAST_START, Optional.empty());
    }

    public WorkerLauncher withAotCache(Path cache) {
        return new WorkerLauncher(classPath, jvmOptions, Optional.of(cache));
    }

    /** Empty when an AOT cache can be made for this class path, else why not. */
    public Optional<String> aotUnavailableReason() {
        String[] entries = classPath.split(File.pathSeparator);
        for (String entry : entries) {
            if (!entry.endsWith(".jar") || !Files.isRegularFile(Path.of(entry))) {
                return Optional.of("AOT cache skipped: class path entry " + entry
                        + " is not a jar (JDK 25 AOT caches need a JAR class path)");
            }
        }
        return Optional.empty();
    }

    /** The command line of a worker running {@code threads} task threads. */
    public List<String> command(int threads) {
        // AOTMode=on: a cache the JVM cannot use is an error, not a silent plain start
        return command(threads, aotCache.map(p -> List.of("-XX:AOTCache=" + p, "-XX:AOTMode=on")).orElse(List.of()));
    }

    private List<String> command(int threads, List<String> aotFlags) {
        return command(aotFlags, WorkerMain.class, List.of(Integer.toString(threads)));
    }

    /**
     * The command line of another racebench main class on this launcher's class path and
     * fast-start flags, without an AOT cache (it is trained for the worker): the demos'
     * children and the IPC echo peers.
     */
    public List<String> command(Class<?> main, List<String> args) {
        return command(List.of(), main, args);
    }

    private List<String> command(List<String> aotFlags, Class<?> main, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Children.javaExecutable());
        command.addAll(jvmOptions);
        command.addAll(racebench.workload.UserTask.inheritedJvmArgs()); // a user's task runs in workers too
        command.addAll(aotFlags);
        command.add("-cp");
        command.add(classPath);
        command.add(main.getName());
        command.addAll(args);
        return command;
    }

    /**
     * Writes an AOT cache for the worker with one training run (one trivial task, then end
     * of input) and returns a launcher that uses it. Throws when the class path has no jars.
     */
    public WorkerLauncher trainAotCache(Path cache) throws IOException, InterruptedException {
        Optional<String> reason = aotUnavailableReason();
        if (reason.isPresent()) {
            throw new IllegalStateException(reason.get());
        }
        Files.deleteIfExists(cache);
        List<String> command = command(1, List.of("-XX:AOTCacheOutput=" + cache.toAbsolutePath()));
        try (WorkerProcess worker = WorkerProcess.start(new ProcessBuilder(command), "aot-training")) {
            worker.runTrivialTask(WorkerProcess.DEFAULT_START_TIMEOUT);
            int exit = worker.closeAndWait(WorkerProcess.DEFAULT_START_TIMEOUT);
            if (exit != 0 || !Files.isRegularFile(cache)) {
                throw new IOException("AOT training run exited with " + exit + " and wrote no "
                        + cache + "; stderr tail:\n" + worker.stderrTail());
            }
        } catch (WorkerDiedException | TimeoutException e) {
            throw new IOException("AOT training run failed: " + e.getMessage(), e);
        }
        return withAotCache(cache);
    }
}
