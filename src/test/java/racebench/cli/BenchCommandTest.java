package racebench.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static racebench.cli.MainTest.assertUsageError;
import static racebench.cli.MainTest.run;

class BenchCommandTest {

    @Tag("fault")
    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path tmp) throws IOException {
        Path results = tmp.resolve("results");
        assertUsageError(run("bench", "--profile", "hourly", "--out", results.toString()), "unknown profile 'hourly'");
        assertUsageError(run("bench", "--include", "NoSuchBenchmark", "--out", results.toString()), "matches no benchmark");
        assertUsageError(run("bench", "--include", "[", "--out", results.toString()), "not a valid regular expression");
        assertFalse(Files.exists(results), "bad input leaves no run directory");

        Path file = Files.writeString(tmp.resolve("file"), "keep");
        assertUsageError(run("bench", "--profile", "smoke", "--out", file.toString()), "not a directory");
        assertEquals("keep", Files.readString(file));
    }

    @Test
    void helpNamesTheProfiles() {
        MainTest.Outcome o = run("bench", "--help");
        assertEquals(0, o.exit());
        for (String word : new String[] {"smoke", "quick", "nightly", "--include", "--out"}) {
            org.junit.jupiter.api.Assertions.assertTrue(o.out().contains(word), word);
        }
    }
}
