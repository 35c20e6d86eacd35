package racebench.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads JMH's JSON result format (an array, one element per benchmark, mode and parameter set)
 * into fork samples: each element's {@code primaryMetric.rawData} holds, per fork, the scores of
 * its measurement iterations. What a user's JMH, run in another JVM, hands back; plain data,
 * never deserialized objects.
 */
final class JmhJson {
    private JmhJson() {
    }

    /** One {@link ForkSamples} per element; one line naming what is missing when it is not JMH's format. */
    static List<ForkSamples> samples(String json) {
        List<ForkSamples> samples = new ArrayList<>();
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("JMH's result is not JSON: " + e.getMessage());
        }
        if (!root.isJsonArray()) {
            throw new IllegalArgumentException("JMH's result is not a JSON array");
        }
        for (JsonElement e : root.getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            String benchmark = string(o, "benchmark");
            String mode = string(o, "mode");
            Map<String, String> params = new TreeMap<>();
            if (o.has("params") && o.get("params").isJsonObject()) {
                o.getAsJsonObject("params").entrySet().forEach(p -> params.put(p.getKey(), p.getValue().getAsString()));
            }
            JsonObject metric = o.getAsJsonObject("primaryMetric");
            if (metric == null || !metric.has("rawData")) {
                throw new IllegalArgumentException("JMH's result for " + benchmark + " has no primaryMetric.rawData");
            }
            List<double[]> forks = new ArrayList<>();
            for (JsonElement fork : metric.getAsJsonArray("rawData")) {
                JsonArray iterations = fork.getAsJsonArray();
                double[] scores = new double[iterations.size()];
                for (int i = 0; i < scores.length; i++) {
                    scores[i] = iterations.get(i).getAsDouble();
                }
                if (scores.length > 0) {
                    forks.add(scores);
                }
            }
            samples.add(new ForkSamples(BenchCase.simpleName(benchmark), params, string(metric, "scoreUnit"), forks,
                    mode));
        }
        return samples;
    }

    private static String string(JsonObject o, String name) {
        if (!o.has(name) || o.get(name).isJsonNull()) {
            throw new IllegalArgumentException("JMH's result has no '" + name + "'");
        }
        return o.get(name).getAsString();
    }
}
