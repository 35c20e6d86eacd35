package racebench.race;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import racebench.process.NoLeftoverProcesses;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** jcstress has no time limit on a fork; racebench stops a run that has gone silent. */
@Tag("e2e")
@Tag("fault")
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class JcstressRunnerTest {

    @Test
    void aForkThatHangsIsStoppedWithItsDescendantsAndNamed(@TempDir Path dir) throws Exception {
        List<String> classPath = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        classPath.add(Path.of("target", "test-classes").toAbsolutePath().toString());
        JcstressRunner.Request request = new JcstressRunner.Request(classPath,
                List.of("-m", "quick", "-t", "racebench.stress.LostUpdate.UserCounter", "-time", "50", "-iters", "1"),
                List.of("-Dracebench.counter=racebench.fixtures.HangingUnderStressCounter"),
                dir.resolve("report"), dir.resolve("jcstress.log"), Duration.ofSeconds(15));
        long start = System.nanoTime();
        JcstressRunner.Silent silent = assertThrows(JcstressRunner.Silent.class,
                () -> JcstressRunner.run(request, line -> { }));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(silent.getMessage().contains("printed nothing for 15 s"), silent.getMessage());
        assertTrue(seconds < 120, "stopped " + seconds + " s after the start, not left hanging");
        assertTrue(Files.readString(dir.resolve("jcstress.log")).contains("UserCounter"), "jcstress ran the test");
        NoLeftoverProcesses.check();
    }
}
