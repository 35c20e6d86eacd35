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
        long dead = Pids.notRunning();
        Path orphan = Files.writeString(dir.resolve("worker-1f2e.aot." + dead + ".tmp"), "half a cache");
        Path running = Files.writeString(dir.resolve("worker-1f2e.aot." + ProcessHandle.current().pid() + ".tmp"),
                "a cache being trained right now");
        Path cache = Files.writeString(dir.resolve("worker-1f2e.aot"), "a finished cache");
        Path foreign = Files.writeString(dir.resolve("worker-notes.aot.1.txt"), "someone's file");
        // a folder and a link named as a dead run's partial cache are someone else's
        Path folder = Files.createDirectory(dir.resolve("worker-2f2e.aot." + dead + ".tmp"));
        Path elsewhere = Files.writeString(Files.createDirectory(dir.resolve("elsewhere")).resolve("theirs"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("worker-3f2e.aot." + dead + ".tmp"), elsewhere);

        WorkerSpawn.removeOrphanedTraining(dir);

        assertTrue(Files.isDirectory(folder), "a folder is never a partial cache");
        assertTrue(Files.isSymbolicLink(link), "a link is never a partial cache");
        assertTrue(Files.exists(elsewhere));

        assertFalse(Files.exists(orphan), "the dead run's partial cache");
        assertTrue(Files.exists(running), "a live run's partial cache stays");
        assertTrue(Files.exists(cache));
        assertTrue(Files.exists(foreign));
    }
}
