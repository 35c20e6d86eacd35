package racebench.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import racebench.stats.Summary;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class BencherJsonTest {

    private static BenchRow row(String benchmark, String mode, String unit, Map<String, String> params, double... forks) {
        RowId id = RowId.of(benchmark, mode, params);
        return new BenchRow(benchmark, "w", "s", 0, 0, unit, Summary.of(forks), null, Double.NaN, Double.NaN, 0, id,
                params);
    }

    @Test
    void eachRowCarriesItsTrimmedMeanAndIntervalInBenchersUnits() {
        BenchRow time = row("StrategyBenchmark.batch", "avgt", "ms/op", Map.of("tasks", "8"), 10, 11, 12);
        BenchRow rate = row("Q.offer", "thrpt", "ops/us", Map.of(), 2, 2, 2.5);
        BenchRow odd = row("X.y", "avgt", "ms/call", Map.of(), 1, 2);
        JsonObject json = JsonParser.parseString(BencherJson.json(List.of(time, rate, odd))).getAsJsonObject();

        JsonObject latency = json.getAsJsonObject("StrategyBenchmark.batch {tasks=8}").getAsJsonObject("latency");
        assertEquals(time.summary().trimmedMean() * 1e6, latency.get("value").getAsDouble(), 1e-6, "ms to ns");
        assertEquals(time.summary().ciLow() * 1e6, latency.get("lower_value").getAsDouble(), 1e-6);
        assertEquals(time.summary().ciHigh() * 1e6, latency.get("upper_value").getAsDouble(), 1e-6);

        JsonObject throughput = json.getAsJsonObject("Q.offer {} thrpt").getAsJsonObject("throughput");
        assertEquals(rate.summary().trimmedMean() * 1e6, throughput.get("value").getAsDouble(), 1e-6,
                "per microsecond to per second");
        assertEquals(rate.summary().ciHigh() * 1e6, throughput.get("upper_value").getAsDouble(), 1e-6);

        assertFalse(json.getAsJsonObject("X.y {}").has("latency"), "an unknown unit is not passed off as a time");
        assertEquals(1.5, json.getAsJsonObject("X.y {}").getAsJsonObject("ms-call").get("value").getAsDouble(), 1e-9);
    }

    @Test
    void aRowOfOneForkHasAValueAndNoInterval() {
        BenchRow one = row("A.b", "avgt", "us/op", Map.of(), 5);
        JsonObject m = JsonParser.parseString(BencherJson.json(List.of(one))).getAsJsonObject()
                .getAsJsonObject("A.b {}").getAsJsonObject("latency");
        assertEquals(5000, m.get("value").getAsDouble(), 1e-9);
        assertFalse(m.has("lower_value"));
    }
}
