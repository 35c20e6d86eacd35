package racebench.demo;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeoutException;
import racebench.process.WorkerDiedException;
import racebench.process.WorkerLauncher;
import racebench.process.WorkerProcess;
import racebench.workload.TaskSpec;

/**
 * The tutorials' {@code multiprocessing.Pool} with its own verbs, on racebench's worker JVMs
 * ({@link WorkerProcess}, fed over pipes): {@link #applyAsync} queues a task and returns at
 * once; each worker takes the next task when it is free; {@link #close} takes no more
 * tasks; {@link #join} waits for them and for the workers to exit; {@link #terminate} kills
 * and reaps the workers (call it in a finally). A result names the worker that ran it, by pid.
 */
final class ProcessPool {
    record Ran(int task, long pid, long checksum) {
    }

    private record Job(TaskSpec spec, CompletableFuture<Ran> result) {
    }

    private static final Job NO_MORE = new Job(null, null);
    private static final Duration EXIT_GRACE = Duration.ofSeconds(5);

    private final List<WorkerProcess> workers = new ArrayList<>();
    private final List<Long> pids = new ArrayList<>();
    private final List<Thread> feeders = new ArrayList<>();
    private final BlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    private ProcessPool() {
    }

    /** Starts {@code size} single-threaded worker JVMs and waits until each has said it is ready. */
    static ProcessPool start(int size) throws IOException, InterruptedException {
        ProcessPool pool = new ProcessPool();
        try {
            for (int i = 0; i < size; i++) {
                pool.workers.add(WorkerProcess.start(WorkerLauncher.defaults(), 1));
            }
            for (WorkerProcess w : pool.workers) {
                pool.pids.add(w.awaitReady(WorkerProcess.DEFAULT_START_TIMEOUT));
            }
        } catch (WorkerDiedException | TimeoutException | IOException e) {
            pool.terminate();
            throw new IOException("a pool worker JVM did not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            pool.terminate();
            throw e;
        }
        for (WorkerProcess w : pool.workers) {
            pool.feeders.add(Thread.ofPlatform().daemon().name("pool-feeder-" + w.pid()).start(() -> pool.feed(w)));
        }
        return pool;
    }

    List<Long> pids() {
        return List.copyOf(pids);
    }

    CompletableFuture<Ran> applyAsync(TaskSpec spec) {
        if (closed) {
            throw new IllegalStateException("pool is closed");
        }
        Job job = new Job(spec, new CompletableFuture<>());
        jobs.add(job);
        return job.result();
    }

    /** No more tasks: each worker ends once the queue is empty. */
    void close() {
        closed = true;
        for (int i = 0; i < feeders.size(); i++) {
            jobs.add(NO_MORE);
        }
    }

    /** Waits for every task and then for every worker to exit (after close()). */
    void join() throws InterruptedException {
        for (Thread f : feeders) {
            f.join();
        }
        for (WorkerProcess w : workers) {
            w.closeAndWait(EXIT_GRACE);
        }
    }

    /** Kills and reaps every worker; safe after join(). */
    void terminate() {
        workers.forEach(WorkerProcess::kill);
        feeders.forEach(Thread::interrupt);
    }

    private void feed(WorkerProcess worker) {
        try {
            for (Job job; (job = jobs.take()) != NO_MORE; ) {
                try {
                    var response = worker.submit(job.spec().index(), job.spec()).get();
                    if (response.ok()) {
                        job.result().complete(new Ran(job.spec().index(), worker.pid(), response.checksum()));
                    } else {
                        job.result().completeExceptionally(new IOException("task " + job.spec().index()
                                + " failed in worker " + worker.pid() + ": " + response.error()));
                    }
                } catch (ExecutionException e) {
                    job.result().completeExceptionally(e.getCause());
                    return; // the worker died; the others take the remaining tasks
                }
            }
        } catch (InterruptedException e) {
            // terminated
        }
    }
}
