package racebench.nightly;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racebench.process.Children;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fault")
class NightlyLockTest {

    @Test
    void aSecondNightlyIsRefusedAtOnce(@TempDir Path results) throws Exception {
        try (NightlyLock first = NightlyLock.acquire(results)) {
            long start = System.nanoTime();
            NightlyLock.Busy busy = assertThrows(NightlyLock.Busy.class, () -> NightlyLock.acquire(results));
            assertTrue(busy.getMessage().contains("another nightly is running"), busy.getMessage());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "refused, not waited for");
        }
        NightlyLock.acquire(results).close(); // released
    }

    @org.junit.jupiter.api.Tag("e2e") // starts a JVM that holds the lock
    @org.junit.jupiter.api.Timeout(value = 2, unit = java.util.concurrent.TimeUnit.MINUTES)
    @Test
    void aLockHeldByAnotherProcessBlocksUntilThatProcessIsKilled(@TempDir Path results) throws Exception {
        Process holder = new ProcessBuilder(Children.javaExecutable(), "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), results.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("locked"), "the child took the lock: " + line);
            assertThrows(NightlyLock.Busy.class, () -> NightlyLock.acquire(results));
            holder.destroyForcibly(); // kill -9: no shutdown hook, no unlock
            assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
            NightlyLock.acquire(results).close(); // the kernel dropped the dead process's lock
        } finally {
            holder.destroyForcibly();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
