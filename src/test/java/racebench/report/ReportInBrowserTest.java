package racebench.report;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import racebench.cli.Main;
import racebench.process.NoLeftoverProcesses;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The done-when of the report, as a new user would try it: {@code bench --profile smoke} and
 * {@code race --mode sanity} each write an index.html that opens offline in Chromium with
 * every chart drawn, nothing failed, no request tried, and a screenshot that shows a page.
 */
@Tag("e2e")
@Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
class ReportInBrowserTest {

    @Test
    void aSmokeBenchAndASanityRaceEachWriteAReportThatOpensOfflineWithEveryChartDrawn(@TempDir Path tmp)
            throws IOException, InterruptedException {
        Path results = tmp.resolve("results");
        assertEquals(0, Main.run("bench", "--profile", "smoke", "--out", results.toString()), "bench exit code");
        Main.run("race", "--mode", "sanity", "--out", results.toString());   // its verdicts are RaceProofTest's
        Files.createDirectories(tmp.resolve("chromium"));
        int runs = 0;
        try (Stream<Path> dirs = Files.list(results)) {
            for (Path run : dirs.sorted().toList()) {
                Path index = run.resolve(RunReport.FILE);
                assertTrue(Files.isRegularFile(index), "no index.html in " + run);
                String html = Files.readString(index);
                assertTrue(!html.contains("src=\"http") && !html.contains("href=\"http"), "a link to the network");
                BrowserCheck.Seen seen = BrowserCheck.open(index, tmp.resolve("chromium"));
                assertEquals("ok", seen.status(), run + ": " + seen.problems());
                int expected = run.getFileName().toString().endsWith("-bench") ? 6 : 3;
                assertTrue(seen.charts() >= expected, run + " has " + seen.charts() + " charts, expected " + expected);
                assertEquals(seen.charts(), seen.drawn(), "every chart drawn in " + run);
                runs++;
            }
        }
        assertEquals(2, runs, "a bench run and a race run");
        NoLeftoverProcesses.check();   // JMH's and jcstress's forks, and every Chromium process
    }

    /** The console check's positive control: a page that logs an error must fail it, or the check proves nothing. */
    @Test
    void aPageThatLogsToTheConsoleFailsTheCheck(@TempDir Path tmp) throws IOException, InterruptedException {
        Path index = tmp.resolve("canary").resolve(RunReport.FILE);
        Files.createDirectories(index.getParent());
        Files.writeString(index, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>canary</title></head><body>"
                + "<p id=\"" + HtmlPage.CHECK_ID + "\" data-status=\"ok\" data-charts=\"0\" data-drawn=\"0\" "
                + "data-problems=\"\">canary</p><script>console.error('racebench canary');</script></body></html>");
        Files.createDirectories(tmp.resolve("chromium"));
        org.opentest4j.AssertionFailedError e = org.junit.jupiter.api.Assertions.assertThrows(
                org.opentest4j.AssertionFailedError.class, () -> BrowserCheck.open(index, tmp.resolve("chromium")));
        assertTrue(e.getMessage().contains("console messages") && e.getMessage().contains("racebench canary"),
                e.getMessage());
        NoLeftoverProcesses.check();
    }
}
