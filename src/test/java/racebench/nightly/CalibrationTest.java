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
}
