package racebench.demo;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import racebench.process.NoLeftoverProcesses;

import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Four tasks are all submitted before any finishes, run in the pool's worker processes, then in one process's threads. */
@Tag("e2e")
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class DemoPoolTest {

    @Test
    void fourTasksOnAPoolOfProcessesThenThreads() throws Exception {
        List<String> lines = DemoOutput.run(DemoKind.POOL, DemoOutput.options(50).withWorkers(2));
        String workers = DemoOutput.matching(lines, "^Worker pids: ").getFirst();
        List<Long> workerPids = DemoOutput.longs(List.of(workers.split("[\\[,\\]]")), "(\\d+)");
        assertEquals(2, new HashSet<>(workerPids).size(), workers);
        assertFalse(workerPids.contains(ProcessHandle.current().pid()), workers);

        List<Long> ranIn = DemoOutput.longs(lines, "^task \\d: ran in process pid (\\d+)$");
        assertEquals(PoolDemo.TASKS, ranIn.size(), lines.toString());
        assertTrue(workerPids.containsAll(ranIn), ranIn + " in " + workerPids);
        int lastSubmitted = lines.indexOf("task 3: submitted");
        int firstRan = lines.indexOf(DemoOutput.matching(lines, "ran in process pid").getFirst());
        assertTrue(lastSubmitted < firstRan, "apply_async returns at once: " + lines);

        List<Long> threadPids = DemoOutput.longs(lines, "^task \\d: running in thread .*, process pid (\\d+)$");
        assertEquals(PoolDemo.TASKS, threadPids.size(), lines.toString());
        assertEquals(List.of(ProcessHandle.current().pid()), threadPids.stream().distinct().toList());
        NoLeftoverProcesses.check();
    }
}
