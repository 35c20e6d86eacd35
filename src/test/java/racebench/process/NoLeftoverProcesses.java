package racebench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

/**
 * The check every process-starting test ends with: no tracked child alive and no
 * descendant of this JVM left. Exited children may take a moment to be reaped by the
 * JDK's process reaper, so descendants get a short grace; a leaked worker never leaves.
 */
public final class NoLeftoverProcesses {
    private NoLeftoverProcesses() {
    }

    public static void check() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<ProcessHandle> left;
        do {
            left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
            if (left.isEmpty() && Children.live() == 0) {
                return;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        assertEquals(0, Children.live(), "tracked children still alive");
        fail("descendants left: " + left.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList());
    }
}
