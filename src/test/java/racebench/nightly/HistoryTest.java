package racebench.nightly;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racebench.bench.ForkSamples;
import racebench.results.Csv;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryTest {

    @Test
    void eachNightAppendsOneRowPerBenchmarkRowUnderOneHeader(@TempDir Path results) throws IOException {
        ForkSamples cpu = new ForkSamples("StrategyBenchmark.batch", Map.of("strategy", "VIRTUAL", "tasks", "8"),
                "ms/op", List.of(new double[] {10, 10}, new double[] {11, 11}, new double[] {12, 12}));
        Fingerprint machine = Fingerprint.of(BaselinesTest.HERE);
        History.append(results, "20261101-020000-nightly", Instant.parse("2026-11-01T02:00:00Z"), machine, "abc",
                List.of(cpu), Optional.empty());
        History.append(results, "20261102-020000-nightly", Instant.parse("2026-11-02T02:00:00Z"), machine, "def",
                List.of(cpu), Optional.empty());
        List<CSVRecord> rows = Csv.read(results.resolve(History.FILE));
        assertEquals(2, rows.size());
        assertEquals("20261102-020000-nightly", rows.get(1).get("run"));
        assertEquals("11.000000", rows.get(1).get("mean"));
        assertEquals("3", rows.get(1).get("forks"));
        assertEquals("BASELINE", rows.get(0).get("verdict"));
        assertEquals("VIRTUAL", rows.get(0).get("param_strategy"));
        assertEquals("8", rows.get(0).get("param_tasks"));
        assertEquals("EPYC; 2 cores; Linux 6.1 amd64; Eclipse Adoptium 25.0.3", rows.get(0).get("machine"));
    }

    @org.junit.jupiter.api.Tag("fault")
    @Test
    void aHistoryWhoseLastNewlineWasRemovedDoesNotFuseWithTheNextNight(@TempDir Path results) throws IOException {
        ForkSamples cpu = new ForkSamples("StrategyBenchmark.batch", Map.of("strategy", "VIRTUAL", "tasks", "8"),
                "ms/op", List.of(new double[] {10, 10}, new double[] {11, 11}));
        Fingerprint machine = Fingerprint.of(BaselinesTest.HERE);
        History.append(results, "20261101-020000-nightly", Instant.parse("2026-11-01T02:00:00Z"), machine, "abc",
                List.of(cpu), Optional.empty());
        Path file = results.resolve(History.FILE);
        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(file).stripTrailing());
        History.append(results, "20261102-020000-nightly", Instant.parse("2026-11-02T02:00:00Z"), machine, "def",
                List.of(cpu), Optional.empty());
        List<CSVRecord> rows = Csv.read(file);
        assertEquals(2, rows.size());
        assertEquals("BASELINE", rows.get(0).get("verdict"));
        assertEquals("20261102-020000-nightly", rows.get(1).get("run"));
    }

    @Test
    void aHistoryWrittenBeforeModesGainsTheColumnAndARateKeepsItsModeAndVerdict(@TempDir Path results)
            throws IOException {
        Path file = results.resolve(History.FILE);
        java.nio.file.Files.writeString(file, "run,time,machine,settings,git_commit,benchmark,params,unit,forks,mean,"
                + "trimmed_mean,ci_low,ci_high,ratio,verdict\r\n20261101-020000-nightly,2026-11-01T02:00:00Z,m,s,abc,"
                + "X.x,{},ms/op,3,1.0,1.0,0.9,1.1,,BASELINE\r\n");
        ForkSamples rate = new ForkSamples("Q.offer", Map.of(), "ops/us",
                List.of(new double[] {10, 10}, new double[] {11, 11}, new double[] {12, 12}), "thrpt");
        History.append(results, "20261102-020000-nightly", Instant.parse("2026-11-02T02:00:00Z"),
                Fingerprint.of(BaselinesTest.HERE), "def", List.of(rate), Optional.empty());
        List<CSVRecord> rows = Csv.read(file);
        assertEquals(2, rows.size());
        assertEquals("avgt", rows.get(0).get("mode"), "the old row is average time");
        assertEquals("1.0", rows.get(0).get("mean"), "and otherwise as it was");
        assertEquals("thrpt", rows.get(1).get("mode"));
        assertEquals(History.HEADER, List.copyOf(rows.get(0).getParser().getHeaderNames()),
                "format 1's params column becomes a column per parameter: here none");
    }

    @Test
    void aFirstFormatHistoryGainsAColumnPerParameterForItsOldRows(@TempDir Path results) throws IOException {
        Path file = results.resolve(History.FILE);
        java.nio.file.Files.writeString(file, "run,time,machine,settings,git_commit,benchmark,params,unit,forks,mean,"
                + "trimmed_mean,ci_low,ci_high,ratio,verdict,mode\r\n20261101-020000-nightly,2026-11-01T02:00:00Z,m,s,abc,"
                + "X.x,\"{bytes=8, transport=PIPE}\",us/op,3,1.0,1.0,0.9,1.1,,BASELINE,avgt\r\n");
        ForkSamples row = new ForkSamples("X.x", Map.of("bytes", "4096"), "us/op",
                List.of(new double[] {10, 10}, new double[] {11, 11}));
        assertEquals(Optional.empty(), History.append(results, "20261102-020000-nightly",
                Instant.parse("2026-11-02T02:00:00Z"), Fingerprint.of(BaselinesTest.HERE), "def", List.of(row),
                Optional.empty()));
        List<CSVRecord> rows = Csv.read(file);
        assertEquals(List.of("8", "4096"), rows.stream().map(r -> r.get("param_bytes")).toList());
        assertEquals(List.of("PIPE", ""), rows.stream().map(r -> r.get("param_transport")).toList());
        assertEquals("{bytes=8, transport=PIPE}", racebench.results.ParamColumns.read(rows.getFirst()));
    }

    @Tag("fault")
    @Test
    void aBrokenRowCostsOnlyItselfAndTheFileAsItWasIsKept(@TempDir Path results) throws IOException {
        Path file = results.resolve(History.FILE);
        String before = "run,time,machine,settings,git_commit,benchmark,mode,unit,forks,mean,trimmed_mean,ci_low,"
                + "ci_high,ratio,verdict\r\n20261101-020000-nightly,2026-11-01T02:00:00Z,m,s,abc,X.x,avgt,us/op,3,1.0,"
                + "1.0,0.9,1.1,,BASELINE\r\na row someone typed\r\n";
        java.nio.file.Files.writeString(file, before);
        ForkSamples row = new ForkSamples("X.x", Map.of(), "us/op", List.of(new double[] {10, 10}, new double[] {11, 11}));
        Optional<Path> kept = History.append(results, "20261102-020000-nightly", Instant.parse("2026-11-02T02:00:00Z"),
                Fingerprint.of(BaselinesTest.HERE), "def", List.of(row), Optional.empty());
        assertEquals(before, java.nio.file.Files.readString(kept.orElseThrow()), "the file as it was");
        assertEquals(List.of("20261101-020000-nightly", "20261102-020000-nightly"),
                Csv.read(file).stream().map(r -> r.get("run")).toList(), "the readable row stays, tonight's joins it");

        java.nio.file.Files.writeString(file, "run,benchmark\r\n\"unterminated,x\r\n");
        Optional<Path> moved = History.append(results, "20261103-020000-nightly", Instant.parse("2026-11-03T02:00:00Z"),
                Fingerprint.of(BaselinesTest.HERE), "ghi", List.of(row), Optional.empty());
        assertTrue(java.nio.file.Files.readString(moved.orElseThrow()).contains("unterminated"), "moved, not lost");
        assertEquals(1, Csv.read(file).size(), "a new history of tonight's row");
    }
}
