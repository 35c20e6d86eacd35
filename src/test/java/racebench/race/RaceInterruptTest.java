package racebench.race;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import racebench.process.Children;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * SIGTERM in the middle of a race run: jcstress and its test JVMs are stopped, the private
 * temporary directory jcstress worked in is removed, and racebench exits 143.
 */
@Tag("e2e")
@Tag("fault")
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class RaceInterruptTest {

    @Test
    void sigtermMidRaceLeavesNoProcessAndNoTemporaryDirectory(@TempDir Path scratch) throws Exception {
        Path tmp = Files.createDirectory(scratch.resolve("tmp"));
        Path out = Files.createDirectory(scratch.resolve("results"));
        Process race = new ProcessBuilder(Children.javaExecutable(), "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), "racebench.cli.Main", "race", "--mode", "quick",
                "--tests", "Synchronized$", "--no-retry", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(scratch.resolve("console.log").toFile()).start();
        try {
            // wait until jcstress has a test JVM of its own running (a grandchild), then stop racebench
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (race.descendants().filter(p -> p.info().commandLine().orElse("").contains("ForkedMain")).findAny()
                    .isEmpty()) {
                if (System.nanoTime() > deadline || !race.isAlive()) {
                    fail("no jcstress fork started: " + Files.readString(scratch.resolve("console.log")));
                }
                Thread.sleep(50);
            }
            List<ProcessHandle> family = race.descendants().toList();
            try (Stream<Path> during = Files.list(tmp)) {
                assertTrue(during.anyMatch(p -> p.getFileName().toString().startsWith("racebench-jcstress-")),
                        "jcstress works in a private temporary directory");
            }
            race.destroy();
            assertTrue(race.waitFor(30, TimeUnit.SECONDS), "racebench stopped");
            assertEquals(143, race.exitValue(), "exit code after SIGTERM");
            long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (family.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < gone) {
                Thread.sleep(100);
            }
            assertEquals(List.of(), family.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList(),
                    "descendants left behind");
        } finally {
            race.descendants().forEach(ProcessHandle::destroyForcibly);
            race.destroyForcibly();
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("racebench-")).toList(),
                    "temporary files left behind");
        }
    }
}
