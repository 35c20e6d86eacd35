package racebench.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import racebench.workload.TaskSpec;
import racebench.workload.Workload;

/**
 * The parent's handle on one worker JVM: requests go to its stdin; a reader thread turns
 * response frames on its stdout into completed futures, keyed by task index; a drainer
 * keeps the tail of its stderr. When the worker ends, every future still pending fails
 * with a {@link WorkerDiedException} carrying the exit code and stderr tail. The process
 * is started and reaped through {@link Children}.
 */
public final class WorkerProcess implements AutoCloseable {
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
    private static final long EXIT_GRACE_MILLIS = 2_000;

    private final Process process;
    private final DataOutputStream stdin;
    private final DataInputStream stdout;
    private final StderrTail stderr;
    private final Map<Integer, CompletableFuture<Frames.Response>> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<Long> ready = new CompletableFuture<>();
    private volatile WorkerDiedException death;
    private volatile boolean killedByParent;

    private WorkerProcess(Process process, String name) {
        this.process = process;
        this.stdin = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.stdout = new DataInputStream(new BufferedInputStream(process.getInputStream()));
        this.stderr = StderrTail.start(process.getErrorStream(), name + "-" + process.pid() + "-stderr");
    }

    public static WorkerProcess start(WorkerLauncher launcher, int threads) throws IOException {
        return start(new ProcessBuilder(launcher.command(threads)), "worker");
    }

    static WorkerProcess start(ProcessBuilder builder, String name) throws IOException {
        WorkerProcess worker = new WorkerProcess(Children.start(builder), name);
        Thread.ofPlatform().daemon().name(name + "-" + worker.pid() + "-stdout").start(worker::readLoop);
        return worker;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return death == null && process.isAlive();
    }

    public String stderrTail() {
        return stderr.tail();
    }

    /** Waits for the READY frame; returns the worker's pid. */
    public long awaitReady(Duration timeout) throws WorkerDiedException, TimeoutException, InterruptedException {
        try {
            return ready.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw (WorkerDiedException) e.getCause();
        }
    }

    /**
     * Sends one request. The future completes with the worker's response, or fails with
     * {@link WorkerDiedException} if the worker ends first. Never blocks on the worker.
     */
    public CompletableFuture<Frames.Response> submit(int index, TaskSpec spec) {
        CompletableFuture<Frames.Response> response = new CompletableFuture<>();
        if (pending.putIfAbsent(index, response) != null) {
            throw new IllegalStateException("task " + index + " is already in flight on worker " + pid());
        }
        try {
            synchronized (stdin) {
                Frames.writeRequest(stdin, index, spec);
                stdin.flush();
            }
        } catch (IOException e) {
            // the worker is gone; the reader reports how it ended
        }
        WorkerDiedException died = death;
        if (died != null) {
            response.completeExceptionally(died);
        }
        return response;
    }

    /** Start-up, one trivial task, done: what a spawn benchmark measures. Returns its checksum. */
    public long runTrivialTask(Duration timeout)
            throws WorkerDiedException, TimeoutException, InterruptedException {
        awaitReady(timeout);
        try {
            Frames.Response r = submit(0, new TaskSpec(0, Workload.CPU, 0, 1))
                    .get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (!r.ok()) {
                throw new IllegalStateException("trivial task failed in worker " + pid() + ": " + r.error());
            }
            return r.checksum();
        } catch (ExecutionException e) {
            throw (WorkerDiedException) e.getCause();
        }
    }

    /** Kills the worker now (after a timeout, or when the run is abandoned) and reaps it. */
    public void kill() {
        killedByParent = true;
        Children.reap(process, 0);
    }

    /** Ends input, as the tutorials' pool.close(), and waits for the worker to exit; kills it after the grace. */
    public int closeAndWait(Duration grace) throws InterruptedException {
        try {
            synchronized (stdin) {
                stdin.close();
            }
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        try {
            closeAndWait(Duration.ofMillis(EXIT_GRACE_MILLIS));
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
    }

    private void readLoop() {
        IOException failure = null;
        try {
            ready.complete(Frames.readReady(stdout));
            for (Frames.Response r; (r = Frames.readResponse(stdout)) != null; ) {
                CompletableFuture<Frames.Response> waiting = pending.remove(r.index());
                if (waiting == null) {
                    throw new IOException("worker answered task " + r.index() + ", which it was not sent");
                }
                waiting.complete(r);
            }
        } catch (IOException e) {
            failure = e;
            if (process.isAlive() && !killedByParent) {
                Children.reap(process, 0); // it broke the protocol: it cannot be trusted with more work
            }
        }
        int exit = awaitExit();
        try {
            stderr.awaitEnd(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        WorkerDiedException died = new WorkerDiedException(pid(), exit, stderr.tail(), killedByParent, failure);
        death = died;
        ready.completeExceptionally(died);
        pending.values().forEach(f -> f.completeExceptionally(died));
        pending.clear();
    }

    private int awaitExit() {
        try {
            if (!process.waitFor(EXIT_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                Children.reap(process, 0); // stdout closed but still running: do not leave it behind
            }
        } catch (InterruptedException e) {
            Children.reap(process, 0);
        }
        return process.exitValue();
    }
}
