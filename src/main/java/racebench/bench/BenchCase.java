package racebench.bench;

import org.openjdk.jmh.runner.BenchmarkListEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * One row of a bench run before it is measured: a benchmark method and one value for each of
 * its parameters. JMH runs the cartesian product of parameter values in one call; racebench
 * runs one case at a time so that each row can get its own number of forks.
 *
 * @param benchmark the method's full name, e.g. racebench.strategy.StrategyBenchmark.batch
 * @param params    one value per @Param, by name
 * @param jvmArgs   extra flags for the fork's JVM (calibrate's injected slowdown); usually none
 * @param mode      JMH's mode label (avgt, thrpt, sample, ss): a benchmark of several modes is a case per mode
 */
public record BenchCase(String benchmark, Map<String, String> params, List<String> jvmArgs, String mode) {

    /** The JMH include pattern of every racebench benchmark: what a nightly without --include runs. */
    public static final String ALL = "racebench\\..*(.*)";

    public BenchCase {
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
        jvmArgs = List.copyOf(jvmArgs);
        mode = mode == null || mode.isEmpty() ? RowId.DEFAULT_MODE : mode;
    }

    public BenchCase(String benchmark, Map<String, String> params, List<String> jvmArgs) {
        this(benchmark, params, jvmArgs, RowId.DEFAULT_MODE);
    }

    public BenchCase(String benchmark, Map<String, String> params) {
        this(benchmark, params, List.of());
    }

    public BenchCase withJvmArgs(List<String> args) {
        return new BenchCase(benchmark, params, args, mode);
    }

    /** The row this case measures. */
    public RowId id() {
        return RowId.of(simpleName(), mode, params);
    }

    /** The benchmark's simple name as the CSVs spell it, e.g. StrategyBenchmark.batch. */
    public String simpleName() {
        return simpleName(benchmark);
    }

    /** "racebench.strategy.StrategyBenchmark.batch" to "StrategyBenchmark.batch". */
    public static String simpleName(String benchmark) {
        int cut = benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1);
        return benchmark.substring(cut + 1);
    }

    /** "StrategyBenchmark.batch {strategy=VIRTUAL, tasks=8, workload=CPU}", as ForkSamples labels it. */
    public String label() {
        return id().label() + (jvmArgs.isEmpty() ? "" : " " + jvmArgs);
    }

    /** Every case of the given benchmarks: their @Param values, with the profile's overrides. */
    public static List<BenchCase> matrix(SortedSet<BenchmarkListEntry> benchmarks, Map<String, List<String>> overrides) {
        List<BenchCase> cases = new ArrayList<>();
        for (BenchmarkListEntry entry : benchmarks) {
            Map<String, List<String>> values = new TreeMap<>();
            if (entry.getParams().hasValue()) {
                entry.getParams().get().forEach((name, declared) -> values.put(name,
                        overrides.getOrDefault(name, List.of(declared))));
            }
            for (org.openjdk.jmh.annotations.Mode mode : modes(entry)) {
                expand(entry.getUsername(), mode.shortLabel(), new ArrayList<>(values.entrySet()), 0,
                        new LinkedHashMap<>(), cases);
            }
        }
        return cases;
    }

    /** The entry's mode, or for {@code Mode.All} each mode it stands for, as JMH runs it: a row per mode. */
    static List<org.openjdk.jmh.annotations.Mode> modes(BenchmarkListEntry entry) {
        if (entry.getMode() != org.openjdk.jmh.annotations.Mode.All) {
            return List.of(entry.getMode());
        }
        return java.util.Arrays.stream(org.openjdk.jmh.annotations.Mode.values())
                .filter(m -> m != org.openjdk.jmh.annotations.Mode.All).toList();
    }

    /**
     * {@code bench --list}: one line per benchmark with how many rows the profile runs of it, then
     * a line per parameter with every value it takes, the profile's in brackets when they differ.
     */
    public static List<String> listing(SortedSet<BenchmarkListEntry> benchmarks, Map<String, List<String>> profile) {
        List<String> lines = new ArrayList<>();
        List<BenchmarkListEntry> byName = benchmarks.stream().sorted(java.util.Comparator
                .comparing(BenchmarkListEntry::getUsername).thenComparing(e -> e.getMode().shortLabel())).toList();
        for (BenchmarkListEntry entry : byName) {
            int rows = matrix(new java.util.TreeSet<>(List.of(entry)), profile).size();
            String mode = entry.getMode().shortLabel();
            lines.add(simpleName(entry.getUsername()) + (mode.equals(RowId.DEFAULT_MODE) ? "" : " " + mode)
                    + "  (" + rows + " row" + (rows == 1 ? "" : "s") + (profile.isEmpty() ? ")" : " in this profile)"));
            if (entry.getParams().hasValue()) {
                new TreeMap<>(entry.getParams().get()).forEach((name, declared) -> {
                    List<String> chosen = profile.get(name);
                    boolean narrowed = chosen != null && !chosen.equals(List.of(declared));
                    lines.add("    " + name + "=" + String.join(",", declared)
                            + (narrowed ? "  [this profile: " + String.join(",", chosen) + "]" : ""));
                });
            }
        }
        return lines;
    }

    /**
     * The profile's parameter values with a user's {@code --param} choices laid over them,
     * after checking each against the selected benchmarks: a name none of them declares, or a
     * value no benchmark that declares the name offers, is an error naming what there is.
     */
    public static Map<String, List<String>> overlay(SortedSet<BenchmarkListEntry> benchmarks,
                                                    Map<String, List<String>> profile,
                                                    Map<String, List<String>> user) {
        Map<String, java.util.Set<String>> declared = new TreeMap<>();
        for (BenchmarkListEntry entry : benchmarks) {
            if (entry.getParams().hasValue()) {
                entry.getParams().get().forEach((name, values) ->
                        declared.computeIfAbsent(name, n -> new java.util.LinkedHashSet<>()).addAll(List.of(values)));
            }
        }
        Map<String, List<String>> merged = new TreeMap<>(profile);
        user.forEach((name, values) -> {
            java.util.Set<String> offered = declared.get(name);
            if (offered == null) {
                throw new IllegalArgumentException("no selected benchmark has a parameter '" + name + "'; they have: "
                        + String.join(", ", declared.keySet()));
            }
            for (String value : values) {
                if (!offered.contains(value)) {
                    throw new IllegalArgumentException("'" + value + "' is not a value of " + name + "; it takes: "
                            + String.join(", ", offered));
                }
            }
            merged.put(name, List.copyOf(values));
        });
        return merged;
    }

    private static void expand(String benchmark, String mode, List<Map.Entry<String, List<String>>> params, int i,
                               Map<String, String> chosen, List<BenchCase> out) {
        if (i == params.size()) {
            out.add(new BenchCase(benchmark, chosen, List.of(), mode));
            return;
        }
        for (String value : params.get(i).getValue()) {
            chosen.put(params.get(i).getKey(), value);
            expand(benchmark, mode, params, i + 1, chosen, out);
        }
        chosen.remove(params.get(i).getKey());
    }
}
