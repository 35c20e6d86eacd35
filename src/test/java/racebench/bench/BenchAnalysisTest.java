package racebench.bench;

import org.junit.jupiter.api.Test;
import racebench.strategy.StrategyKind;
import racebench.workload.StandardBatch;
import racebench.workload.TaskSpec;
import racebench.workload.Workload;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchAnalysisTest {

    private static ForkSamples strategy(StrategyKind kind, Workload workload, int tasks, double... forkMeans) {
        List<double[]> forks = java.util.Arrays.stream(forkMeans).mapToObj(m -> new double[] {m, m, m}).toList();
        return new ForkSamples(BenchmarkMapping.STRATEGY.benchmark(),
                Map.of("strategy", kind.name(), "workload", workload.name(), "tasks", Integer.toString(tasks)),
                "ms/op", forks);
    }

    @Test
    void speedupIsSequentialOverStrategyWithAnIntervalAndEfficiencyUsesTheCores() {
        List<ForkSamples> samples = List.of(
                strategy(StrategyKind.SEQUENTIAL, Workload.CPU, 8, 16.0, 16.2, 15.8, 16.1, 15.9),
                strategy(StrategyKind.VIRTUAL, Workload.CPU, 8, 8.0, 8.1, 7.9, 8.05, 7.95));
        List<BenchRow> rows = BenchAnalysis.rows(samples, 2);
        BenchRow virtual = rows.get(1);
        assertEquals(2.0, virtual.speedup().point(), 1e-9);
        assertTrue(virtual.speedup().low() < 2.0 && virtual.speedup().high() > 2.0, virtual.speedup().toString());
        assertEquals(1.0, virtual.efficiency(), 1e-9);
        assertEquals(8, virtual.workers());
        assertEquals(1.0, rows.getFirst().speedup().point(), 1e-9);
        assertEquals(5, virtual.summary().n());
        assertEquals(0, virtual.trimmedIterations());
    }

    @Test
    void downloadsGetTheGreedyMakespanAsTheirFloorAndNoEfficiency() {
        List<TaskSpec> batch = StandardBatch.of(Workload.DOWNLOAD, 8);
        long longest = batch.stream().mapToLong(TaskSpec::sleepNanos).max().orElseThrow();
        long total = batch.stream().mapToLong(TaskSpec::sleepNanos).sum();
        List<ForkSamples> samples = List.of(
                strategy(StrategyKind.SEQUENTIAL, Workload.DOWNLOAD, 8, 70, 71),
                strategy(StrategyKind.THREAD_PER_TASK, Workload.DOWNLOAD, 8, 11, 11.2));
        List<BenchRow> rows = BenchAnalysis.rows(samples, 2);
        assertEquals(total / 1e6, rows.getFirst().ideal(), 1e-9, "sequential: the sum of the sleeps");
        BenchRow threads = rows.get(1);
        assertEquals(longest / 1e6, threads.ideal(), 1e-9, "a thread each: the longest sleep");
        assertEquals(11.1 / (longest / 1e6) - 1, threads.overhead(), 1e-9);
        assertTrue(Double.isNaN(threads.efficiency()));
    }

    @Test
    void noBaselineMeansNoSpeedupAndAWarmUpTransientIsTrimmed() {
        ForkSamples cold = new ForkSamples(BenchmarkMapping.STRATEGY.benchmark(),
                Map.of("strategy", "GIL", "workload", "CPU", "tasks", "2"), "ms/op",
                List.of(new double[] {10, 10, 10, 10}, new double[] {14, 10, 10, 10}));
        BenchRow row = BenchAnalysis.rows(List.of(cold), 2).getFirst();
        assertNull(row.speedup());
        assertEquals(1, row.trimmedIterations(), "the second fork's slow first iteration");
        assertEquals(10.0, row.summary().mean(), 1e-12, "and it does not bias the mean");
        assertEquals("", row.cells().get(BenchRow.HEADER.indexOf("speedup")));
    }

    @Test
    void spawnRowsAndTheAotRatio() {
        ForkSamples aot = new ForkSamples(BenchAnalysis.SPAWN_BENCHMARK, Map.of("kind", "CHILD_JVM_AOT"), "us/op",
                List.of(new double[] {30_000}, new double[] {31_000}, new double[] {29_000}));
        ForkSamples plain = new ForkSamples(BenchAnalysis.SPAWN_BENCHMARK, Map.of("kind", "CHILD_JVM"), "us/op",
                List.of(new double[] {40_000}, new double[] {41_000}, new double[] {39_000}));
        List<BenchRow> rows = BenchAnalysis.rows(List.of(aot, plain), 2);
        assertEquals("spawn", rows.getFirst().workload());
        assertEquals("CHILD_JVM_AOT", rows.getFirst().strategy());
        List<BenchAnalysis.Ratio> ratios = BenchAnalysis.ratios(List.of(aot, plain));
        assertEquals(1, ratios.size());
        assertEquals(0.75, ratios.getFirst().interval().point(), 1e-9);
    }

    @Test
    void unitsConvert() {
        assertEquals(1_000_000, BenchAnalysis.nanosPer("ms/op"));
        assertEquals(1_000, BenchAnalysis.nanosPer("us/op"));
    }

    @Test
    void aRowOutsideTheTargetSaysHowManyForksItsSpreadNeedsAndTheRunSumsWhatIsMissing() {
        List<ForkSamples> samples = List.of(
                strategy(StrategyKind.SEQUENTIAL, Workload.CPU, 8, 16.0, 16.0, 16.0),   // exact: within the target
                strategy(StrategyKind.VIRTUAL, Workload.CPU, 8, 0.97, 1.00, 1.03),      // CV 3%: 12 forks for ±2%
                strategy(StrategyKind.GIL, Workload.CPU, 8, 1, 2));                     // two forks cannot tell
        List<BenchRow> rows = BenchAnalysis.rows(samples, 2);
        int column = BenchRow.HEADER.indexOf("forks_for_target");
        assertEquals(12, rows.get(1).cells().get(column));
        assertEquals("", rows.get(2).cells().get(column));
        BenchReport.Shortfall shortfall = BenchReport.Shortfall.of(rows, Profile.TARGET_HALF_WIDTH);
        assertEquals(2, shortfall.rows());
        assertEquals(12 - 3, shortfall.forks());
        assertEquals(12, shortfall.medianForks());
        assertEquals(1, shortfall.unknown());
    }
}
