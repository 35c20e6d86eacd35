package racebench.bench;

import racebench.stats.Bootstrap;
import racebench.stats.RatioInterval;
import racebench.stats.Speedup;
import racebench.stats.Summary;
import racebench.workload.StandardBatch;
import racebench.workload.TaskSpec;
import racebench.workload.Workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Turns per-fork JMH samples into bench.csv rows: a Student t interval over fork means,
 * speedup over SEQUENTIAL (same workload and batch size) with a bootstrap interval over
 * forks, efficiency against the cores a CPU-bound batch could use, and for downloads the
 * overhead over the physical floor, the greedy makespan of the batch's sleeps on the
 * strategy's workers (the longest sleep with enough workers, ceil(tasks / workers) rounds
 * with fewer).
 */
public final class BenchAnalysis {
    static final String SPAWN_BENCHMARK = BenchmarkMapping.SPAWN.benchmark();

    private BenchAnalysis() {
    }

    public static List<BenchRow> rows(List<ForkSamples> samples, int cores) {
        return rows(samples, cores, Optional.empty());
    }

    /**
     * @param baseline for the benchmarks racebench does not know, the parameter value their speedup
     *                 is against ({@code bench --baseline-param}); none: no speedup for them
     */
    public static List<BenchRow> rows(List<ForkSamples> samples, int cores, Optional<BaselineParam> baseline) {
        List<BenchRow> rows = new ArrayList<>();
        for (ForkSamples s : samples) {
            rows.add(BenchmarkMapping.of(s.benchmark()).isPresent() ? row(s, samples, cores)
                    : generic(s, samples, baseline));
        }
        return rows;
    }

    /**
     * The row whose speedup others are measured against, named by one parameter value:
     * {@code strategy=SEQUENTIAL} makes every row's speedup its time over the time of the row
     * that differs from it only in {@code strategy}, at SEQUENTIAL.
     */
    public record BaselineParam(String name, String value) {
        /** "name=value", or one line saying what is wrong. */
        public static BaselineParam parse(String text) {
            int eq = text.indexOf('=');
            if (eq <= 0 || eq == text.length() - 1) {
                throw new IllegalArgumentException("'" + text + "' is not NAME=VALUE, e.g. strategy=SEQUENTIAL");
            }
            return new BaselineParam(text.substring(0, eq).trim(), text.substring(eq + 1).trim());
        }

        boolean isBaseline(ForkSamples s) {
            return value.equals(s.params().get(name));
        }

        /** The same benchmark and mode whose parameters differ from {@code s}'s only in this one, at its value. */
        boolean isBaselineOf(ForkSamples candidate, ForkSamples s) {
            if (!candidate.benchmark().equals(s.benchmark()) || !candidate.mode().equals(s.mode())
                    || !isBaseline(candidate) || !s.params().containsKey(name)) {
                return false;
            }
            java.util.Map<String, String> mine = new java.util.TreeMap<>(s.params());
            mine.put(name, value);
            return mine.equals(candidate.params());
        }
    }

    /**
     * A row of a benchmark racebench does not know: its class and mode as the workload (the
     * console's and report's group), its method and parameters as the strategy, each parameter in a column of its own; a speedup only against a
     * named baseline, the baseline's score over this one's for a time and the reverse for a rate,
     * so above 1 is faster either way.
     */
    static BenchRow generic(ForkSamples s, List<ForkSamples> all, Optional<BaselineParam> baseline) {
        RatioInterval speedup = baseline.flatMap(b -> {
            if (b.isBaseline(s)) {
                return Optional.of(new RatioInterval(1, 1, 1, Summary.DEFAULT_CONFIDENCE));
            }
            return all.stream().filter(o -> b.isBaselineOf(o, s)).findFirst()
                    .map(base -> s.id().isRate()
                            ? Bootstrap.DEFAULT.ratioOfTrimmedMeans(s.forkMeans(), base.forkMeans())
                            : Bootstrap.DEFAULT.ratioOfTrimmedMeans(base.forkMeans(), s.forkMeans()));
        }).orElse(null);
        int dot = s.benchmark().lastIndexOf('.');
        String method = s.benchmark().substring(dot + 1);
        String params = s.params().entrySet().stream().map(e -> " " + e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining());
        String workload = s.benchmark().substring(0, Math.max(0, dot))
                + (s.mode().equals(RowId.DEFAULT_MODE) ? "" : " " + s.mode());
        return new BenchRow(s.benchmark(), workload, method + params, 0, 0, s.unit(), Summary.of(s.forkMeans()), speedup,
                Double.NaN, Double.NaN, s.trimmedIterations(), s.id(), s.params());
    }

    static BenchRow row(ForkSamples s, List<ForkSamples> all, int cores) {
        BenchmarkMapping mapping = BenchmarkMapping.require(s.benchmark());
        BenchmarkMapping.Key key = mapping.key(s);
        RatioInterval speedup = mapping.speedup(s, all);
        boolean strategy = mapping == BenchmarkMapping.STRATEGY;
        double efficiency = speedup == null || !strategy || !key.workload().equals(Workload.CPU.name()) ? Double.NaN
                : Speedup.efficiency(speedup.point(), cores, key.tasks());
        double ideal = strategy && key.workload().equals(Workload.DOWNLOAD.name())
                ? idealIn(s.unit(), key.tasks(), key.workers()) : Double.NaN;
        return new BenchRow(s.benchmark(), key.workload(), key.strategy(), key.tasks(), key.workers(), s.unit(),
                Summary.of(s.forkMeans()), speedup, efficiency, ideal, s.trimmedIterations(), s.id(), s.params());
    }

    /** The greedy makespan of the standard download batch, in the score's time unit. */
    static double idealIn(String unit, int tasks, int workers) {
        List<TaskSpec> batch = StandardBatch.of(Workload.DOWNLOAD, tasks);
        long[] sleeps = batch.stream().mapToLong(TaskSpec::sleepNanos).toArray();
        long nanos = Speedup.greedyMakespan(sleeps, workers);
        return nanos / (double) nanosPer(unit);
    }

    /** Nanoseconds in one unit of a JMH average-time score such as "ms/op". */
    static long nanosPer(String unit) {
        String time = unit.contains("/") ? unit.substring(0, unit.indexOf('/')) : unit;
        return switch (time) {
            case "s" -> TimeUnit.SECONDS.toNanos(1);
            case "ms" -> TimeUnit.MILLISECONDS.toNanos(1);
            case "us" -> TimeUnit.MICROSECONDS.toNanos(1);
            case "ns" -> 1;
            default -> throw new IllegalArgumentException("not a time unit: " + unit);
        };
    }

    /**
     * Named ratios of two rows' fork means with bootstrap intervals: what the targets in
     * README quote (an AOT-cached worker JVM against a plain one, a process per task against
     * one JVM start).
     */
    public static List<Ratio> ratios(List<ForkSamples> samples) {
        List<Ratio> ratios = new ArrayList<>();
        ratio("child JVM start, AOT cache / plain", spawn(samples, "CHILD_JVM_AOT"), spawn(samples, "CHILD_JVM"))
                .ifPresent(ratios::add);
        ratio("process pool task / pool submit", spawn(samples, "PROCESS_POOL_TASK"), spawn(samples, "POOL_SUBMIT"))
                .ifPresent(ratios::add);
        ratio("child JVM / ProcessBuilder /bin/true", spawn(samples, "CHILD_JVM"), spawn(samples, "BIN_TRUE"))
                .ifPresent(ratios::add);
        return ratios;
    }

    private static Optional<ForkSamples> spawn(List<ForkSamples> samples, String kind) {
        return samples.stream().filter(s -> s.benchmark().equals(SPAWN_BENCHMARK))
                .filter(s -> s.param("kind").equals(kind)).findFirst();
    }

    private static Optional<Ratio> ratio(String name, Optional<ForkSamples> num,
                                         Optional<ForkSamples> den) {
        if (num.isEmpty() || den.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Ratio(name, Bootstrap.DEFAULT.ratioOfTrimmedMeans(num.get().forkMeans(),
                den.get().forkMeans())));
    }

    /** A named ratio of means with its interval: a row of bench-ratios.csv. */
    public record Ratio(String name, RatioInterval interval) {
        public static final List<String> HEADER = List.of("ratio", "point", "ci_low", "ci_high");

        public List<Object> cells() {
            return List.of(name, racebench.results.Csv.number(interval.point(), 4),
                    racebench.results.Csv.number(interval.low(), 4), racebench.results.Csv.number(interval.high(), 4));
        }
    }
}
