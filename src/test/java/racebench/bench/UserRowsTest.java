package racebench.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racebench.stats.Change;
import racebench.stats.Comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A user's rows, without a JVM: JMH's JSON read back, rows named by RowId, rates judged as times. */
class UserRowsTest {
    static final String JSON = """
            [
              {
                "jmhVersion" : "1.37",
                "benchmark" : "org.example.Parser.parse",
                "mode" : "thrpt",
                "threads" : 1,
                "forks" : 2,
                "params" : { "size" : "100", "format" : "json" },
                "primaryMetric" : {
                  "score" : 10.5,
                  "scoreUnit" : "ops/us",
                  "rawData" : [ [ 10.0, 11.0, 12.0 ], [ 9.0, 10.0, 11.0 ] ]
                },
                "secondaryMetrics" : { }
              }
            ]
            """;

    @Test
    void jmhsJsonGivesOneRowWithItsModeParametersUnitAndEachForksIterations() {
        List<ForkSamples> samples = JmhJson.samples(JSON);
        assertEquals(1, samples.size());
        ForkSamples s = samples.getFirst();
        assertEquals("Parser.parse", s.benchmark());
        assertEquals("thrpt", s.mode());
        assertEquals(Map.of("format", "json", "size", "100"), s.params());
        assertEquals("ops/us", s.unit());
        assertEquals(2, s.forks().size());
        assertEquals(new RowId("Parser.parse", "thrpt", "{format=json, size=100}"), s.id());
        assertEquals("Parser.parse {format=json, size=100} thrpt", s.label());
    }

    @Test
    void aResultThatIsNotJmhsJsonIsOneLineNamingWhatIsMissing() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JmhJson.samples("{"))
                .getMessage().startsWith("JMH's result is not JSON"));
        assertEquals("JMH's result is not a JSON array",
                assertThrows(IllegalArgumentException.class, () -> JmhJson.samples("{}")).getMessage());
        assertEquals("JMH's result has no 'mode'", assertThrows(IllegalArgumentException.class,
                () -> JmhJson.samples("[{\"benchmark\": \"a.B.c\"}]")).getMessage());
    }

    @Test
    void aRowsSpeedupIsAgainstTheRowThatDiffersOnlyInTheBaselineParameter() {
        ForkSamples fast = sample("Parser.parse", "avgt", Map.of("impl", "NEW", "size", "100"), 1.0);
        ForkSamples slow = sample("Parser.parse", "avgt", Map.of("impl", "OLD", "size", "100"), 4.0);
        ForkSamples other = sample("Parser.parse", "avgt", Map.of("impl", "OLD", "size", "999"), 2.0);
        List<ForkSamples> all = List.of(fast, slow, other);
        var baseline = Optional.of(BenchAnalysis.BaselineParam.parse("impl=OLD"));
        List<BenchRow> rows = BenchAnalysis.rows(all, 2, baseline);
        assertEquals(4.0, rows.get(0).speedup().point(), 1e-9, "four times faster than OLD at size 100");
        assertEquals(1.0, rows.get(1).speedup().point(), 0.0);
        assertEquals(1.0, rows.get(2).speedup().point(), 0.0, "a baseline itself");
        assertNull(BenchAnalysis.rows(all, 2).get(0).speedup(), "no baseline named: no speedup");
        assertEquals("Parser", rows.get(0).workload());
        assertEquals("parse impl=NEW size=100", rows.get(0).strategy());
        List<String> header = BenchRow.header(rows);
        assertEquals(List.of("param_impl", "param_size"), header.subList(header.size() - 2, header.size()));
        List<Object> cells = rows.get(0).cells(BenchRow.paramNames(rows));
        assertEquals(List.of("avgt", "NEW", "100"), cells.subList(cells.size() - 3, cells.size()));
        assertEquals("", cells.get(BenchRow.HEADER.indexOf("tasks")), "no tasks for a user's row");
    }

    @Test
    void forARateASpeedupAboveOneStillMeansFaster() {
        ForkSamples fast = sample("Q.offer", "thrpt", Map.of("impl", "NEW"), 8.0);
        ForkSamples slow = sample("Q.offer", "thrpt", Map.of("impl", "OLD"), 2.0);
        List<BenchRow> rows = BenchAnalysis.rows(List.of(fast, slow), 2,
                Optional.of(BenchAnalysis.BaselineParam.parse("impl=OLD")));
        assertEquals(4.0, rows.get(0).speedup().point(), 1e-9);
    }

    @Test
    void aThroughputThatFellIsARegressionComparedAsTimePerOperation(@TempDir Path tmp) throws IOException {
        Path base = forks(tmp.resolve("base"), "thrpt", "ops/us", 100, 101, 99, 100.5, 99.5, 100.2);
        Path candidate = forks(tmp.resolve("new"), "thrpt", "ops/us", 80, 81, 79, 80.5, 79.5, 80.2);
        RunComparison.Result r = RunComparison.compare(List.of(base), candidate, Comparison.Criteria.DEFAULT);
        RunComparison.Row row = r.rows().getFirst();
        assertEquals(Change.REGRESSION, row.verdict());
        assertEquals(1.25, row.comparison().ratio().point(), 0.01, "new/base of the time per operation");
        assertEquals("us/op", row.unit());
        assertEquals(new RowId("Q.offer", "thrpt", "{}"), row.id());
    }

    @Test
    void aForksFileWrittenBeforeModesWereRecordedReadsAsAverageTime(@TempDir Path tmp) throws IOException {
        Path old = Files.createDirectories(tmp.resolve("old"));
        Files.writeString(old.resolve(RunComparison.FORKS_FILE),
                "benchmark,params,unit,fork,mean\nX.x,{a=1},ms/op,1,2.0\nX.x,{a=1},ms/op,2,2.1\n");
        Path now = forks(tmp.resolve("now"), "avgt", "ms/op", 2.0, 2.1);
        Map<RowId, List<Double>> read = RunComparison.forkMeans(old);
        assertEquals(List.of(new RowId("X.x", "avgt", "{a=1}")), List.copyOf(read.keySet()));
        assertEquals(1, RunComparison.compare(List.of(old), now, Comparison.Criteria.DEFAULT).rows().size(),
                "the same row in both files");
    }

    @Test
    void theJmhHostsCommandLineCarriesTheCaseAndTheSideAndNoShell() {
        JmhJar jar = new JmhJar(List.of("/p/benchmarks.jar"));
        Side side = new Side("new", jar, Path.of("/jdk"), List.of("-Xint"));
        BenchCase c = new BenchCase("org.example.Parser.parse", Map.of("size", "100"), List.of("-Dx=1"), "thrpt");
        List<String> cmd = HostJmh.command(c, Profile.SMOKE, side, 1, Path.of("/tmp/r.json"), Path.of("/c/guard.jar"));
        assertEquals(List.of("/jdk/bin/java", "-cp", "/p/benchmarks.jar" + java.io.File.pathSeparator + "/c/guard.jar",
                "racebench.process.HostMain", "org.openjdk.jmh.Main"), cmd.subList(0, 5),
                "the user's jar first, then the guard's: JMH's main through the orphan guard");
        assertTrue(cmd.get(5).startsWith("^") && cmd.get(5).contains("org.example.Parser.parse"), cmd.toString());
        String joined = String.join(" ", cmd);
        for (String part : new String[] {"-f 1", "-bm thrpt", "-p size=100", "-jvmArgsPrepend -Xint -Dx=1",
                "-rf json -rff /tmp/r.json", "-jvm /jdk/bin/java", "-wi 1 -w 100ms", "-i 3 -r 100ms"}) {
            assertTrue(joined.contains(part), part + " in " + joined);
        }
    }

    private static ForkSamples sample(String benchmark, String mode, Map<String, String> params, double mean) {
        List<double[]> forks = new ArrayList<>();
        for (int f = 0; f < 6; f++) {
            double m = mean * (1 + 0.001 * (f - 2.5));
            forks.add(new double[] {m, m, m, m, m});
        }
        return new ForkSamples(benchmark, params, mode.equals("thrpt") ? "ops/us" : "ms/op", forks, mode);
    }

    private static Path forks(Path run, String mode, String unit, double... means) throws IOException {
        Files.createDirectories(run);
        StringBuilder csv = new StringBuilder("benchmark,params,unit,fork,mean,mode\n");
        for (int i = 0; i < means.length; i++) {
            String benchmark = mode.equals("thrpt") ? "Q.offer" : "X.x";
            String params = mode.equals("thrpt") ? "{}" : "{a=1}";
            csv.append(benchmark).append(',').append(params).append(',').append(unit).append(',').append(i + 1)
                    .append(',').append(means[i]).append(',').append(mode).append('\n');
        }
        Files.writeString(run.resolve(RunComparison.FORKS_FILE), csv);
        return run;
    }
}
