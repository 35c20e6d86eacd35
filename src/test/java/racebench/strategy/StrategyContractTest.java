package racebench.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import racebench.process.NoLeftoverProcesses;
import racebench.workload.TaskFault;
import racebench.workload.TaskSpec;
import racebench.workload.Tasks;
import racebench.workload.Workload;

/**
 * What every strategy must do, JCTools QueueSanityTest style: one parameter per kind.
 * Batches are small (8 mixed tasks of 5-10 ms sleep and 50k CPU steps) and process pools
 * have two worker JVMs, so the suite stays short on two cores. A strategy is reused
 * after a failure, proving its threads and workers survive or are replaced, and every
 * test ends with no child process alive.
 */
@org.junit.jupiter.api.Tag("e2e") // starts JVMs
@org.junit.jupiter.api.Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class StrategyContractTest {
    static final StrategyOptions OPTIONS = StrategyOptions.defaults().withProcesses(2).withThreadsPerProcess(2);
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);
    static final List<TaskSpec> BATCH = Workload.MIXED.batch(8, 2026, Duration.ofMillis(1), 50_000);

    @AfterEach
    void noLeftovers() throws InterruptedException {
        NoLeftoverProcesses.check();
    }

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void resultsComeInSubmissionOrderRunAfterRun(StrategyKind kind) throws Exception {
        List<Long> expected = Tasks.expectedChecksums(BATCH);
        try (ExecutionStrategy strategy = kind.create(OPTIONS)) {
            for (int run = 0; run < 3; run++) {
                assertEquals(expected, strategy.run(BATCH, TIMEOUT), kind + " run " + run);
            }
            List<TaskSpec> cpu = Workload.CPU.batch(5, 1, 20_000);
            assertEquals(Tasks.expectedChecksums(cpu), strategy.run(cpu, TIMEOUT), kind + " cpu");
        }
    }

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void anEmptyBatchHasNoResults(StrategyKind kind) throws Exception {
        try (ExecutionStrategy strategy = kind.create(OPTIONS)) {
            assertEquals(List.of(), strategy.run(List.of(), TIMEOUT));
        }
    }

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void aFailingTaskIsNamedAndTheStrategySurvivesIt(StrategyKind kind) throws Exception {
        List<TaskSpec> batch = with(BATCH, 3, BATCH.get(3).withFault(TaskFault.FAIL_FOR_TEST));
        try (ExecutionStrategy strategy = kind.create(OPTIONS)) {
            TaskFailedException e = assertThrows(TaskFailedException.class, () -> strategy.run(batch, TIMEOUT));
            assertEquals(3, e.taskIndex());
            assertTrue(e.getMessage().contains("task 3"), e.getMessage());
            if (kind.isProcess()) {
                assertInstanceOf(RemoteTaskException.class, e.getCause());
            }
            assertTrue(e.getCause().getMessage().contains("failed on purpose"), e.getCause().getMessage());
            assertEquals(Tasks.expectedChecksums(BATCH), strategy.run(BATCH, TIMEOUT), "reusable after a failure");
        }
    }

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void aHangingTaskTimesOutPromptly(StrategyKind kind) throws Exception {
        TaskSpec hang = new TaskSpec(1, Workload.MIXED, TimeUnit.MINUTES.toNanos(10), 1000);
        List<TaskSpec> batch = with(BATCH.subList(0, 4), 1, hang);
        try (ExecutionStrategy strategy = kind.create(OPTIONS)) {
            long start = System.nanoTime();
            TaskTimeoutException e = assertThrows(TaskTimeoutException.class, () -> strategy.run(batch, SHORT_TIMEOUT));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(1, e.taskIndex());
            assertEquals(SHORT_TIMEOUT, e.timeout());
            assertTrue(millis < 20_000, "timed out after " + millis + " ms");
            assertEquals(Tasks.expectedChecksums(BATCH), strategy.run(BATCH, TIMEOUT), "reusable after a timeout");
        }
    }

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void aCrashedWorkerReportsExitCodeAndStderr(StrategyKind kind) throws Exception {
        List<TaskSpec> batch = with(BATCH, 2, BATCH.get(2).withFault(TaskFault.CRASH_WORKER_FOR_TEST));
        try (ExecutionStrategy strategy = kind.create(OPTIONS)) {
            if (!kind.isProcess()) { // in-process there is no worker to crash: the task just fails
                assertEquals(2, assertThrows(TaskFailedException.class, () -> strategy.run(batch, TIMEOUT)).taskIndex());
                return;
            }
            WorkerCrashedException e = assertThrows(WorkerCrashedException.class, () -> strategy.run(batch, TIMEOUT));
            assertEquals(TaskFault.CRASH_EXIT_CODE, e.exitCode());
            assertTrue(e.stderrTail().contains("crashing on purpose in task 2"), e.stderrTail());
            if (kind != StrategyKind.PROCESS_THREADS) { // there a co-tenant task of the same worker may report first
                assertEquals(2, e.taskIndex());
            }
            assertEquals(Tasks.expectedChecksums(BATCH), strategy.run(BATCH, TIMEOUT), "dead worker replaced");
        }
    }

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void anInterruptedRunStopsItsTasksAndThrows(StrategyKind kind) throws Exception {
        List<TaskSpec> batch = Workload.DOWNLOAD.batch(4, 1, Duration.ofSeconds(10), 0);
        try (ExecutionStrategy strategy = kind.create(OPTIONS)) {
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            Thread caller = Thread.ofPlatform().start(() -> {
                try {
                    outcome.set(new AssertionError("returned " + strategy.run(batch, Duration.ofMinutes(5))));
                } catch (Throwable t) {
                    outcome.set(t);
                }
            });
            Thread.sleep(300);
            caller.interrupt();
            caller.join(20_000);
            assertInstanceOf(InterruptedException.class, outcome.get(), kind + " ended with " + outcome.get());
            assertEquals(Tasks.expectedChecksums(BATCH), strategy.run(BATCH, TIMEOUT), "usable after an interrupt");
        }
    }

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void workersFitTheKind(StrategyKind kind) {
        assertEquals(0, kind.workers(0, OPTIONS));
        int w = kind.workers(8, OPTIONS);
        assertTrue(w >= 1 && w <= 8, kind + " " + w);
        assertTrue(kind.cpuWorkers(8, OPTIONS) <= w);
        assertEquals(kind.name().startsWith("PROCESS"), kind.isProcess());
    }

    private static List<TaskSpec> with(List<TaskSpec> batch, int index, TaskSpec replacement) {
        List<TaskSpec> copy = new ArrayList<>(batch);
        copy.set(index, replacement);
        return copy;
    }
}
