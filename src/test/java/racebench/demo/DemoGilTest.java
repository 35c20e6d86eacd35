package racebench.demo;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import racebench.process.NoLeftoverProcesses;

import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Only robust facts of a measurement: one line per way, two worker processes with their own
 * pids, and threads under one lock no faster than about one after another. Speedups of free
 * threads and processes depend on the machine's load, so they are not asserted.
 */
@Tag("e2e")
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class DemoGilTest {

    @Test
    void theGilThreadsTakeTurnsProcessesHaveTheirOwnPids() throws Exception {
        List<String> lines = DemoOutput.run(DemoKind.GIL, DemoOutput.options(40).withWorkers(2));
        double sequential = DemoOutput.number(lines, "^sequential, one thread: +([0-9.]+) units");
        double gil = DemoOutput.number(lines, "^threads sharing one global lock \\(GIL\\): +([0-9.]+) units");
        DemoOutput.number(lines, "^free threads: +([0-9.]+) units");
        DemoOutput.number(lines, "^processes: +([0-9.]+) units");
        assertEquals(4, DemoOutput.matching(lines, "units, speedup [0-9.]+x$").size(), lines.toString());
        assertTrue(gil >= 0.7 * sequential, "GIL " + gil + " units, sequential " + sequential);
        String pids = DemoOutput.matching(lines, "^worker process pids: ").getFirst();
        List<Long> workerPids = DemoOutput.longs(List.of(pids.split("[\\[,\\]]")), "(\\d+)");
        assertEquals(2, new HashSet<>(workerPids).size(), pids);
        assertTrue(lines.getLast().contains("in 2 processes"), lines.getLast());
        NoLeftoverProcesses.check();
    }
}
