package racebench.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.RunnerException;
import racebench.process.NoLeftoverProcesses;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real JMH forks started from another build's class path: the one fact {@link Build} rests on. */
@Tag("e2e")
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class BuildTest {
    private static final BenchCase LOOP = new BenchCase("racebench.workload.MachineBenchmark.cpu", java.util.Map.of());

    private static List<String> classPath() {
        return Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
    }

    @Test
    void aForkRunsFromTheBuildsClassPathAndThePropertyIsPutBack(@TempDir Path dir) throws Exception {
        String mine = System.getProperty("java.class.path");
        Build same = new Build("same", classPath());
        JmhRunner.Forks forks = same.run(() -> JmhRunner.run(LOOP, Profile.SMOKE, 1, dir.resolve("a.json"),
                dir.resolve("jmh.log")));
        assertEquals(1, forks.samples().orElseThrow().forks().size());
        assertEquals(mine, System.getProperty("java.class.path"));

        // the same class path less racebench's own classes: JMH starts, the benchmark is not there
        List<String> withoutRacebench = classPath().stream()
                .filter(e -> !Files.isDirectory(Path.of(e)) || !Files.isDirectory(Path.of(e, "racebench", "workload")))
                .toList();
        assertTrue(withoutRacebench.size() < classPath().size(), "the test's class path holds racebench's classes");
        Build without = new Build("without", withoutRacebench);
        RunnerException e = assertThrows(RunnerException.class, () -> without.run(() -> JmhRunner.run(LOOP,
                Profile.SMOKE, 1, dir.resolve("b.json"), dir.resolve("jmh.log"))));
        String log = Files.readString(dir.resolve("jmh.log"));
        // JMH's fork JVM could not load the benchmark's generated class from that class path
        assertTrue(log.contains("Benchmark does not match a class"), e.getMessage());
        assertEquals(mine, System.getProperty("java.class.path"), "put back after a failure too");
        NoLeftoverProcesses.check();
    }
}
