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

/** Two downloads overlap: the total is about the longer one; pids differ for processes, are ours for threads. */
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class DemoDownloadTest {
    static final long UNIT_MILLIS = 10;

    @Test
    void threadsOverlapInOneProcess() throws Exception {
        assertOverlapInThisProcess(DemoKind.DOWNLOAD_THREADS);
    }

    @Test
    void threadSubclassesOverlapInOneProcess() throws Exception {
        List<String> lines = assertOverlapInThisProcess(DemoKind.DOWNLOAD_SUBCLASS);
        assertEquals(2, DemoOutput.matching(lines, "\\(thread DownloadTask-").size(), "ran as DownloadTask threads");
    }

    @Tag("e2e")
    @Test
    void processesHaveTheirOwnPids() throws Exception {
        List<String> lines = DemoOutput.run(DemoKind.DOWNLOAD_PROCESSES, DemoOutput.options(UNIT_MILLIS));
        List<Long> pids = DemoOutput.longs(lines, "^Started download process, pid \\[(\\d+)\\]");
        assertEquals(2, pids.size(), lines.toString());
        assertEquals(2, new HashSet<>(pids).size(), "two processes, two pids");
        assertFalse(pids.contains(ProcessHandle.current().pid()), "neither is this JVM");
        assertEquals(2, DemoOutput.matching(lines, "downloaded! Took \\d+ units").size(), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Java has no fork()")), lines.toString());
        double took = DemoOutput.number(lines, "^Took ([0-9.]+) units");
        double longer = DemoOutput.number(lines, "against (\\d+) for the longer");
        assertTrue(took >= longer, took + " units for downloads of up to " + longer);
        NoLeftoverProcesses.check();
    }

    private static List<String> assertOverlapInThisProcess(DemoKind kind) throws Exception {
        List<String> lines = DemoOutput.run(kind, DemoOutput.options(UNIT_MILLIS));
        List<Long> pids = DemoOutput.longs(lines, "^Downloading .*, pid (\\d+)\\)");
        assertEquals(List.of(ProcessHandle.current().pid(), ProcessHandle.current().pid()), pids, lines.toString());
        assertEquals(2, DemoOutput.matching(lines, "downloaded! Took \\d+ units").size(), lines.toString());
        double took = DemoOutput.number(lines, "^Took ([0-9.]+) units");
        double longer = DemoOutput.number(lines, "against (\\d+) for the longer");
        double sum = DemoOutput.number(lines, "and (\\d+) for both in a row");
        assertTrue(took >= longer, took + " units for downloads of up to " + longer);
        // sizes are 5..10, so the sum exceeds the longer by at least 5 units: room for a slow machine
        assertTrue(took < sum, "overlapped: " + took + " units against " + sum + " in a row");
        return lines;
    }
}
