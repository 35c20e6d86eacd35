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
        List<BenchRow> rows = new ArrayList<>();
        for (ForkSamples s : samples) {
            rows.add(row(s, samples, cores));
        }
        return rows;
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
                Summary.of(s.forkMeans()), speedup, efficiency, ideal, s.trimmedIterations());
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
            return List.of(name, racebench.report.Csv.number(interval.point(), 4),
                    racebench.report.Csv.number(interval.low(), 4), racebench.report.Csv.number(interval.high(), 4));
        }
    }
}
