package racebench.bench;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.apache.commons.math3.stat.StatUtils;
import racebench.stats.SteadyState;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One benchmark and parameter set as the statistics see it: for each JMH fork, the scores
 * of its measurement iterations. A fork is the replication unit; its mean is one sample.
 *
 * @param benchmark the benchmark's simple name, e.g. StrategyBenchmark.batch
 * @param params    the JMH @Param values, by name
 * @param unit      the score unit, e.g. ms/op
 * @param forks     per fork, its measurement iteration scores
 * @param mode      JMH's mode, e.g. avgt or thrpt ({@link RowId#DEFAULT_MODE} for racebench's own benchmarks)
 */
public record ForkSamples(String benchmark, Map<String, String> params, String unit, List<double[]> forks,
                          String mode) {

    public ForkSamples {
        params = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(params)); // sorted: one spelling per row
        forks = List.copyOf(forks);
        mode = mode == null || mode.isEmpty() ? RowId.DEFAULT_MODE : mode;
    }

    /** An average-time row, as every racebench benchmark is. */
    public ForkSamples(String benchmark, Map<String, String> params, String unit, List<double[]> forks) {
        this(benchmark, params, unit, forks, RowId.DEFAULT_MODE);
    }

    /** The row this is a sample of. */
    public RowId id() {
        return RowId.of(benchmark, mode, params);
    }

    /** Reads a JMH RunResult through JMH's own result classes: one BenchmarkResult per fork. */
    public static ForkSamples of(RunResult run) {
        BenchmarkParams p = run.getParams();
        Map<String, String> params = new java.util.TreeMap<>();
        for (String key : p.getParamsKeys()) {
            params.put(key, p.getParam(key));
        }
        List<double[]> forks = new ArrayList<>();
        String unit = run.getPrimaryResult().getScoreUnit();
        for (BenchmarkResult fork : run.getBenchmarkResults()) {
            Collection<IterationResult> iterations = fork.getIterationResults();
            double[] scores = new double[iterations.size()];
            int i = 0;
            for (IterationResult it : iterations) {
                scores[i++] = it.getPrimaryResult().getScore();
            }
            if (scores.length > 0) {
                forks.add(scores);
            }
        }
        return new ForkSamples(BenchCase.simpleName(p.getBenchmark()), params, unit, forks, p.getMode().shortLabel());
    }

    public String param(String name) {
        return params.getOrDefault(name, "");
    }

    /**
     * Per fork, the mean of its steady iterations (its warm-up transient dropped by
     * {@link SteadyState}): the samples the statistics use.
     */
    public double[] forkMeans() {
        double[] means = new double[forks.size()];
        for (int f = 0; f < means.length; f++) {
            means[f] = StatUtils.mean(SteadyState.steady(forks.get(f)));
        }
        return means;
    }

    /** Iterations dropped as warm-up transient, over all forks. */
    public int trimmedIterations() {
        return forks.stream().mapToInt(SteadyState::truncation).sum();
    }

    /** The same benchmark and parameters with more forks, e.g. from a later round of a run. */
    public ForkSamples plus(ForkSamples more) {
        if (!id().equals(more.id()) || !unit.equals(more.unit)) {
            throw new IllegalArgumentException(more.benchmark + " " + more.params + " is not " + benchmark + " " + params);
        }
        List<double[]> all = new ArrayList<>(forks);
        all.addAll(more.forks);
        return new ForkSamples(benchmark, params, unit, List.copyOf(all), mode);
    }

    /** "benchmark {a=1, b=2}": how rows are named in files and on the console ({@link RowId#label}). */
    public String label() {
        return id().label();
    }
}
