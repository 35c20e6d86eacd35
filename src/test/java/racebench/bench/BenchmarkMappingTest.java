package racebench.bench;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every benchmark in the jar lands in bench.csv through a mapping of its own, with rows that tell apart. */
class BenchmarkMappingTest {

    private static List<ForkSamples> everyCaseInTheJar() {
        return BenchCase.matrix(JmhRunner.matching(".*TaskBenchmark.*|.*"), Map.of()).stream()
                .map(c -> new ForkSamples(c.simpleName(), c.params(), "us/op",
                        List.of(new double[] {2, 2, 2}, new double[] {2.1, 2.1, 2.1}, new double[] {1.9, 1.9, 1.9})))
                .toList();
    }

    @Test
    void everyBenchmarkInTheJarHasAMappingAndEveryMappingABenchmark() {
        Set<String> inJar = new HashSet<>();
        JmhRunner.matching(".*TaskBenchmark.*|.*").forEach(e -> inJar.add(BenchCase.simpleName(e.getUsername())));
        for (String benchmark : inJar) {
            assertTrue(BenchmarkMapping.of(benchmark).isPresent(), "no bench.csv mapping for " + benchmark);
        }
        for (BenchmarkMapping m : BenchmarkMapping.values()) {
            assertTrue(inJar.contains(m.benchmark()), m + " maps " + m.benchmark() + ", which is not in the jar");
        }
    }

    @Test
    void everyCaseGetsADistinctRowAndItsBaselineIsInTheMatrix() {
        List<ForkSamples> all = everyCaseInTheJar();
        List<BenchRow> rows = BenchAnalysis.rows(all, 2);
        assertEquals(all.size(), rows.size());
        Set<String> keys = new HashSet<>();
        for (BenchRow r : rows) {
            assertFalse(r.workload().isBlank() || r.strategy().isBlank(), r.toString());
            assertTrue(keys.add(r.benchmark() + "|" + r.workload() + "|" + r.strategy() + "|" + r.tasks()),
                    "two rows share " + r.benchmark() + " " + r.workload() + " " + r.strategy() + " " + r.tasks());
            if (!r.benchmark().equals(BenchmarkMapping.SPAWN.benchmark())
                    && !r.benchmark().equals(BenchmarkMapping.MACHINE.benchmark())) { // no baseline, by design
                assertNotNull(r.speedup(), "no baseline in the matrix for " + r);
            }
        }
    }
}
