package racebench.demo;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import racebench.process.Children;
import racebench.process.NoLeftoverProcesses;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worker prints 0..9, stops on "exit" with its input still open, and is reaped; the pipe carries five products. */
@Tag("e2e")
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class DemoPipeTest {

    @Test
    void workerStopsOnExitAndIsReaped() throws Exception {
        List<String> lines = DemoOutput.run(DemoKind.PIPE, DemoOutput.options(10));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < PipeDemo.MESSAGES; i++) {
            expected.add("Worker received: " + i);
        }
        assertEquals(expected, DemoOutput.matching(lines, "^Worker received: "), lines.toString());
        assertEquals(1, DemoOutput.matching(lines, "^Worker \\(pid \\d+\\) received \"exit\": stopping$").size(),
                "stopped on exit: " + lines);
        assertEquals(1, DemoOutput.matching(lines, "^Parent: worker pid \\d+ exited with code 0 and was reaped$").size(),
                lines.toString());
        int pipe = DemoOutput.matching(lines, "^Writer process -> reader process over one OS pipe").size();
        assertEquals(1, pipe, lines.toString());
        assertEquals(DemoQueueTest.PRODUCTS, DemoQueueTest.got(lines), lines.toString());
        assertEquals(0, Children.live());
        NoLeftoverProcesses.check();
    }
}
