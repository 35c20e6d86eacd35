package racebench.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Entry points for a spawn benchmark: start one worker JVM, have it do one trivial task,
 * and reap it, with or without a JDK 25 AOT cache. The cache is trained once per class
 * path into the temporary folder; when the class path is not all jars, AOT is skipped
 * and {@link #aotSkippedReason()} says so (once, on stderr, as well).
 */
public final class WorkerSpawn {
    private static final Duration TIMEOUT = WorkerProcess.DEFAULT_START_TIMEOUT;
    private static WorkerLauncher aotLauncher;
    private static boolean aotWarned;

    private WorkerSpawn() {
    }

    /** The launcher {@link #spawnAndJoin(boolean)} uses; training the AOT cache on first use. */
    public static synchronized WorkerLauncher launcher(boolean aot) throws IOException, InterruptedException {
        WorkerLauncher plain = WorkerLauncher.defaults();
        if (!aot) {
            return plain;
        }
        Optional<String> reason = plain.aotUnavailableReason();
        if (reason.isPresent()) {
            if (!aotWarned) {
                aotWarned = true;
                System.err.println("racebench: " + reason.get() + "; spawning without it");
            }
            return plain;
        }
        if (aotLauncher == null) {
            // private (0700, the user's own, no symlink) so no one else can plant a cache that
            // -XX:AOTMode=on would load; a new key per jar rebuild, so keep only the newest few
            Path dir = PrivateFiles.cacheDir("aot");
            Path cache = dir.resolve("worker-" + classPathKey(plain.classPath()) + ".aot");
            if (!Files.isRegularFile(cache, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                PrivateFiles.prune(dir, "worker-*.aot", 3);
                removeOrphanedTraining(dir);
                // train under a private name and move it into place, so a killed training run
                // never leaves a half-written cache for the next run to trust
                Path partial = dir.resolve(cache.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
                try {
                    plain.trainAotCache(partial);
                    Files.move(partial, cache, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(partial);
                }
            }
            aotLauncher = plain.withAotCache(cache);
        }
        return aotLauncher;
    }

    /**
     * Deletes the partial caches of training runs whose racebench is gone (killed before it could
     * clean up): {@code worker-<key>.aot.<pid>.tmp} whose process no longer runs.
     */
    static void removeOrphanedTraining(Path dir) throws IOException {
        java.util.regex.Pattern partial = java.util.regex.Pattern.compile("worker-[0-9a-f]+\\.aot\\.(\\d+)\\.tmp");
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                java.util.regex.Matcher m = partial.matcher(file.getFileName().toString());
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()
                        && Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Changes when any jar is rebuilt or the JDK changes: the JVM would reject a stale cache. */
    private static String classPathKey(String classPath) throws IOException {
        long h = classPath.hashCode();
        h = 31 * h + (System.getProperty("java.home") + Runtime.version()).hashCode();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            h = 31 * h + Files.size(jar);
            h = 31 * h + Files.getLastModifiedTime(jar).toMillis();
        }
        return Long.toHexString(h);
    }

    public static Optional<String> aotSkippedReason() {
        return WorkerLauncher.defaults().aotUnavailableReason();
    }

    /** Starts one worker, runs one trivial task, closes its input and reaps it; returns the task's checksum. */
    public static long spawnAndJoin(WorkerLauncher launcher)
            throws IOException, InterruptedException, WorkerDiedException, TimeoutException {
        try (WorkerProcess worker = WorkerProcess.start(launcher, 1)) {
            long checksum = worker.runTrivialTask(TIMEOUT);
            int exit = worker.closeAndWait(TIMEOUT);
            if (exit != 0) {
                throw new IOException("worker exited with " + exit + "; stderr tail:\n" + worker.stderrTail());
            }
            return checksum;
        }
    }

    public static long spawnAndJoin(boolean aot)
            throws IOException, InterruptedException, WorkerDiedException, TimeoutException {
        return spawnAndJoin(launcher(aot));
    }
}
