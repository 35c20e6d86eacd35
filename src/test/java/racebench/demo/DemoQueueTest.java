package racebench.demo;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import racebench.process.NoLeftoverProcesses;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The five products arrive in order, across processes and between threads, and both readers end. */
@Tag("e2e")
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class DemoQueueTest {
    static final List<String> PRODUCTS = List.of("product0", "product1", "product2", "product3", "product4");

    @Test
    void fiveProductsInOrderAcrossProcessesAndThreads() throws Exception {
        List<String> lines = DemoOutput.run(DemoKind.QUEUE, DemoOutput.options(10));
        int threads = lines.indexOf("Threads: a BlockingQueue between a writer thread and a reader thread");
        assertTrue(threads > 0, lines.toString());
        assertEquals(PRODUCTS, got(lines.subList(0, threads)), "across processes: " + lines);
        assertEquals(PRODUCTS, got(lines.subList(threads, lines.size())), "between threads: " + lines);
        assertTrue(lines.contains("Child process 2 (reader) done: end of stream"), lines.toString());
        assertTrue(lines.contains("reader thread done: end of queue"), lines.toString());
        assertTrue(lines.getFirst().contains("relay thread"), "names its transport: " + lines.getFirst());
        NoLeftoverProcesses.check();
    }

    static List<String> got(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("got ")).map(l -> l.substring(4)).toList();
    }
}
