package racebench.nightly;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import racebench.process.Children;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A nightly stopped mid-measurement, by SIGTERM and by kill -9: its run directory stays
 * unmarked (never a baseline), history.csv and earlier runs are untouched, and no JMH fork or
 * worker JVM outlives it.
 */
@Tag("e2e")
@Tag("fault")
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class NightlyInterruptTest {

    @Test
    void sigtermLeavesNothingBehind(@TempDir Path results) throws Exception {
        interrupt(results, false);
    }

    @Test
    void killDashNineLeavesNothingBehind(@TempDir Path results) throws Exception {
        interrupt(results, true);
    }

    private static void interrupt(Path results, boolean forcibly) throws Exception {
        Path earlier = BaselinesTest.nightly(results, "20200101-000000", BaselinesTest.HERE, BaselinesTest.FORKS,
                racebench.results.Completion.Status.OK);
        byte[] earlierForks = Files.readAllBytes(earlier.resolve("bench-forks.csv"));
        byte[] history = "run,time\r\nx,y\r\n".getBytes();
        Files.write(results.resolve(History.FILE), history);

        Process nightly = new ProcessBuilder(Children.javaExecutable(), "-cp", System.getProperty("java.class.path"),
                "racebench.cli.Main", "nightly", "--profile", "smoke", "--race-mode", "none", "--budget", "5",
                "--results", results.toString())
                .redirectErrorStream(true).redirectOutput(results.resolve("console.log").toFile()).start();
        try {
            // wait until JMH has a fork running (a grandchild JVM), then stop the nightly
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (nightly.descendants().noneMatch(p -> p.info().commandLine().orElse("").contains("ForkedMain"))) {
                if (System.nanoTime() > deadline || !nightly.isAlive()) {
                    fail("no JMH fork started: " + Files.readString(results.resolve("console.log")));
                }
                Thread.sleep(50);
            }
            List<ProcessHandle> family = nightly.descendants().toList();
            if (forcibly) {
                nightly.destroyForcibly();
            } else {
                nightly.destroy();
            }
            assertTrue(nightly.waitFor(30, TimeUnit.SECONDS));
            long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (family.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < gone) {
                Thread.sleep(100);
            }
            assertEquals(List.of(), family.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList(),
                    "descendants left behind");
        } finally {
            nightly.descendants().forEach(ProcessHandle::destroyForcibly);
            nightly.destroyForcibly();
        }
        assertEquals(new String(history), Files.readString(results.resolve(History.FILE)));
        assertEquals(new String(earlierForks), Files.readString(earlier.resolve("bench-forks.csv")));
        try (Stream<Path> runs = Files.list(results)) {
            List<Path> interrupted = runs.filter(p -> !p.equals(earlier) && Files.isDirectory(p)).toList();
            assertEquals(1, interrupted.size(), interrupted.toString());
            assertFalse(racebench.results.Completion.isComplete(interrupted.getFirst()), "an interrupted run is never complete");
        }
        // and the next night is not blocked by the dead one's lock
        NightlyLock.acquire(results).close();
    }
}
