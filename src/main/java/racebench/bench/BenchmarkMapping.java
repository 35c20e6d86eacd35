package racebench.bench;

import racebench.stats.Bootstrap;
import racebench.stats.RatioInterval;
import racebench.stats.Summary;
import racebench.strategy.StrategyKind;
import racebench.workload.Workload;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * How each JMH benchmark of racebench becomes bench.csv rows: what its {@code workload},
 * {@code strategy}, {@code tasks} and {@code workers} columns mean, and which row of the same
 * run its {@code speedup} is measured against (baseline / this, so below 1 means slower than
 * the baseline). The next benchmark is one class in jmh/ plus one constant here;
 * {@code BenchmarkMappingTest} fails for a benchmark in the jar without one.
 */
public enum BenchmarkMapping {
    /** CPU, DOWNLOAD or MIXED; the StrategyKind; tasks per batch; against SEQUENTIAL. */
    STRATEGY("StrategyBenchmark.batch") {
        @Override
        Key key(ForkSamples s) {
            StrategyKind kind = StrategyKind.valueOf(s.param("strategy"));
            int tasks = Integer.parseInt(s.param("tasks"));
            return new Key(Workload.valueOf(s.param("workload")).name(), kind.name(), tasks, kind.workers(tasks));
        }

        @Override
        Predicate<ForkSamples> baseline(ForkSamples s) {
            return same(s, "workload", "tasks").and(o -> o.param("strategy").equals(StrategyKind.SEQUENTIAL.name()));
        }
    },
    /** "task" (a user's, {@code bench --task}); the StrategyKind; tasks per batch; against SEQUENTIAL. */
    TASK("TaskBenchmark.batch") {
        @Override
        Key key(ForkSamples s) {
            StrategyKind kind = StrategyKind.valueOf(s.param("strategy"));
            int tasks = Integer.parseInt(s.param("tasks"));
            return new Key(Workload.TASK.name(), kind.name(), tasks, kind.workers(tasks));
        }

        @Override
        Predicate<ForkSamples> baseline(ForkSamples s) {
            return same(s, "tasks").and(o -> o.param("strategy").equals(StrategyKind.SEQUENTIAL.name()));
        }
    },
    /** "spawn"; the SpawnKind; one unit; no baseline (bench-ratios.csv has its ratios). */
    SPAWN("SpawnBenchmark.spawn") {
        @Override
        Key key(ForkSamples s) {
            return new Key("spawn", s.param("kind"), 1, 1);
        }
    },
    /** "ipc 8 B"; the Transport; one message; against ARRAY_BLOCKING_QUEUE with the same size. */
    IPC("IpcBenchmark.roundTrip") {
        @Override
        Key key(ForkSamples s) {
            return new Key("ipc " + s.param("bytes") + " B", s.param("transport"), 1, 2);
        }

        @Override
        Predicate<ForkSamples> baseline(ForkSamples s) {
            return same(s, "bytes").and(o -> o.param("transport").equals("ARRAY_BLOCKING_QUEUE"));
        }
    },
    /** "ipc one-way 8 B"; the Transport; time per message in bursts of 64; against ARRAY_BLOCKING_QUEUE. */
    IPC_ONE_WAY("IpcBenchmark.oneWay") {
        @Override
        Key key(ForkSamples s) {
            return new Key("ipc one-way " + s.param("bytes") + " B", s.param("transport"), 1, 2);
        }

        @Override
        Predicate<ForkSamples> baseline(ForkSamples s) {
            return IPC.baseline(s);
        }
    },
    /** "lock 2 platform threads"; the CounterKind; threads; against RACY_VOLATILE on the same team. */
    LOCK("LockBenchmark.criticalSection") {
        @Override
        Key key(ForkSamples s) {
            int threads = Integer.parseInt(s.param("threads"));
            return new Key("lock " + threads + " " + s.param("threadKind").toLowerCase(Locale.ROOT)
                    + " thread" + (threads == 1 ? "" : "s"), s.param("counter"), threads, threads);
        }

        @Override
        Predicate<ForkSamples> baseline(ForkSamples s) {
            return same(s, "threads", "threadKind").and(o -> o.param("counter").equals("RACY_VOLATILE"));
        }
    },
    /** "sleep in lock, 16 virtual threads"; SYNCHRONIZED or REENTRANT_LOCK; against REENTRANT_LOCK. */
    LOCK_SLEEP("LockBenchmark.sleepInCriticalSection") {
        @Override
        Key key(ForkSamples s) {
            return new Key("sleep in lock 16 virtual threads", s.param("lock"), 16, 16);
        }

        @Override
        Predicate<ForkSamples> baseline(ForkSamples s) {
            return o -> o.param("lock").equals("REENTRANT_LOCK");
        }
    },
    /** "machine"; CPU_LOOP; one loop; no baseline: the nightly's check that the machine is the baseline runs' machine. */
    MACHINE("MachineBenchmark.cpu") {
        @Override
        Key key(ForkSamples s) {
            return new Key("machine", "CPU_LOOP", 1, 1);
        }
    },
    /** "thread-local platform"; the Access; one thread; against PARAMETER on the same kind of thread. */
    THREAD_LOCAL("ThreadLocalBenchmark.read") {
        @Override
        Key key(ForkSamples s) {
            return new Key("thread-local " + s.param("threadKind").toLowerCase(Locale.ROOT),
                    s.param("access"), 1, 1);
        }

        @Override
        Predicate<ForkSamples> baseline(ForkSamples s) {
            return same(s, "threadKind").and(o -> o.param("access").equals("PARAMETER"));
        }
    };

    /** The identifying columns of a bench.csv row. */
    record Key(String workload, String strategy, int tasks, int workers) {
    }

    private final String benchmark;

    BenchmarkMapping(String benchmark) {
        this.benchmark = benchmark;
    }

    /** JMH's short name, {@code Class.method}. */
    public String benchmark() {
        return benchmark;
    }

    abstract Key key(ForkSamples s);

    /** Which other row of the run this one's speedup is against; none by default. */
    Predicate<ForkSamples> baseline(ForkSamples s) {
        return o -> false;
    }

    public static Optional<BenchmarkMapping> of(String benchmark) {
        return Arrays.stream(values()).filter(m -> m.benchmark.equals(benchmark)).findFirst();
    }

    /** The mapping of a row; a benchmark without one is a programming error that the mapping test catches. */
    static BenchmarkMapping require(String benchmark) {
        return of(benchmark).orElseThrow(() -> new IllegalStateException(
                "no bench.csv mapping for " + benchmark + ": add a constant to BenchmarkMapping"));
    }

    /** The row's speedup over its baseline: 1 for the baseline itself, null without one in the run. */
    RatioInterval speedup(ForkSamples s, List<ForkSamples> all) {
        Predicate<ForkSamples> isBaseline = baseline(s);
        if (isBaseline.test(s)) {
            // the baseline against itself is 1 by definition, not a resampling of two copies of one sample
            return new RatioInterval(1, 1, 1, Summary.DEFAULT_CONFIDENCE);
        }
        return all.stream().filter(o -> o.benchmark().equals(s.benchmark())).filter(isBaseline).findFirst()
                .map(base -> Bootstrap.DEFAULT.ratioOfTrimmedMeans(base.forkMeans(), s.forkMeans())).orElse(null);
    }

    private static Predicate<ForkSamples> same(ForkSamples s, String... params) {
        return o -> Arrays.stream(params).allMatch(p -> o.param(p).equals(s.param(p)));
    }
}
