package racebench.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How much measuring a bench run does: JMH's warm-up and measurement per fork, which parameter
 * values run, and how many forks each row gets. Forks are the replication unit; a run
 * gives every row {@link #minForks} forks, then keeps adding forks, a round at a time, to the rows
 * whose 95% interval is still wider than {@link #targetHalfWidth} of the mean, until each
 * converges, reaches {@link #maxForks} ({@link #maxForksToSee} for a row too blind for a verdict),
 * or spends its share of the budget ({@link AdaptiveMeasurement}). Laaber et al. (FSE 2020) stop a
 * benchmark once its relative CI width settles and save half or more of a suite's time at equal
 * quality.
 *
 * <p>Iterations are short (100 ms) and forks many: on a shared 2-core machine most of the
 * variance is between forks (JIT decisions, memory layout, neighbours), which only more forks
 * average out. A fork's warm-up transient is trimmed from its measurement iterations
 * ({@link racebench.stats.SteadyState}), so measurement iterations are kept at 5 or more.
 */
public enum Profile {
    /** Under a minute: does everything still run? Two forks, no conclusions. */
    SMOKE(forks(2, 2, 2), warmup(1, 100), measurement(3, 100), Duration.ofMinutes(2),
            Map.of("tasks", List.of("8"),
                    "workload", List.of("CPU", "DOWNLOAD"),
                    "strategy", List.of("SEQUENTIAL", "THREAD_PER_TASK", "VIRTUAL", "FIXED_POOL", "PROCESS_POOL", "GIL"),
                    "kind", List.of("PLATFORM_THREAD", "VIRTUAL_THREAD", "POOL_SUBMIT", "PROCESS_POOL_TASK"),
                    "transport", List.of("ARRAY_BLOCKING_QUEUE", "PROCESS_PIPES", "MAPPED_FILE"),
                    "bytes", List.of("8"),
                    "counter", List.of("RACY_VOLATILE", "SYNCHRONIZED", "ATOMIC"),
                    "threads", List.of("1", "2"),
                    "threadKind", List.of("PLATFORM"))),
    /** A few minutes: every strategy and workload at 8 tasks, the main locks and transports, 3 to 8 forks. */
    QUICK(forks(3, 8, 8), warmup(2, 100), measurement(5, 100), Duration.ofMinutes(8),
            Map.of("tasks", List.of("8"),
                    "bytes", List.of("8"),
                    "counter", List.of("RACY_VOLATILE", "SYNCHRONIZED", "REENTRANT_LOCKED", "ATOMIC", "LONG_ADDER"),
                    "threads", List.of("1", "2"))),
    /**
     * The nightly job: the quick profile's rows (every strategy and workload at 8 tasks, every
     * spawn, the main locks, transports and thread-locals: 90 parameter sets), 3 to 30 forks
     * each, within the nightly's budget. A nightly measures its base build beside its own, a
     * fork of each per pair, so its rows get half the forks a side: the whole strategy matrix
     * (tasks 1, 2, 8 and 32: 198 sets) leaves each row too few pairs to catch a 10% change. The
     * other batch sizes are {@code bench}'s to measure ({@code --param tasks=1,2,8,32}).
     */
    NIGHTLY(forks(3, 30, 80), warmup(2, 100), measurement(6, 100), Duration.ofMinutes(25), QUICK.params);

    /**
     * The primary rows: the strategy x workload matrix at 8 tasks, the threads-versus-processes-versus-pools
     * question the suite exists to answer. A nightly funds them first and gives them most of its
     * false-alarm rate ({@link racebench.stats.AlarmBudget}).
     *
     * @param benchmark the benchmark's simple name, as the CSVs spell it ({@link BenchCase#simpleName})
     * @param params    its parameters as the CSVs spell them, {@code {strategy=VIRTUAL, tasks=8, workload=CPU}}
     */
    public static boolean primary(String benchmark, String params) {
        return benchmark.equals(PRIMARY_BENCHMARK) && PRIMARY_TASKS.matcher(params).find();
    }

    private static final String PRIMARY_BENCHMARK = "StrategyBenchmark.batch";
    private static final java.util.regex.Pattern PRIMARY_TASKS = java.util.regex.Pattern.compile("[{ ]tasks=8[,}]");

    /** The relative 95% CI half-width at which a row stops getting forks. */
    public static final double TARGET_HALF_WIDTH = 0.02;

    /** Forks a row gets: at least {@code min}, at most {@code max}, {@code toSee} for a row too blind for a verdict. */
    private record Forks(int min, int max, int toSee) {
    }

    /** JMH iterations of a fork: how many, and how long each. */
    private record Iterations(int count, int millis) {
    }

    private static Forks forks(int min, int max, int toSee) {
        return new Forks(min, max, toSee);
    }

    private static Iterations warmup(int count, int millis) {
        return new Iterations(count, millis);
    }

    private static Iterations measurement(int count, int millis) {
        return new Iterations(count, millis);
    }

    private final int minForks;
    private final int maxForks;
    private final int maxForksToSee;
    private final int warmupIterations;
    private final int warmupMillis;
    private final int measurementIterations;
    private final int measurementMillis;
    private final Duration budget;
    private final Map<String, List<String>> params;

    Profile(Forks forks, Iterations warmup, Iterations measurement, Duration budget, Map<String, List<String>> params) {
        this.minForks = forks.min();
        this.maxForks = forks.max();
        this.maxForksToSee = forks.toSee();
        this.warmupIterations = warmup.count();
        this.warmupMillis = warmup.millis();
        this.measurementIterations = measurement.count();
        this.measurementMillis = measurement.millis();
        this.budget = budget;
        this.params = params;
    }

    public int minForks() {
        return minForks;
    }

    public int maxForks() {
        return maxForks;
    }

    /**
     * The most forks a row still too blind for a verdict may get ({@link
     * AdaptiveMeasurement.Stopping#maxForksToSee}): the nightly's 80 (40 pairs), because the IPC
     * round trips and some spawns need far more pairs than {@link #maxForks} to see a 50% change at
     * their spread. A sample size, not how a fork measures, so it is not in {@link #measurement()}.
     */
    public int maxForksToSee() {
        return maxForksToSee;
    }

    public int warmupIterations() {
        return warmupIterations;
    }

    public int warmupMillis() {
        return warmupMillis;
    }

    public int measurementIterations() {
        return measurementIterations;
    }

    public int measurementMillis() {
        return measurementMillis;
    }

    /** The default time budget of a bench run of this profile. */
    public Duration budget() {
        return budget;
    }

    public double targetHalfWidth() {
        return TARGET_HALF_WIDTH;
    }

    /** How a fork measures, as environment.csv records it: runs of other settings are not comparable. */
    public String measurement() {
        return String.format(java.util.Locale.ROOT, "%d-%d forks; warm-up %d x %d ms; measurement %d x %d ms; target %.3f",
                minForks, maxForks, warmupIterations, warmupMillis, measurementIterations, measurementMillis,
                targetHalfWidth());
    }

    /** JMH @Param overrides: parameter name to the values to run; absent names run every value. */
    public Map<String, List<String>> params() {
        return params;
    }
}
