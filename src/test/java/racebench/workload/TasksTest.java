package racebench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TasksTest {

    @Test
    void checksumsAreDeterministicAndDistinct() throws InterruptedException {
        for (Workload w : List.of(Workload.DOWNLOAD, Workload.CPU, Workload.MIXED)) { // TASK: UserTaskTest
            List<TaskSpec> batch = w.batch(16, 99, Duration.ofNanos(1000), 10_000);
            List<Long> first = Tasks.expectedChecksums(batch);
            assertEquals(first, Tasks.expectedChecksums(batch), w.name());
            assertEquals(16, new HashSet<>(first).size(), w + " checksums collide: " + first);
        }
    }

    @Test
    void cpuChecksumDependsOnEveryStep() throws InterruptedException {
        long a = Tasks.execute(new TaskSpec(1, Workload.CPU, 0, 100_000));
        long b = Tasks.execute(new TaskSpec(1, Workload.CPU, 0, 100_001));
        long c = Tasks.execute(new TaskSpec(1, Workload.CPU, 0, 3 * Tasks.SLICE + 5));
        assertNotEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void mixedChecksumDependsOnTheDownload() throws InterruptedException {
        long a = Tasks.execute(new TaskSpec(0, Workload.MIXED, 1000, 5000));
        long b = Tasks.execute(new TaskSpec(0, Workload.MIXED, 2000, 5000));
        assertNotEquals(a, b);
    }

    @Test
    void faultsFailInProcessAndAreIgnoredByExpectedChecksums() throws InterruptedException {
        TaskSpec ok = new TaskSpec(3, Workload.CPU, 0, 10);
        var e = assertThrows(IllegalStateException.class, () -> Tasks.execute(ok.withFault(TaskFault.FAIL_FOR_TEST)));
        assertTrue(e.getMessage().contains("task 3"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Tasks.execute(ok.withFault(TaskFault.CRASH_WORKER_FOR_TEST)));
        assertEquals(List.of(Tasks.execute(ok)), Tasks.expectedChecksums(List.of(ok.withFault(TaskFault.FAIL_FOR_TEST))));
    }

    @Test
    void interruptedCpuWorkStopsAtTheNextSlice() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedException.class,
                    () -> Tasks.execute(new TaskSpec(0, Workload.CPU, 0, Integer.MAX_VALUE)));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void rejectsNegativeFields() {
        assertThrows(IllegalArgumentException.class, () -> new TaskSpec(0, Workload.CPU, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> Workload.CPU.batch(-1, 0, 0));
    }
}
