package racebench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import racebench.workload.TaskSpec;
import racebench.workload.Tasks;
import racebench.workload.Workload;

/**
 * The JDK 25 AOT path end to end: the worker's classes (process and workload, which need
 * nothing else) are put into a jar, a cache is trained from it, and a worker started with
 * the cache does its task. Takes a few seconds: training assembles the cache in a second JVM.
 */
@Tag("e2e") // starts JVMs
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class AotCacheTest {
    @TempDir
    Path dir;

    @AfterEach
    void noLeftovers() throws InterruptedException {
        NoLeftoverProcesses.check();
    }

    @Test
    void trainOnceThenSpawnWithTheCache() throws Exception {
        Path jar = workerJar(dir.resolve("worker.jar"));
        WorkerLauncher plain = WorkerLauncher.forClassPath(jar.toString());
        assertFalse(plain.aotUnavailableReason().isPresent());

        WorkerLauncher aot = plain.trainAotCache(dir.resolve("worker.aot"));
        assertTrue(Files.size(dir.resolve("worker.aot")) > 0);
        assertTrue(aot.command(1).contains("-XX:AOTCache=" + dir.resolve("worker.aot")));
        long expected = Tasks.execute(new TaskSpec(0, Workload.CPU, 0, 1));
        assertEquals(expected, WorkerSpawn.spawnAndJoin(aot));
        // AOTMode=on makes an unusable cache a start-up error instead of a silent fallback
        List<String> strict = new ArrayList<>(aot.jvmOptions());
        strict.add("-XX:AOTMode=on");
        assertEquals(expected, WorkerSpawn.spawnAndJoin(new WorkerLauncher(aot.classPath(), strict, aot.aotCache())));
        assertEquals(expected, WorkerSpawn.spawnAndJoin(plain));
    }

    private static Path workerJar(Path jar) throws IOException {
        Path classes = Path.of(WorkerMain.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String pkg : List.of("racebench/process", "racebench/workload")) {
                try (Stream<Path> files = Files.list(classes.resolve(pkg))) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                        Files.copy(f, out);
                        out.closeEntry();
                    }
                }
            }
        }
        return jar;
    }
}
