package racebench.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racebench.nightly.NightlyLock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static racebench.cli.MainTest.assertUsageError;
import static racebench.cli.MainTest.run;

/** The nightly's refusals: each one line, exit 2, and no run directory. */
class NightlyCommandTest {

    private static List<Path> runDirectories(Path results) throws IOException {
        if (!Files.isDirectory(results)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(results)) {
            return s.filter(Files::isDirectory).toList();
        }
    }

    @Tag("fault")
    @Test
    void aSecondNightlyInTheSameResultsDirectoryIsRefusedBeforeItWritesAnything(@TempDir Path results) throws Exception {
        try (NightlyLock running = NightlyLock.acquire(results)) {
            assertUsageError(run("nightly", "--profile", "smoke", "--results", results.toString()),
                    "another nightly is running");
        }
        assertEquals(List.of(), runDirectories(results));
    }

    @Tag("fault")
    @Test
    void badOptionsAreOneLine(@TempDir Path results) throws IOException {
        assertUsageError(run("nightly", "--budget", "0", "--results", results.toString()), "--budget");
        assertUsageError(run("nightly", "--noise", "-1", "--results", results.toString()), "--noise");
        assertUsageError(run("nightly", "--mode", "fast", "--results", results.toString()), "--mode");
        assertUsageError(run("nightly", "--race-mode", "fast", "--results", results.toString()), "--mode");
        assertUsageError(run("nightly", "--baseline-runs", "0", "--results", results.toString()), "--baseline-runs");
        assertUsageError(run("nightly", "accept", results.resolve("x").toString()), "not a nightly run directory");
        Path file = Files.writeString(results.resolve("file"), "x");
        assertUsageError(run("nightly", "--results", file.toString()), "is not a directory");
        assertEquals(List.of(), runDirectories(results));
    }

    @Test
    void acceptMarksACompleteNightly(@TempDir Path results) throws IOException {
        Path night = Files.createDirectories(results.resolve("20261101-020000-nightly"));
        assertUsageError(run("nightly", "--accept", night.toString()), "is incomplete");
        racebench.results.Completion.mark(racebench.results.RunDirectory.open(night, java.time.Instant.now()),
                racebench.results.Completion.Status.FINDING, java.time.Instant.now());
        MainTest.Outcome o = run("nightly", "accept", night.toString());
        assertEquals(0, o.exit(), o.toString());
        assertTrue(Files.isRegularFile(night.resolve("accepted.csv")));
        Files.delete(night.resolve("accepted.csv"));
        assertEquals(0, run("nightly", "--accept", night.toString()).exit(), "the old spelling still works");
        assertTrue(Files.isRegularFile(night.resolve("accepted.csv")));
    }
}
