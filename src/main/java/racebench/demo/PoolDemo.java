package racebench.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import racebench.workload.TaskSpec;
import racebench.workload.Workload;

/**
 * The tutorials' {@code pool = Pool(4); for i in range(4): pool.apply_async(task1); pool.close();
 * pool.join()}, where task1 prints the pid it runs in: four tasks of one unit each (a sleep,
 * so the pool's workers visibly take turns) submitted without waiting, on a pool of worker
 * processes and then on a thread pool, both as large as the number of cores by default.
 */
final class PoolDemo implements Demo {
    static final int TASKS = 4;

    @Override
    public void run(DemoOptions o, PrintWriter out) throws IOException, InterruptedException {
        long parent = ProcessHandle.current().pid();
        int size = o.workers();
        out.printf("Main process, pid %d; a pool of %d worker processes (%d cores here). Java has no fork(): "
                + "the workers are new JVMs, spawned, where the tutorials' Pool forks them on Linux.%n",
                parent, size, Runtime.getRuntime().availableProcessors());
        out.flush();
        List<TaskSpec> tasks = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            tasks.add(new TaskSpec(i, Workload.DOWNLOAD, o.nanos(1), 0));
        }
        TreeMap<Long, Integer> perWorker = new TreeMap<>();
        long start;
        double took;
        ProcessPool pool = ProcessPool.start(size);
        try {
            out.println("Worker pids: " + pool.pids());
            start = System.nanoTime();
            List<CompletableFuture<ProcessPool.Ran>> results = new ArrayList<>();
            for (TaskSpec t : tasks) {
                results.add(pool.applyAsync(t).whenComplete((ran, failure) -> {
                    if (ran != null) {
                        out.printf("task %d: ran in process pid %d%n", ran.task(), ran.pid());
                        out.flush();
                    }
                }));
                out.printf("task %d: submitted%n", t.index());
            }
            out.flush();
            pool.close();
            pool.join();
            took = o.units(System.nanoTime() - start);
            for (CompletableFuture<ProcessPool.Ran> r : results) {
                perWorker.merge(r.get().pid(), 1, Integer::sum);
            }
        } catch (ExecutionException e) {
            throw new IOException("a pool task failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.terminate();
        }
        out.printf(Locale.ROOT, "Pool closed and joined: %.2f units%n", took);

        out.printf("A pool of %d threads in this process:%n", size);
        out.flush();
        TreeSet<String> threadNames = new TreeSet<>();
        TreeSet<Long> threadPids = new TreeSet<>();
        long threadStart = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(size);
        try {
            for (TaskSpec t : tasks) {
                threads.submit(() -> {
                    String name = Thread.currentThread().getName();
                    long pid = ProcessHandle.current().pid();
                    synchronized (threadNames) {
                        threadNames.add(name);
                        threadPids.add(pid);
                    }
                    out.printf("task %d: running in thread %s, process pid %d%n", t.index(), name, pid);
                    out.flush();
                    TimeUnit.NANOSECONDS.sleep(t.sleepNanos());
                    return null;
                });
                out.printf("task %d: submitted%n", t.index());
            }
            out.flush();
        } finally {
            threads.shutdown(); // the tutorials' close()
        }
        if (!threads.awaitTermination(1, TimeUnit.MINUTES)) { // its join()
            threads.shutdownNow();
            throw new IOException("the thread pool's tasks did not end within a minute");
        }
        double threadTook = o.units(System.nanoTime() - threadStart);
        out.printf(Locale.ROOT, "Pool shut down and joined: %.2f units%n", threadTook);
        out.printf(Locale.ROOT, "showed: %d tasks of 1 unit on a pool of %d processes ran in %d different processes "
                        + "(tasks per pid %s) in %.2f units; on a pool of %d threads in %d threads of %d process "
                        + "(pid %s) in %.2f units%n",
                TASKS, size, perWorker.size(), perWorker, took, size, threadNames.size(), threadPids.size(),
                threadPids.size() == 1 ? threadPids.first() : threadPids, threadTook);
    }
}
