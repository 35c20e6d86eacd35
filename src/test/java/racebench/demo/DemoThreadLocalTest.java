package racebench.demo;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each thread reads back its own value, from a ThreadLocal and from a ScopedValue; the main thread sees neither. */
class DemoThreadLocalTest {

    @Test
    void eachThreadReadsItsOwnValue() throws Exception {
        List<String> lines = DemoOutput.run(DemoKind.THREAD_LOCAL, DemoOutput.options(10));
        for (String kind : List.of("ThreadLocal", "ScopedValue")) {
            for (String task : ThreadLocalDemo.TASKS) {
                assertEquals(1, DemoOutput.matching(lines,
                        "^" + kind + ": current thread Thread\\[#\\d+,thread-" + task + ",.* reads " + task + "$").size(),
                        kind + " " + task + ": " + lines);
            }
        }
        assertTrue(lines.contains("main thread reads: ThreadLocal null, ScopedValue unbound"), lines.toString());
    }
}
