package racebench.bench;

import java.util.List;
import java.util.Map;

/**
 * How much measuring a bench run does. Each profile fixes JMH's forks, warm-up and
 * measurement, and which parameter values run; the benchmarks' own annotations match
 * NIGHTLY, so running a benchmark class by hand gives nightly-quality numbers.
 *
 * <p>Forks are the replication unit (DESIGN.md): every profile runs at least two, so
 * every row gets a confidence interval.
 */
public enum Profile {
    /** A minute or two: does everything still run? Not for conclusions. */
    SMOKE(2, 1, 100, 3, 100,
            Map.of("tasks", List.of("8"),
                    "workload", List.of("CPU", "DOWNLOAD"),
                    "strategy", List.of("SEQUENTIAL", "THREAD_PER_TASK", "VIRTUAL", "FIXED_POOL", "PROCESS_POOL", "GIL"),
                    "kind", List.of("PLATFORM_THREAD", "VIRTUAL_THREAD", "POOL_SUBMIT", "PROCESS_POOL_TASK"))),
    /** A few minutes: every strategy and workload at 8 tasks, three forks. */
    QUICK(3, 2, 200, 4, 200,
            Map.of("tasks", List.of("8"))),
    /**
     * The nightly job: the whole matrix (151 parameter sets) in four forks each, with short
     * iterations so that it fits in 20 minutes on 2 cores; a JVM start per fork is most of it.
     */
    NIGHTLY(4, 2, 150, 4, 150, Map.of());

    private final int forks;
    private final int warmupIterations;
    private final int warmupMillis;
    private final int measurementIterations;
    private final int measurementMillis;
    private final Map<String, List<String>> params;

    Profile(int forks, int warmupIterations, int warmupMillis, int measurementIterations, int measurementMillis,
            Map<String, List<String>> params) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupMillis = warmupMillis;
        this.measurementIterations = measurementIterations;
        this.measurementMillis = measurementMillis;
        this.params = params;
    }

    public int forks() {
        return forks;
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

    /** JMH @Param overrides: parameter name to the values to run; absent names run every value. */
    public Map<String, List<String>> params() {
        return params;
    }
}
