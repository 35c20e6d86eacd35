package racebench.strategy;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import racebench.process.OrphanGuard;
import racebench.workload.Workload;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Wall time to run a batch of a user's task ({@link racebench.workload.UserTask}, named by
 * {@code -Dracebench.task} and {@code -Dracebench.task.classpath} on the fork's command line)
 * every way {@link StrategyBenchmark} runs racebench's own work. Only {@code bench --task} runs
 * it; racebench's other runs leave it out, since without a task it has nothing to run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 6, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class TaskBenchmark {
    @Param
    public StrategyKind strategy;

    @Param({"1", "2", "8"})
    public int tasks;

    private MeasuredBatch batch;

    @Setup(Level.Trial)
    public void start() throws Exception {
        OrphanGuard.start(); // a killed racebench must not leave this fork measuring
        batch = MeasuredBatch.start(strategy, Workload.TASK, tasks);
    }

    @TearDown(Level.Trial)
    public void stop() {
        batch.close();
    }

    @Benchmark
    public List<Long> batch() throws Exception {
        return batch.run();
    }
}
