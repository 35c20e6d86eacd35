package racebench.process;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fault")
class OrphanedTrainingTest {

    @Test
    void aTrainingRunWhoseRacebenchIsGoneLeavesNothingBehindAndNothingElseIsTouched(@TempDir Path dir)
            throws IOException, InterruptedException {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path orphan = Files.writeString(dir.resolve("worker-1f2e.aot." + gone.pid() + ".tmp"), "half a cache");
        Path running = Files.writeString(dir.resolve("worker-1f2e.aot." + ProcessHandle.current().pid() + ".tmp"),
                "a cache being trained right now");
        Path cache = Files.writeString(dir.resolve("worker-1f2e.aot"), "a finished cache");
        Path foreign = Files.writeString(dir.resolve("worker-notes.aot.1.txt"), "someone's file");

        WorkerSpawn.removeOrphanedTraining(dir);

        assertFalse(Files.exists(orphan), "the dead run's partial cache");
        assertTrue(Files.exists(running), "a live run's partial cache stays");
        assertTrue(Files.exists(cache));
        assertTrue(Files.exists(foreign));
    }
}
