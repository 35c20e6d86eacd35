package racebench.demo;

import org.junit.jupiter.api.Test;
import racebench.workload.counter.CounterKind;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every counter of the race suite runs the tutorials' loop once; every fix prints NUM = 0. */
class DemoLockTest {

    @Test
    void everyFixPrintsZero() throws Exception {
        List<String> lines = DemoOutput.run(DemoKind.LOCK, DemoOutput.options(10));
        for (CounterKind kind : CounterKind.values()) {
            List<String> line = DemoOutput.matching(lines, "^" + kind.variant() + " +\\(");
            assertEquals(1, line.size(), kind + ": " + lines);
            if (kind.expect() == CounterKind.Expectation.SAFE) {
                assertTrue(line.getFirst().endsWith("NUM = 0"), line.getFirst());
            }
        }
        assertEquals(1, DemoOutput.matching(lines, "^Why Racy may print 0 anyway: ").size(), lines.toString());
        long fixes = java.util.Arrays.stream(CounterKind.values())
                .filter(k -> k.expect() == CounterKind.Expectation.SAFE).count();
        assertTrue(lines.getLast().startsWith("showed: " + fixes + " of " + fixes + " fixes printed NUM = 0"),
                lines.getLast());
    }
}
