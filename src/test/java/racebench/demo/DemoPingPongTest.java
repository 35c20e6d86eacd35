package racebench.demo;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import racebench.process.NoLeftoverProcesses;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Threads share one counter (about 10 lines); processes each have their own (10 each, 20 in all). */
@Tag("e2e")
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class DemoPingPongTest {

    @Test
    void threadsShareTheCounterProcessesCopyIt() throws Exception {
        List<String> lines = DemoOutput.run(DemoKind.PING_PONG, DemoOutput.options(10));
        int threadLines = DemoOutput.matching(lines, "^p[io]ng  \\(thread ").size();
        // check-then-add is not atomic: both threads may pass "counter < 10" at 9
        assertTrue(threadLines >= 10 && threadLines <= 11, threadLines + " thread lines: " + lines);
        List<Long> processPids = DemoOutput.longs(lines, "^p[io]ng  \\(process (\\d+),");
        assertEquals(20, processPids.size(), "20 lines from two processes: " + lines);
        Map<Long, Long> perPid = processPids.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(List.of(10L, 10L), List.copyOf(perPid.values()), "10 from each process: " + perPid);
        assertTrue(lines.getLast().contains("two processes printed 20 lines"), lines.getLast());
        NoLeftoverProcesses.check();
    }
}
