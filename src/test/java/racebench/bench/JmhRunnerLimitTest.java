package racebench.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A JMH fork that hangs is killed at its hard limit, with its children, and nothing else is. */
class JmhRunnerLimitTest {

    @Test
    void theHardLimitIsTwoMinutesPlusTenTimesTheIterations() {
        // nightly: 2 x 100 ms warm-up, 6 x 100 ms measurement
        assertEquals(Duration.ofSeconds(128), JmhRunner.hardLimit(Profile.NIGHTLY, 1));
        assertEquals(Duration.ofSeconds(256), JmhRunner.hardLimit(Profile.NIGHTLY, 2));
    }

    @Tag("e2e")
    @Tag("fault")
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aHungForkAndItsChildAreKilledAndAnOtherChildIsNot(@TempDir Path tmp) throws IOException, InterruptedException {
        Path hang = Files.writeString(tmp.resolve("Hang.java"), """
                class Hang {
                    public static void main(String[] args) throws Exception {
                        Thread.sleep(600_000);
                    }
                }
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Instant before = Instant.now();
        Process other = new ProcessBuilder(java, hang.toString()).start(); // a child that is no JMH fork
        Process fork = new ProcessBuilder(java, "-Dlooks.like=" + JmhRunner.FORK_MAIN, hang.toString()).start();
        try {
            Thread.sleep(500); // both have started
            assertEquals(1, JmhRunner.killForks(before));
            assertTrue(fork.waitFor(20, TimeUnit.SECONDS), "the fork was killed");
            assertFalse(other.waitFor(1, TimeUnit.SECONDS), "another child is left alone");
        } finally {
            other.destroyForcibly().waitFor();
            fork.destroyForcibly().waitFor();
        }
    }
}
