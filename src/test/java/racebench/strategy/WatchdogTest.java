package racebench.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import racebench.workload.CpuGate;
import racebench.workload.TaskFault;
import racebench.workload.TaskSpec;
import racebench.workload.Tasks;
import racebench.workload.Workload;

/**
 * The deadline-versus-completion race, provoked on purpose: timeouts about as long as the
 * task, many times over. Whoever wins, a call returns the right checksum or a timeout, and
 * the watchdog's interrupt never outlives the call to hit the thread's next task.
 */
class WatchdogTest {

    @RepeatedTest(5)
    void aDeadlineRacingCompletionNeverLeaksAnInterrupt() throws Exception {
        TaskSpec task = new TaskSpec(0, Workload.CPU, 0, 2 * Tasks.SLICE);
        long expected = Tasks.execute(task);
        try (Watchdog watchdog = new Watchdog()) {
            for (int i = 0; i < 400; i++) {
                Duration timeout = Duration.ofNanos(20_000 + (i % 20) * 10_000);
                try {
                    assertEquals(expected, watchdog.call(0, task, timeout, CpuGate.NONE));
                } catch (TaskTimeoutException e) {
                    // the deadline won this time: just as good
                }
                assertFalse(Thread.currentThread().isInterrupted(), "interrupt leaked out of call " + i);
            }
        }
    }

    @Test
    void aRealInterruptIsNotATimeout() {
        TaskSpec sleeper = new TaskSpec(0, Workload.DOWNLOAD, Duration.ofMinutes(5).toNanos(), 0);
        try (Watchdog watchdog = new Watchdog()) {
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, () -> watchdog.call(0, sleeper, Duration.ofMinutes(1), CpuGate.NONE));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aTaskExceptionIsATaskFailureNamingTheTask() {
        TaskSpec failing = new TaskSpec(5, Workload.CPU, 0, 1).withFault(TaskFault.FAIL_FOR_TEST);
        try (Watchdog watchdog = new Watchdog()) {
            TaskFailedException e = assertThrows(TaskFailedException.class,
                    () -> watchdog.call(5, failing, Duration.ofSeconds(10), CpuGate.NONE));
            assertEquals(5, e.taskIndex());
        }
    }

    @Test
    void hugeTimeoutsSaturate() {
        assertEquals(Long.MAX_VALUE, Watchdog.nanos(Duration.ofDays(365L * 1_000_000)));
    }
}
