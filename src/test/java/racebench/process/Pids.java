package racebench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Process ids for tests of what racebench does about processes that are gone, without starting one. */
public final class Pids {
    private Pids() {
    }

    /** A pid no process or thread can have: above the kernel's largest (pid_max), else above 2^22. */
    public static long notRunning() {
        try {
            // read as lines: /proc reports a size of 0, and a read sized by it stops short
            return Long.parseLong(Files.readAllLines(Path.of("/proc/sys/kernel/pid_max")).getFirst().strip()) + 1;
        } catch (IOException | RuntimeException e) {
            return (1L << 22) + 1;
        }
    }
}
