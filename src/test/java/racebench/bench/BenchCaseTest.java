package racebench.bench;

import org.junit.jupiter.api.Test;
import racebench.strategy.SpawnKind;
import racebench.strategy.StrategyKind;
import racebench.workload.Workload;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rows a profile measures, read from the jar's own BenchmarkList. */
class BenchCaseTest {

    @Test
    void theNightlyMatrixIsEveryStrategyAndWorkloadAtEightTasks() {
        List<BenchCase> cases = BenchCase.matrix(JmhRunner.matching("racebench\\..*"), Profile.NIGHTLY.params());
        long strategyRows = cases.stream().filter(c -> c.simpleName().equals("StrategyBenchmark.batch")).count();
        assertEquals((long) StrategyKind.values().length * (Workload.values().length - 1), strategyRows,
                "every workload but a user's task");
        assertTrue(cases.stream().noneMatch(c -> c.simpleName().equals("TaskBenchmark.batch")), "only bench --task");
        assertTrue(cases.stream().filter(c -> c.simpleName().equals("StrategyBenchmark.batch"))
                .allMatch(c -> c.params().get("tasks").equals("8")));
        long spawnRows = cases.stream().filter(c -> c.simpleName().equals("SpawnBenchmark.spawn")).count();
        assertEquals(SpawnKind.values().length, spawnRows);
        assertEquals(cases.size(), Set.copyOf(cases).size(), "no case twice");
        // the tutorials' other lessons at the quick profile's size: 9 transports at 8 B (round trip and one way),
        // 5 counters x 1, 2 threads x platform, virtual, 2 sleeping locks, 3 accesses x 2 kinds of thread; the machine check
        assertEquals(36 + 7 + 9 * 2 + 20 + 2 + 6 + 1, cases.size());
    }

    @Test
    void profileOverridesNarrowTheMatrix() {
        List<BenchCase> cases = BenchCase.matrix(JmhRunner.matching("racebench\\..*StrategyBenchmark"),
                Profile.SMOKE.params());
        assertEquals(Profile.SMOKE.params().get("strategy").size() * 2, cases.size());
        assertTrue(cases.stream().allMatch(c -> c.params().get("tasks").equals("8")));
        Map<String, Long> byWorkload = cases.stream().collect(Collectors.groupingBy(c -> c.params().get("workload"),
                Collectors.counting()));
        assertEquals(Set.of("CPU", "DOWNLOAD"), byWorkload.keySet());
        BenchCase one = cases.getFirst();
        assertEquals("StrategyBenchmark.batch", one.simpleName());
        assertTrue(one.label().startsWith("StrategyBenchmark.batch {strategy="), one.label());
    }
}
