package racebench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** index.html from a run's CSV files, without a browser: what it holds, and that it holds nothing from outside. */
class RunReportTest {
    private static final String BENCH_HEADER = "benchmark,workload,strategy,tasks,workers,unit,forks,mean,trimmed_mean,"
            + "stdev,ci_low,ci_high,median,rel_ci_half_width,speedup,speedup_ci_low,speedup_ci_high,efficiency,ideal,"
            + "overhead,trimmed_iterations\n";
    /** Sequential and a pool of two on 8 CPU tasks: a speedup chart's smallest content. */
    private static final String CPU_ROWS =
            "StrategyBenchmark.batch,CPU,SEQUENTIAL,8,1,ms/op,3,25.0,25.0,0.1,24.8,25.2,25.0,0.008,1.0,1.0,1.0,0.5,,,0\n"
            + "StrategyBenchmark.batch,CPU,FIXED_POOL,8,2,ms/op,3,13.0,13.0,0.1,12.8,13.2,13.0,0.015,1.92,1.88,1.96,0.96,,,0\n";

    @Test
    void aBenchRunGetsItsChartsAndTableAndTheSameBytesTwice(@TempDir Path tmp) throws IOException {
        Path run = Files.createDirectories(tmp.resolve("20261122-120000-bench"));
        Files.writeString(run.resolve("bench.csv"), BENCH_HEADER + CPU_ROWS
                + "StrategyBenchmark.batch,DOWNLOAD,SEQUENTIAL,8,1,ms/op,3,60.0,60.0,0.1,59.8,60.2,60.0,0.003,1.0,1.0,1.0,,60.0,0.0,0\n"
                + "StrategyBenchmark.batch,DOWNLOAD,VIRTUAL,8,8,ms/op,3,10.5,10.5,0.1,10.3,10.7,10.5,0.02,5.71,5.6,5.8,,10.0,0.05,0\n"
                + "SpawnBenchmark.spawn,spawn,PLATFORM_THREAD,1,1,us/op,3,130,130,5,120,140,130,0.07,,,,,,,0\n"
                + "SpawnBenchmark.spawn,spawn,CHILD_JVM,1,1,us/op,3,40000,40000,900,38000,42000,40000,0.05,,,,,,,0\n"
                + "IpcBenchmark.roundTrip,ipc 8 B,ARRAY_BLOCKING_QUEUE,1,2,us/op,3,6.0,6.0,1,4,8,6,0.3,1.0,1.0,1.0,,,,0\n");
        Files.writeString(run.resolve("environment.csv"), "key,value\ncores,2\njdk,Test JDK <25>\n");

        RunReport.Written written = RunReport.write(run);

        String html = Files.readString(written.file());
        // speedup CPU, speedup DOWNLOAD, downloads against the ideal, spawns, the IPC benchmark
        assertEquals(5, written.charts());
        assertEquals(5, count(html, "src=\"data:image/png;base64,"));
        assertTrue(html.contains("Test JDK &lt;25&gt;"), "text is escaped");
        assertTrue(html.contains("FIXED_POOL") && html.contains("1.920 [1.880, 1.960]"), "the table");
        assertTrue(html.contains("default-src 'none'; img-src data:"), "no request can leave the page");
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "nothing from outside");
        assertScriptHashMatches(html);

        byte[] first = Files.readAllBytes(written.file());
        RunReport.write(run);
        assertArrayEquals(first, Files.readAllBytes(written.file()), "same data, same bytes");
        try (Stream<Path> files = Files.list(run)) {
            assertEquals(List.of("bench.csv", "environment.csv", "index.html"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "no temporary file left");
        }
    }

    @Test
    void theSameRunDrawsTheSameBytesOnAMachineOfAnotherLocale(@TempDir Path tmp) throws IOException {
        Path run = Files.createDirectories(tmp.resolve("20261122-120000-bench"));
        Files.writeString(run.resolve("bench.csv"), BENCH_HEADER + CPU_ROWS
                + "SpawnBenchmark.spawn,spawn,PLATFORM_THREAD,1,1,us/op,3,130.5,130.5,5,120,140,130,0.07,,,,,,,0\n");
        java.util.Locale before = java.util.Locale.getDefault();
        byte[] root;
        byte[] german;
        try {
            java.util.Locale.setDefault(java.util.Locale.ROOT);
            root = Files.readAllBytes(RunReport.write(run).file());
            java.util.Locale.setDefault(java.util.Locale.GERMANY); // decimal comma, dot for thousands
            german = Files.readAllBytes(RunReport.write(run).file());
        } finally {
            java.util.Locale.setDefault(before);
        }
        assertArrayEquals(root, german, "ticks and numbers in the root locale whatever the machine's");
    }

    @Test
    void chartsCanAlsoBeWrittenAsFilesOfTheirOwn(@TempDir Path tmp) throws IOException {
        Path run = Files.createDirectories(tmp.resolve("20261122-120000-bench"));
        Files.writeString(run.resolve("bench.csv"), BENCH_HEADER
                + "SpawnBenchmark.spawn,spawn,PLATFORM_THREAD,1,1,us/op,3,130,130,5,120,140,130,0.07,,,,,,,0\n");
        RunReport.write(run, true);
        try (Stream<Path> files = Files.list(run.resolve("charts"))) {
            assertEquals(List.of("01-what-starting-a-unit-of-work-costs.png"),
                    files.map(f -> f.getFileName().toString()).toList());
        }
    }

    @org.junit.jupiter.api.Tag("fault")
    @Test
    void chartFilesReplaceALinkInTheirPlaceAndNeverWriteThroughIt(@TempDir Path tmp) throws IOException {
        Path run = Files.createDirectories(tmp.resolve("20261122-120000-bench"));
        Files.writeString(run.resolve("bench.csv"), BENCH_HEADER
                + "SpawnBenchmark.spawn,spawn,PLATFORM_THREAD,1,1,us/op,3,130,130,5,120,140,130,0.07,,,,,,,0\n");
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "keep");
        Path charts = Files.createDirectories(run.resolve("charts"));
        Path png = charts.resolve("01-what-starting-a-unit-of-work-costs.png");
        Files.createSymbolicLink(png, victim);
        RunReport.write(run, true);
        assertEquals("keep", Files.readString(victim), "the link's target is untouched");
        assertTrue(Files.isRegularFile(png, java.nio.file.LinkOption.NOFOLLOW_LINKS), "a file of its own now");

        Path other = Files.createDirectories(tmp.resolve("elsewhere"));
        Path second = Files.createDirectories(tmp.resolve("20261122-130000-bench"));
        Files.copy(run.resolve("bench.csv"), second.resolve("bench.csv"));
        Files.createSymbolicLink(second.resolve("charts"), other);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RunReport.write(second, true));
        assertTrue(e.getMessage().contains("is a symbolic link"), e.getMessage());
        try (Stream<Path> files = Files.list(other)) {
            assertEquals(0, files.count(), "nothing written where the link points");
        }
    }

    @Test
    void aDirectoryWithoutAnyRunFileIsAnErrorNamingWhatIsMissing(@TempDir Path tmp) throws IOException {
        Path run = Files.createDirectories(tmp.resolve("20261122-120000-bench"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunReport.write(run));
        assertTrue(e.getMessage().contains("none of race.csv, bench.csv"), e.getMessage());
        assertFalse(Files.exists(run.resolve("index.html")));
    }

    @Test
    void nightlyRunNamesBecomeShortLabels() {
        assertEquals("11-22 11:49", TrendSection.label("20261122-114910-nightly"));
        assertEquals(List.of("C2/Int+s", "C1/C1", "C2/Int+s#2"), RaceSection.shortNames(List.of(
                "actor1=C2 actor2=Interpreter -XX:+StressLCM", "actor1=C1 actor2=C1",
                "actor1=C2 actor2=Interpreter -XX:+StressGCM")));
    }

    /** The one inline script runs only because the policy names its hash: a changed script would be blocked. */
    private static void assertScriptHashMatches(String html) {
        Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(script.find(), "the page's check script");
        Matcher policy = Pattern.compile("script-src '(sha256-[^']+)'").matcher(html);
        assertTrue(policy.find(), "a script hash in the policy");
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(script.group(1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(policy.group(1), "sha256-" + java.util.Base64.getEncoder().encodeToString(hash));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        assertEquals(1, count(html, "<script"), "one script only");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
