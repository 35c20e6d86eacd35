package racebench.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.RunnerException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A user's benchmark that never returns costs its row and the limit's time, never the harness. */
@Tag("e2e")
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class HostJmhTest {

    @Test
    void aHungBenchmarkIsKilledWithItsHostAtTheLimitAndLeavesNoProcess(@TempDir Path tmp) throws IOException {
        Path jar = UserJmhJar.build(tmp.resolve("project"));
        Side side = new Side("bench", JmhJar.of(List.of(jar.toString())), Side.currentJava(), List.of());
        BenchCase c = new BenchCase("demo.Hangs.hangs", Map.of(), List.of(), "thrpt");
        long t0 = System.nanoTime();
        RunnerException e = assertThrows(RunnerException.class, () -> HostJmh.run(c, Profile.SMOKE, side, 1,
                tmp.resolve("r.json"), tmp.resolve("jmh.log"), Duration.ofSeconds(15)));
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        assertTrue(e.getMessage().contains("hard limit of 15 s"), e.getMessage());
        assertTrue(seconds < 60, "killed at the limit, not later: " + seconds + " s");
        assertEquals(0, racebench.process.Children.live());
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count(),
                "the host's fork is gone too");
        assertFalse(Files.exists(tmp.resolve("r.json")));
    }
}
