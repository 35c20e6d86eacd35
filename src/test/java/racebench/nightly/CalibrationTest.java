package racebench.nightly;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** calibrate --from: a stored run's forks read back by size and row, or one line saying why not. */
class CalibrationTest {
    private static final String HEADER = "benchmark,params,cpu_scale,unit,fork,mean\r\n";

    @Test
    void aStoredRunsForksAreReadBackBySizeAndRow(@TempDir Path run) throws IOException {
        Files.writeString(run.resolve(Calibration.FORKS_FILE), HEADER
                + "StrategyBenchmark.batch,\"{strategy=VIRTUAL, tasks=8, workload=CPU}\",1.00,ms/op,1,10.5\r\n"
                + "StrategyBenchmark.batch,\"{strategy=VIRTUAL, tasks=8, workload=CPU}\",1.00,ms/op,2,10.7\r\n"
                + "StrategyBenchmark.batch,\"{strategy=VIRTUAL, tasks=8, workload=CPU}\",1.10,ms/op,1,11.6\r\n");
        Map<Double, Map<racebench.bench.RowId, double[]>> pools = Calibration.readForks(run);
        racebench.bench.RowId row = DetectorSimulationTest.id("StrategyBenchmark.batch {strategy=VIRTUAL, tasks=8, workload=CPU}");
        assertArrayEquals(new double[] {10.5, 10.7}, pools.get(1.0).get(row));
        assertArrayEquals(new double[] {11.6}, pools.get(1.10).get(row));
        assertEquals(2, pools.size());
    }

    @Tag("fault")
    @Test
    void aRunWithoutUsableForksIsOneLine(@TempDir Path run) throws IOException {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Calibration.readForks(run)).getMessage()
                .contains("is not a calibrate run"));
        Files.writeString(run.resolve(Calibration.FORKS_FILE), HEADER + "X.x,{},1.00,ms/op,1,-3\r\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Calibration.readForks(run)).getMessage()
                .contains("is not a valid calibrate-forks.csv"));
        Files.writeString(run.resolve(Calibration.FORKS_FILE), HEADER + "X.x,{},1.10,ms/op,1,3\r\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Calibration.readForks(run)).getMessage()
                .contains("has no unscaled forks"));
    }

    @Test
    void theSlowdownTheRowsSawIsTheGeometricMeanOfTheirRatios() {
        racebench.bench.RowId a = DetectorSimulationTest.id("X.a {}");
        racebench.bench.RowId b = DetectorSimulationTest.id("X.b {}");
        double seen = Calibration.meanRatio(Map.of(a, new double[] {10, 10}, b, new double[] {100}),
                Map.of(a, new double[] {12.1, 12.1}, b, new double[] {100}));
        assertEquals(Math.sqrt(1.21), seen, 1e-12, "1.21 and 1.00: their geometric mean is 1.10");
        assertTrue(Double.isNaN(Calibration.meanRatio(Map.of(a, new double[] {1}), Map.of(b, new double[] {1}))),
                "no row in common: no slowdown to report");
    }

    @Test
    void simulatedNightsAreSizedByTheMedianOfTheRecentNightsForks() {
        racebench.bench.RowId row = DetectorSimulationTest.id("X.a {}");
        racebench.bench.RowId rare = DetectorSimulationTest.id("X.b {}");
        java.util.List<Map<racebench.bench.RowId, java.util.List<Double>>> recent = java.util.List.of(
                Map.of(row, java.util.List.of(1.0, 1.0, 1.0)),
                Map.of(row, java.util.List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0)),
                Map.of(row, java.util.List.of(1.0, 1.0, 1.0, 1.0), rare, java.util.List.of(1.0, 1.0)));
        DetectorSimulation.Sizes pooled = Calibration.nightSizes(recent, false);
        assertEquals(4, pooled.newForks().get(row), "the median night's 4 forks, not the newest night's 3");
        assertEquals(2, pooled.newForks().get(rare));
        assertEquals(NightlyPolicy.DEFAULT.baselineRuns(), pooled.baselineRuns(), "a pooled base: the baseline nights");
        assertEquals(1, Calibration.nightSizes(recent, true).baselineRuns(), "a base build measured beside: one side");
    }
}
