package racebench.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import racebench.strategy.ExecutionStrategy;
import racebench.strategy.StrategyException;
import racebench.strategy.StrategyKind;
import racebench.workload.TaskSpec;
import racebench.workload.Tasks;
import racebench.workload.Workload;

/**
 * The tutorials' claim about the GIL: under one global interpreter lock, CPU-bound threads use
 * one core between them, while processes each have their own. One CPU task per pool worker
 * (cores by default), each sized to half a unit on this machine, runs one after another,
 * on threads that hold one global lock while computing ({@link StrategyKind#GIL}, CPython's
 * switch interval included), on free threads and on worker processes. Each way is timed
 * best of {@link #RUNS} after a warm-up run, so the JIT, and the workers' JITs, are warm
 * and a disturbance from elsewhere on the machine costs one run, not the figure.
 */
final class GilDemo implements Demo {
    static final int RUNS = 3;
    static final double TASK_UNITS = 0.5;
    private static final Duration TASK_TIMEOUT = Duration.ofMinutes(5);

    @Override
    public void run(DemoOptions o, PrintWriter out) throws IOException, InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        int n = o.workers();
        int steps = stepsFor(o.nanos(TASK_UNITS));
        List<TaskSpec> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(new TaskSpec(i, Workload.CPU, 0, steps));
        }
        out.printf(Locale.ROOT, "%d CPU-bound tasks of %.1f units each (%,d xorshift steps), %d cores, pid %d; "
                + "best of %d runs after a warm-up:%n", n, TASK_UNITS, steps, cores, ProcessHandle.current().pid(), RUNS);
        out.flush();
        List<Long> expected = new ArrayList<>();
        double sequential = best(StrategyKind.SEQUENTIAL, tasks, expected, o);
        line(out, "sequential, one thread", sequential, sequential);
        double gil = best(StrategyKind.GIL, tasks, expected, o);
        line(out, "threads sharing one global lock (GIL)", gil, sequential);
        double free = best(StrategyKind.THREAD_PER_TASK, tasks, expected, o);
        line(out, "free threads", free, sequential);

        TreeSet<Long> taskPids = new TreeSet<>();
        double processes = Double.MAX_VALUE;
        ProcessPool pool = ProcessPool.start(n);
        try {
            out.println("worker process pids: " + pool.pids());
            for (int run = 0; run <= RUNS; run++) { // run 0 warms the workers' JITs
                long start = System.nanoTime();
                List<CompletableFuture<ProcessPool.Ran>> results = new ArrayList<>();
                tasks.forEach(t -> results.add(pool.applyAsync(t)));
                for (CompletableFuture<ProcessPool.Ran> r : results) {
                    ProcessPool.Ran ran = r.get();
                    check(expected.get(ran.task()) == ran.checksum(), "process");
                    if (run > 0) {
                        taskPids.add(ran.pid());
                    }
                }
                if (run > 0) {
                    processes = Math.min(processes, o.units(System.nanoTime() - start));
                }
            }
            pool.close();
            pool.join();
        } catch (ExecutionException e) {
            throw new IOException("a CPU task failed in a worker process: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.terminate();
        }
        line(out, "processes", processes, sequential);
        out.printf(Locale.ROOT, "showed: on %d cores, %d CPU tasks took %.2f units one after another, %.2f on threads "
                        + "under one global lock (%.2fx), %.2f on free threads (%.2fx) and %.2f in %d processes with "
                        + "pids %s (%.2fx)%n",
                cores, n, sequential, gil, sequential / gil, free, sequential / free,
                processes, taskPids.size(), pool.pids(), sequential / processes);
    }

    /** Best elapsed units of RUNS timed runs after one warm-up; the first call records the checksums. */
    private static double best(StrategyKind kind, List<TaskSpec> tasks, List<Long> expected, DemoOptions o)
            throws IOException, InterruptedException {
        double best = Double.MAX_VALUE;
        try (ExecutionStrategy strategy = kind.create()) {
            for (int run = 0; run <= RUNS; run++) {
                long start = System.nanoTime();
                List<Long> sums = strategy.run(tasks, TASK_TIMEOUT);
                long elapsed = System.nanoTime() - start;
                if (expected.isEmpty()) {
                    expected.addAll(sums);
                }
                check(sums.equals(expected), kind.name());
                if (run > 0) {
                    best = Math.min(best, o.units(elapsed));
                }
            }
        } catch (StrategyException e) {
            throw new IOException(kind + " failed: " + e.getMessage(), e);
        }
        return best;
    }

    /** How many xorshift steps take about {@code nanos} here, measured on a warmed-up task. */
    static int stepsFor(long nanos) throws InterruptedException {
        TaskSpec probe = new TaskSpec(0, Workload.CPU, 0, Tasks.SLICE * 16);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            Tasks.execute(probe);
            best = Math.min(best, System.nanoTime() - start);
        }
        double steps = (double) probe.cpuSize() * nanos / Math.max(1, best);
        return (int) Math.max(Tasks.SLICE, Math.min(Integer.MAX_VALUE, steps));
    }

    private static void check(boolean same, String way) {
        if (!same) {
            throw new IllegalStateException(way + " computed different checksums from the sequential run");
        }
    }

    private static void line(PrintWriter out, String way, double units, double sequential) {
        out.printf(Locale.ROOT, "%-40s %.2f units, speedup %.2fx%n", way + ":", units, sequential / units);
        out.flush();
    }
}
