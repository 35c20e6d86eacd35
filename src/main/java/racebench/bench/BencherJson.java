package racebench.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import racebench.results.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@value #FILE}: a run's rows in Bencher Metric Format, each row's 10% trimmed mean of fork means
 * with its 95% interval as {@code lower_value} and {@code upper_value}, so that Bencher keeps
 * racebench's estimate rather than JMH's pooled score. Times go to Bencher's {@code latency}
 * measure in nanoseconds, rates to {@code throughput} in operations per second; a score in any
 * other unit to a measure named after that unit.
 */
public final class BencherJson {
    public static final String FILE = "bencher.json";

    private BencherJson() {
    }

    /** A measure and the factor that takes a score in JMH's unit to it. */
    record Measure(String slug, double factor) {
        static Measure of(String unit) {
            String[] parts = unit.split("/");
            if (parts.length == 2 && parts[1].equals("op")) {
                double perSecond = secondsPer(parts[0]);
                if (!Double.isNaN(perSecond)) {
                    return new Measure("latency", perSecond * 1e9);
                }
            }
            if (parts.length == 2 && parts[0].equals("ops")) {
                double seconds = secondsPer(parts[1]);
                if (!Double.isNaN(seconds)) {
                    return new Measure("throughput", 1 / seconds);
                }
            }
            return new Measure(unit.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"), 1);
        }

        private static double secondsPer(String timeUnit) {
            return switch (timeUnit) {
                case "s" -> 1;
                case "ms" -> 1e-3;
                case "us" -> 1e-6;
                case "ns" -> 1e-9;
                case "min" -> 60;
                default -> Double.NaN;
            };
        }
    }

    /** The JSON for these rows: one benchmark per row, named by its label ({@link RowId#label()}). */
    static String json(List<BenchRow> rows) {
        JsonObject all = new JsonObject();
        for (BenchRow row : rows) {
            Measure measure = Measure.of(row.unit());
            JsonObject metric = new JsonObject();
            metric.addProperty("value", row.summary().trimmedMean() * measure.factor());
            if (!Double.isNaN(row.summary().ciLow())) {
                metric.addProperty("lower_value", row.summary().ciLow() * measure.factor());
                metric.addProperty("upper_value", row.summary().ciHigh() * measure.factor());
            }
            JsonObject measures = new JsonObject();
            measures.add(measure.slug(), metric);
            all.add(row.id().label(), measures);
        }
        return new GsonBuilder().setPrettyPrinting().create().toJson(all);
    }

    public static void write(Path target, List<BenchRow> rows) throws IOException {
        String json = json(rows);
        AtomicFiles.write(target, out -> out.write(json));
    }
}
