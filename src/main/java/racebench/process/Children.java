package racebench.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every child process racebench starts goes through here, so none outlives the run: on
 * normal exit the caller reaps it, and on Ctrl-C or any other JVM shutdown a hook kills
 * what is still alive, descendants first (jcstress starts JVMs of its own), and then any
 * other descendant of this JVM, such as JMH's forks, which JMH starts itself; then it
 * removes the private temporary directories they worked in ({@link PrivateFiles}).
 */
public final class Children {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Children::killAll, "racebench-reaper"));
    }

    private Children() {
    }

    /** Makes sure the reaper runs at exit: what registers a temporary directory calls it. */
    static void reapAtExit() {
        // loading this class registered the hook
    }

    /** The java launcher of the running JDK, so children run on the same JDK 25 as their parent. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts a child and tracks it until {@link #reap} or shutdown. Never through a shell. */
    public static Process start(ProcessBuilder builder) throws IOException {
        return track(named(builder).start());
    }

    /** The builder with racebench's pid in the child's environment, for its {@link OrphanGuard}. */
    private static ProcessBuilder named(ProcessBuilder builder) {
        builder.environment().put(OrphanGuard.PARENT_VARIABLE, Long.toString(ProcessHandle.current().pid()));
        return builder;
    }

    /**
     * Starts a pipeline, each child's stdout an OS pipe into the next one's stdin that the
     * parent never touches (the tutorials' Pipe between two processes), and tracks every child.
     */
    public static List<Process> startPipeline(List<ProcessBuilder> builders) throws IOException {
        List<Process> processes = ProcessBuilder.startPipeline(builders.stream().map(Children::named).toList());
        processes.forEach(Children::track);
        return processes;
    }

    private static Process track(Process process) {
        LIVE.add(process);
        process.onExit().thenRun(() -> LIVE.remove(process));
        return process;
    }

    /**
     * Kills a child and its descendants and waits for it: a polite destroy, then a forcible
     * one after the grace period. Safe to call on a child that has already exited.
     */
    public static void reap(Process process, long graceMillis) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        boolean interrupted = false;
        try {
            if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            interrupted = true;
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        } finally {
            LIVE.remove(process);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How many tracked children are alive: 0 after every run, which the tests check. */
    public static int live() {
        return (int) LIVE.stream().filter(Process::isAlive).count();
    }

    private static void killAll() {
        for (Process p : LIVE) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        // and what libraries started without us: JMH's forks and the worker JVMs inside them
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        // then the private temporary directories they worked in, once they are gone
        for (Process p : LIVE) {
            try {
                p.waitFor(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                break;
            }
        }
        PrivateFiles.deleteAllTemporary();
    }
}
