package racebench.race;

import racebench.report.Csv;
import racebench.report.Environment;
import racebench.report.RunDirectory;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a race run's CSV files and prints its verdict table. */
public final class RaceReport {

    /** Lost updates of one variant in one jcstress configuration: where the race showed, where it hid. */
    public record ConfigurationRate(String test, String variant, String configuration, long samples, long lost) {
        public static final List<String> HEADER = List.of("test", "variant", "configuration", "samples",
                "lost_updates", "rate");

        public double rate() {
            return samples == 0 ? Double.NaN : (double) lost / samples;
        }

        public List<Object> cells() {
            return List.of(test, variant, configuration, samples, lost, Csv.number(rate(), 9));
        }
    }

    private RaceReport() {
    }

    public static List<ConfigurationRate> rates(List<OutcomeRow> rows) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (OutcomeRow row : rows) {
            if (row.outcome().isEmpty()) {
                continue;
            }
            long[] c = counts.computeIfAbsent(row.test() + "\u0000" + row.configuration(), k -> new long[2]);
            c[0] += row.count();
            if (!row.outcome().trim().equals("0")) {
                c[1] += row.count();
            }
        }
        List<ConfigurationRate> rates = new ArrayList<>();
        counts.forEach((key, c) -> {
            String[] parts = key.split("\u0000", 2);
            rates.add(new ConfigurationRate(parts[0], Verdicts.simpleName(parts[0]), parts[1], c[0], c[1]));
        });
        return rates;
    }

    public static void write(RunDirectory run, List<OutcomeRow> rows, List<VariantResult> results, Instant end)
            throws IOException {
        Csv.write(run.resolve("race-outcomes.csv"), OutcomeRow.HEADER, rows, OutcomeRow::cells);
        Csv.write(run.resolve("race-configurations.csv"), ConfigurationRate.HEADER, rates(rows), ConfigurationRate::cells);
        Csv.write(run.resolve("race.csv"), VariantResult.HEADER, results, VariantResult::cells);
        String home = System.getProperty("racebench.home");
        Environment.write(run.resolve("environment.csv"),
                Environment.facts(home == null ? null : Path.of(home), run.started(), end));
    }

    public static void print(PrintWriter out, List<OutcomeRow> rows, List<VariantResult> results) {
        out.println();
        int width = Math.max(16, results.stream().mapToInt(r -> r.variant().length()).max().orElse(0));
        out.printf("%-" + width + "s %-6s %15s %12s %9s %8s  %s%n", "variant", "expect", "samples", "lost", "outcomes",
                "configs", "verdict");
        for (VariantResult r : results) {
            out.printf(java.util.Locale.ROOT, "%-" + width + "s %-6s %,15d %,12d %9s %8s  %s%n", r.variant(), r.expect(), r.samples(),
                    r.lostUpdates(), r.seen().stream().filter(r.possible()::contains).count() + "/" + r.possible().size(),
                    r.racyConfigurations() + "/" + r.configurations(), r.verdict());
        }
        // where the race showed and where the compiler hid it: racy variants, and any fix that raced
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (VariantResult r : results) {
            if (r.expect() == racebench.workload.counter.CounterKind.Expectation.RACY || r.lostUpdates() > 0) {
                shown.add(r.test());
            }
        }
        Map<String, Map<String, Double>> byVariant = new LinkedHashMap<>();
        for (ConfigurationRate rate : rates(rows)) {
            if (shown.contains(rate.test())) {
                byVariant.computeIfAbsent(rate.variant(), v -> new LinkedHashMap<>()).merge(rate.configuration(),
                        rate.rate(), Math::max);
            }
        }
        if (byVariant.isEmpty()) {
            return;
        }
        out.println();
        out.println("lost-update rate per jcstress configuration ('.' = none seen):");
        byVariant.forEach((variant, perConfig) -> {
            out.printf("  %s%n", variant);
            perConfig.forEach((config, rate) -> out.printf("    %-70s %s%n", shorten(config, 70),
                    rate > 0 ? String.format(java.util.Locale.ROOT, "%.2e", rate) : "."));
        });
    }

    private static String shorten(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
