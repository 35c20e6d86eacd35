package racebench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadTest {
    private static final Duration UNIT = Duration.ofMillis(3);

    @Test
    void downloadsSleepFiveToTenUnits() {
        for (TaskSpec t : Workload.DOWNLOAD.batch(200, 7, UNIT, 0)) {
            long units = t.sleepNanos() / UNIT.toNanos();
            assertEquals(0, t.sleepNanos() % UNIT.toNanos());
            assertTrue(units >= 5 && units <= 10, "units " + units);
            assertEquals(0, t.cpuSize());
        }
    }

    @Test
    void sameSeedSameDurationsWhateverTheWorkload() {
        List<Long> download = sleeps(Workload.DOWNLOAD.batch(50, 42, UNIT, 0));
        assertEquals(download, sleeps(Workload.DOWNLOAD.batch(50, 42, UNIT, 0)));
        assertEquals(download, sleeps(Workload.MIXED.batch(50, 42, UNIT, 1000)));
        assertNotEquals(download, sleeps(Workload.DOWNLOAD.batch(50, 43, UNIT, 0)));
    }

    @Test
    void cpuTasksDoNotSleepAndMixedDoBoth() {
        TaskSpec cpu = Workload.CPU.batch(1, 1, UNIT, 123).getFirst();
        assertEquals(0, cpu.sleepNanos());
        assertEquals(123, cpu.cpuSize());
        TaskSpec mixed = Workload.MIXED.batch(1, 1, UNIT, 123).getFirst();
        assertTrue(mixed.sleepNanos() > 0);
        assertEquals(123, mixed.cpuSize());
    }

    @Test
    void indicesAreBatchPositions() {
        List<TaskSpec> batch = Workload.MIXED.batch(5, 1, 10);
        for (int i = 0; i < batch.size(); i++) {
            assertEquals(i, batch.get(i).index());
        }
        long sleep = batch.getFirst().sleepNanos();
        assertTrue(sleep >= 5_000_000L && sleep <= 10_000_000L, "default unit is 1 ms: " + sleep);
    }

    private static List<Long> sleeps(List<TaskSpec> batch) {
        return batch.stream().map(TaskSpec::sleepNanos).toList();
    }
}
