package racebench.demo;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import racebench.process.Children;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** SIGTERM (what Ctrl-C's SIGINT does too) while a demo's children run: racebench exits 143 and leaves none behind. */
@Tag("e2e")
@Tag("fault")
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class DemoInterruptTest {

    @Test
    void sigtermMidDemoLeavesNoChild(@TempDir Path scratch) throws Exception {
        Path console = scratch.resolve("console.log");
        // a long unit: the reader would sleep 2 units after each product, so the children are alive when we stop it
        Process demo = new ProcessBuilder(Children.javaExecutable(), "-cp", System.getProperty("java.class.path"),
                "racebench.cli.Main", "demo", "queue", "--unit", "60000")
                .redirectErrorStream(true).redirectOutput(console.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(console).contains("got product0")) {
                if (System.nanoTime() > deadline || !demo.isAlive()) {
                    fail("the reader got nothing: " + Files.readString(console));
                }
                Thread.sleep(50);
            }
            List<ProcessHandle> children = demo.descendants().toList();
            assertEquals(2, children.stream().filter(p -> p.info().commandLine().orElse("")
                    .contains(DemoChild.class.getName())).count(), "writer and reader alive: " + children);
            demo.destroy();
            assertTrue(demo.waitFor(30, TimeUnit.SECONDS), "racebench stopped");
            assertEquals(143, demo.exitValue(), "exit code after SIGTERM");
            long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < gone) {
                Thread.sleep(50);
            }
            assertEquals(List.of(), children.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList(),
                    "children left behind");
        } finally {
            demo.descendants().forEach(ProcessHandle::destroyForcibly);
            demo.destroyForcibly();
        }
    }
}
