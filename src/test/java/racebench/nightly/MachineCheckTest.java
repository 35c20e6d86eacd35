package racebench.nightly;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racebench.results.Completion;
import racebench.results.Csv;
import racebench.stats.Comparison;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which baseline nights ran on tonight's machine, by the fixed loop every nightly measures. */
class MachineCheckTest {

    /** bench-forks.csv with the machine check's forks at about {@code checkMicros} and one strategy row. */
    private static String forks(double checkMicros) {
        StringBuilder csv = new StringBuilder("benchmark,params,unit,fork,mean,cv,iterations,trimmed\r\n");
        double[] spread = {0.995, 1.004, 1.0, 0.998, 1.003};
        for (int f = 0; f < spread.length; f++) {
            csv.append(String.format(java.util.Locale.ROOT, "MachineBenchmark.cpu,{},us/op,%d,%.4f,0.01,6,0\r\n", f + 1,
                    checkMicros * spread[f]));
        }
        return csv + BaselinesTest.FORKS.substring(BaselinesTest.FORKS.indexOf('\n') + 1);
    }

    private static Path night(Path results, String stamp, String forks) throws IOException {
        return BaselinesTest.nightly(results, stamp, BaselinesTest.HERE, forks, Completion.Status.OK);
    }

    @Test
    void aNightOnAFasterMachineIsPassedOverAndTheNextComparableOnesAreTaken(@TempDir Path results) throws IOException {
        Path slowHost = night(results, "20261101-020000", forks(280));
        Path same1 = night(results, "20261102-020000", forks(201));
        Path same2 = night(results, "20261103-020000", forks(199));
        Path older = night(results, "20261031-020000", forks(200));
        Path tonight = night(results, "20261104-020000", forks(200));
        List<Path> candidates = List.of(same2, same1, slowHost, older); // newest first, as Baselines.auto gives them
        MachineCheck.Selection s = MachineCheck.select(candidates, tonight, 2, Comparison.Criteria.DEFAULT);
        assertEquals(List.of(same2, same1), s.baselines(), "the two newest comparable nights; older ones not read");
        assertEquals(2, s.nights().size());

        s = MachineCheck.select(candidates, tonight, 5, Comparison.Criteria.DEFAULT);
        assertEquals(List.of(same2, same1, older), s.baselines());
        assertEquals(List.of(slowHost), s.refused().stream().map(MachineCheck.Night::run).toList());
        String line = s.refused().getFirst().describe();
        assertTrue(line.contains("20261101-020000-nightly") && line.contains("0.714x as long tonight"), line);
        assertFalse(s.withheld());

        MachineCheck.write(s, results.resolve("check.csv"));
        var rows = Csv.read(results.resolve("check.csv"));
        assertEquals(4, rows.size());
        assertEquals("false", rows.get(2).get("comparable"));
        assertEquals("0.7143", rows.get(2).get("ratio"));
    }

    @Test
    void whenEveryBaselineNightRanElsewhereTheNightIsNotJudged(@TempDir Path results) throws IOException {
        Path a = night(results, "20261101-020000", forks(280));
        Path b = night(results, "20261102-020000", forks(150));
        Path tonight = night(results, "20261104-020000", forks(200));
        MachineCheck.Selection s = MachineCheck.select(List.of(b, a), tonight, 5, Comparison.Criteria.DEFAULT);
        assertTrue(s.withheld());
        assertEquals(List.of(), s.baselines());
        assertEquals(2, s.refused().size());
        assertFalse(MachineCheck.select(List.of(), tonight, 5, Comparison.Criteria.DEFAULT).withheld(),
                "no baseline at all is the first night, not a withheld one");
    }

    @Test
    void aShiftWithinTheNoiseThresholdIsTheSameMachine(@TempDir Path results) throws IOException {
        Path base = night(results, "20261101-020000", forks(200));
        Path tonight = night(results, "20261104-020000", forks(205)); // 2.5% slower, surely significant, below 3%
        MachineCheck.Selection s = MachineCheck.select(List.of(base), tonight, 5, Comparison.Criteria.DEFAULT);
        assertEquals(List.of(base), s.baselines());
        assertTrue(s.nights().getFirst().check().orElseThrow().p() < 0.001);
    }

    @Test
    void nightsRecordedBeforeTheCheckExistedAreTakenAsBefore(@TempDir Path results) throws IOException {
        Path old = night(results, "20261101-020000", BaselinesTest.FORKS);
        Path tonight = night(results, "20261104-020000", forks(200));
        MachineCheck.Selection s = MachineCheck.select(List.of(old), tonight, 5, Comparison.Criteria.DEFAULT);
        assertEquals(List.of(old), s.baselines());
        assertTrue(s.nights().getFirst().describe().contains("no machine check row"));
    }
    @Test
    void theSummarySaysWhyANightWasNotJudged(@TempDir Path results) throws IOException {
        Path a = night(results, "20261101-020000", forks(280));
        Path tonight = night(results, "20261104-020000", forks(200));
        MachineCheck.Selection s = MachineCheck.select(List.of(a), tonight, 5, Comparison.Criteria.DEFAULT);
        java.io.StringWriter out = new java.io.StringWriter();
        Nightly.Options options = new Nightly.Options(racebench.bench.Profile.NIGHTLY, ".*", java.time.Duration.ofMinutes(30),
                "none", List.of(), List.of(), Comparison.Criteria.DEFAULT);
        Nightly.summary(new java.io.PrintWriter(out), new Nightly.Outcome(java.util.Optional.empty(),
                java.util.Optional.empty(), false), java.util.Optional.empty(), s, options, java.time.Duration.ofMinutes(29));
        String text = out.toString();
        assertTrue(text.contains("benchmarks: not judged: the machine differs from every baseline night (1 looked at; "
                + "20261101-020000-nightly: the machine check (MachineBenchmark.cpu) took 0.714x as long tonight"), text);
        assertFalse(text.contains("no baseline yet"), text);
    }
}
