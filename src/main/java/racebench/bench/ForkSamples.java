package racebench.bench;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;

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
 */
public record ForkSamples(String benchmark, Map<String, String> params, String unit, List<double[]> forks) {

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
        String name = p.getBenchmark();
        int cut = name.lastIndexOf('.', name.lastIndexOf('.') - 1);
        return new ForkSamples(name.substring(cut + 1), params, unit, forks);
    }

    public String param(String name) {
        return params.getOrDefault(name, "");
    }

    /** Per fork, the mean of its iterations: the samples the statistics use. */
    public double[] forkMeans() {
        double[] means = new double[forks.size()];
        for (int f = 0; f < means.length; f++) {
            double sum = 0;
            for (double v : forks.get(f)) {
                sum += v;
            }
            means[f] = sum / forks.get(f).length;
        }
        return means;
    }
}
