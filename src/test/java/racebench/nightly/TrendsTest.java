package racebench.nightly;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racebench.bench.ForkSamples;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrendsTest {

    @Test
    void aStepInOneRowsHistoryIsFoundAtItsNightAndOtherMachinesAreIgnored(@TempDir Path results) throws IOException {
        Fingerprint here = Fingerprint.of(BaselinesTest.HERE);
        Map<String, String> elsewhere = new java.util.HashMap<>(BaselinesTest.HERE);
        elsewhere.put("cores", "64");
        Random random = new Random(3);
        for (int night = 0; night < 30; night++) {
            double cpu = 10 * (night >= 20 ? 1.06 : 1.0) * (1 + 0.005 * random.nextGaussian());
            double flat = 5 * (1 + 0.005 * random.nextGaussian());
            List<ForkSamples> samples = List.of(
                    new ForkSamples("StrategyBenchmark.batch", Map.of("strategy", "VIRTUAL"), "ms/op",
                            List.of(new double[] {cpu}, new double[] {cpu})),
                    new ForkSamples("StrategyBenchmark.batch", Map.of("strategy", "FORK_JOIN"), "ms/op",
                            List.of(new double[] {flat}, new double[] {flat})));
            String run = String.format("202611%02d-020000-nightly", night);
            History.append(results, run, Instant.now(), here, "c", samples, Optional.empty());
            // another machine's nights, ten times slower, must not look like a change
            History.append(results, run, Instant.now(), Fingerprint.of(elsewhere), "c", List.of(
                    new ForkSamples("StrategyBenchmark.batch", Map.of("strategy", "FORK_JOIN"), "ms/op",
                            List.of(new double[] {50}, new double[] {50}))), Optional.empty());
        }
        List<Trends.Shift> shifts = Trends.find(results.resolve(History.FILE), here);
        assertEquals(1, shifts.size(), shifts.toString());
        assertEquals("{strategy=VIRTUAL}", shifts.getFirst().params());
        assertEquals("20261120-020000-nightly", shifts.getFirst().run());
    }
}
