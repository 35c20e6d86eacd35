package racebench.bench;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TargetsTest {

    private static ForkSamples cpu(String strategy, double mean) {
        List<double[]> forks = Arrays.stream(new double[] {0.999, 1.0, 1.001})
                .mapToObj(j -> new double[] {mean * j, mean * j}).toList();
        return new ForkSamples(BenchAnalysis.STRATEGY_BENCHMARK,
                Map.of("strategy", strategy, "workload", "CPU", "tasks", "8"), "ms/op", forks);
    }

    @Test
    void speedupsAreJudgedAgainstTheirTargetsAndUnmeasuredTargetsAreSkipped() {
        List<ForkSamples> samples = List.of(cpu("SEQUENTIAL", 16), cpu("FORK_JOIN", 8.2), cpu("FIXED_POOL", 9),
                cpu("GIL", 16.5), cpu("PROCESS_POOL", 8.8));
        Map<String, Boolean> met = Targets.check(BenchAnalysis.rows(samples, 2), List.of()).stream()
                .collect(Collectors.toMap(Targets.Check::target, Targets.Check::met));
        assertEquals(true, met.get("cpu 8 tasks, FORK_JOIN: speedup >= 1.9"));    // 1.95
        assertEquals(false, met.get("cpu 8 tasks, FIXED_POOL: speedup >= 1.9"));  // 1.78
        assertEquals(true, met.get("cpu 8 tasks, GIL: speedup near 1.0 (0.9 to 1.1)"));
        assertEquals(true, met.get("cpu 8 tasks, PROCESS_POOL: speedup >= 1.8")); // 1.82
        assertEquals(true, met.get("95% CI half-width <= 2% of the mean in at least 90% of rows"));
        // no downloads, spawns or ratios were measured: those targets are absent, not passed, and only the
        // one-thread-per-core pools have a 1.9 target (VIRTUAL, THREAD_PER_TASK and the rest are measured, not promised)
        assertEquals(5, met.size(), met.toString());
    }
}
