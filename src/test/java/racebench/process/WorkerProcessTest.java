package racebench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import racebench.workload.TaskFault;
import racebench.workload.TaskSpec;
import racebench.workload.Tasks;
import racebench.workload.Workload;

/** End to end: real worker JVMs on the test class path. */
@Tag("e2e") // starts JVMs
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class WorkerProcessTest {
    private static final Duration START = Duration.ofSeconds(60);

    @AfterEach
    void noLeftovers() throws InterruptedException {
        NoLeftoverProcesses.check();
    }

    @Test
    void commandIsJavaWithoutAShell() {
        List<String> command = WorkerLauncher.defaults().command(3);
        assertEquals(Children.javaExecutable(), command.getFirst());
        assertEquals(List.of(WorkerMain.class.getName(), "3"), command.subList(command.size() - 2, command.size()));
        assertTrue(command.containsAll(WorkerLauncher.FAST_START));
    }

    @Test
    void aWorkerAnswersInAnyOrderAndExitsOnEndOfInput() throws Exception {
        List<TaskSpec> batch = Workload.MIXED.batch(6, 5, 50_000);
        List<Long> expected = Tasks.expectedChecksums(batch);
        try (WorkerProcess worker = WorkerProcess.start(WorkerLauncher.defaults(), 3)) {
            assertEquals(worker.pid(), worker.awaitReady(START));
            var futures = batch.stream().map(t -> worker.submit(t.index(), t)).toList();
            for (int i = 0; i < batch.size(); i++) {
                Frames.Response r = futures.get(i).get(30, TimeUnit.SECONDS);
                assertEquals(Frames.Response.success(i, expected.get(i)), r);
            }
            assertEquals(0, worker.closeAndWait(START));
            assertFalse(worker.isAlive());
        }
    }

    @Test
    void aCrashFailsPendingTasksWithExitCodeAndStderr() throws Exception {
        try (WorkerProcess worker = WorkerProcess.start(WorkerLauncher.defaults(), 1)) {
            worker.awaitReady(START);
            var crash = worker.submit(0, new TaskSpec(0, Workload.CPU, 0, 1, TaskFault.CRASH_WORKER_FOR_TEST));
            var e = assertThrows(ExecutionException.class, () -> crash.get(30, TimeUnit.SECONDS));
            WorkerDiedException died = (WorkerDiedException) e.getCause();
            assertEquals(TaskFault.CRASH_EXIT_CODE, died.exitCode());
            assertTrue(died.stderrTail().contains("crashing on purpose"), died.stderrTail());
            assertFalse(died.killedByParent());
            var late = worker.submit(1, new TaskSpec(1, Workload.CPU, 0, 1));
            assertThrows(ExecutionException.class, () -> late.get(30, TimeUnit.SECONDS), "a dead worker takes no work");
        }
    }

    @Test
    void aKillIsToldApartFromACrash() throws Exception {
        try (WorkerProcess worker = WorkerProcess.start(WorkerLauncher.defaults(), 1)) {
            worker.awaitReady(START);
            var sleeper = worker.submit(0, new TaskSpec(0, Workload.DOWNLOAD, TimeUnit.MINUTES.toNanos(5), 0));
            worker.kill();
            var e = assertThrows(ExecutionException.class, () -> sleeper.get(30, TimeUnit.SECONDS));
            assertTrue(((WorkerDiedException) e.getCause()).killedByParent());
        }
    }

    @Test
    void spawnAndJoinWithoutAot() throws Exception {
        long expected = Tasks.execute(new TaskSpec(0, Workload.CPU, 0, 1));
        for (int i = 0; i < 3; i++) {
            assertEquals(expected, WorkerSpawn.spawnAndJoin(false));
        }
    }

    @Test
    void aotIsSkippedForADirectoryClassPath() throws Exception {
        assertTrue(WorkerSpawn.aotSkippedReason().isPresent(), "surefire's class path is target/classes");
        assertTrue(WorkerSpawn.aotSkippedReason().get().contains("not a jar"));
        assertEquals(Tasks.execute(new TaskSpec(0, Workload.CPU, 0, 1)), WorkerSpawn.spawnAndJoin(true));
    }
}
