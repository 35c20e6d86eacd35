package racebench.strategy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run's shared state: a result slot per task, the first failure (later ones are
 * suppressed into it), a stop flag checked before each task starts, and the threads
 * running tasks now, so a cancelled run can interrupt exactly them. Results are published
 * by whatever the strategy joins on (Thread.join, a latch, a future).
 */
final class Batch {
    private final long[] results;
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicReference<StrategyException> failure = new AtomicReference<>();
    private final Set<Thread> running = new HashSet<>();
    private volatile boolean stopped;

    Batch(int size) {
        this.results = new long[size];
    }

    int size() {
        return results.length;
    }

    boolean stopped() {
        return stopped;
    }

    void complete(int index, long checksum) {
        results[index] = checksum;
        completed.incrementAndGet();
    }

    void fail(StrategyException e) {
        stopped = true;
        if (!failure.compareAndSet(null, e)) {
            failure.get().addSuppressed(e);
        }
    }

    /** Registers the calling thread as running a task; false if the batch has stopped. */
    synchronized boolean enter() {
        if (stopped) {
            return false;
        }
        running.add(Thread.currentThread());
        return true;
    }

    /** Deregisters; clears an interrupt a cancel may have sent, so it cannot hit the thread's next task. */
    void exit() {
        synchronized (this) {
            running.remove(Thread.currentThread());
        }
        Thread.interrupted();
    }

    /** Stops the batch and interrupts every task running now (the caller was interrupted). */
    synchronized void cancel() {
        stopped = true;
        running.forEach(Thread::interrupt);
    }

    List<Long> resultsOrThrow() throws StrategyException {
        StrategyException e = failure.get();
        if (e != null) {
            throw e;
        }
        if (completed.get() != results.length) {
            throw new IllegalStateException(completed.get() + " of " + results.length + " tasks completed");
        }
        List<Long> list = new ArrayList<>(results.length);
        for (long r : results) {
            list.add(r);
        }
        return List.copyOf(list);
    }
}
