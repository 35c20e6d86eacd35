package racebench.cli;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import racebench.fixtures.SpinTask;
import racebench.process.Children;
import racebench.results.Csv;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static racebench.cli.MainTest.assertUsageError;
import static racebench.cli.MainTest.run;

/** bench --task: a user's Runnable or Callable through the strategies, and the ways a task can be wrong. */
@Tag("e2e")
@Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES)
class UserTaskEndToEndTest {

    static String classPath() {
        try {
            return Path.of(SpinTask.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aUsersTaskRunsThroughThreadsPoolsAndWorkerJvmsWithSpeedupsOverSequential(@TempDir Path tmp)
            throws IOException {
        MainTest.Outcome o = run("bench", "--task", SpinTask.class.getName(), "--classpath", classPath(),
                "--profile", "smoke", "--param", "strategy=SEQUENTIAL,FIXED_POOL,PROCESS_POOL",
                "--param", "tasks=1,4", "--results", tmp.toString());
        assertEquals(0, o.exit(), o.toString());
        Path runDir;
        try (Stream<Path> runs = Files.list(tmp)) {
            runDir = runs.toList().getFirst();
        }
        List<CSVRecord> rows = Csv.read(runDir.resolve("bench.csv"));
        assertEquals(6, rows.size());
        for (CSVRecord r : rows) {
            assertEquals("TaskBenchmark.batch", r.get("benchmark"));
            assertEquals("TASK", r.get("workload"));
            assertFalse(r.get("speedup").isEmpty(), "a speedup over SEQUENTIAL: " + r);
        }
        assertTrue(Files.readString(runDir.resolve("environment.csv")).contains("task," + SpinTask.class.getName()));
        assertTrue(o.out().contains("TASK, 4 tasks"), o.out());
        assertEquals(0, Children.live());
    }

    @Test
    void aTaskThatThrowsOrEndsItsJvmIsOneLineAndExitThreeAndTheHarnessLivesOn(@TempDir Path tmp) {
        for (String task : new String[] {"racebench.fixtures.ThrowingTask", "racebench.fixtures.ExitingTask"}) {
            MainTest.Outcome o = run("bench", "--task", task, "--classpath", classPath(), "--profile", "smoke",
                    "--param", "strategy=SEQUENTIAL,PROCESS_POOL", "--param", "tasks=2", "--results", tmp.toString());
            assertEquals(3, o.exit(), o.toString());
            assertEquals(1, o.err().lines().count(), o.err());
            assertTrue(o.err().contains(task.endsWith("ThrowingTask") ? "task failed on purpose" : "exit"), o.err());
        }
        assertEquals(0, Children.live());
    }

    @Tag("fault")
    @Test
    void aTaskClassThatIsMissingOrNotATaskIsOneLineAndExitTwoAndWritesNothing(@TempDir Path tmp) {
        String out = tmp.resolve("results").toString();
        assertUsageError(run("bench", "--task", "com.example.Nope", "--classpath", classPath(), "--results", out),
                "no class com.example.Nope");
        assertUsageError(run("bench", "--task", "racebench.fixtures.NotACounter", "--classpath", classPath(),
                "--results", out), "neither a Runnable nor a Callable");
        assertUsageError(run("bench", "--task", SpinTask.class.getName(), "--results", out), "--task needs --classpath");
        assertUsageError(run("bench", "--task", SpinTask.class.getName(), "--classpath", tmp.resolve("none").toString(),
                "--results", out), "does not exist");
        assertUsageError(run("bench", "--task", SpinTask.class.getName(), "--classpath", classPath(), "--param",
                "workload=CPU", "--results", out), "takes only tasks and strategy");
        assertUsageError(run("bench", "--task", SpinTask.class.getName(), "--classpath", classPath(), "--param",
                "tasks=0", "--results", out), "a batch is 1 to 9999 tasks");
        assertFalse(Files.exists(tmp.resolve("results")));
    }
}
