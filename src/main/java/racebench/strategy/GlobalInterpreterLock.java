package racebench.strategy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import racebench.workload.CpuGate;

/**
 * CPython's GIL as a CpuGate: one fair lock held while computing, released while
 * sleeping. At a checkpoint the holder hands over only when it has held the lock for a
 * switch interval (CPython's default 5 ms) and someone is waiting, as CPython 3.2+ does.
 * Counters taken inside the lock let a test check, without timing, that at most one
 * thread ever computes at once.
 */
final class GlobalInterpreterLock implements CpuGate {
    static final long SWITCH_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final ReentrantLock lock = new ReentrantLock(true);
    private final AtomicInteger computing = new AtomicInteger();
    private final AtomicInteger maxComputing = new AtomicInteger();
    private final AtomicLong acquisitions = new AtomicLong();
    private long heldSince; // guarded by lock

    @Override
    public void enter() throws InterruptedException {
        lock.lockInterruptibly();
        acquired();
    }

    @Override
    public void checkpoint() throws InterruptedException {
        if (System.nanoTime() - heldSince >= SWITCH_INTERVAL_NANOS && lock.hasQueuedThreads()) {
            released();
            lock.unlock();
            lock.lockInterruptibly(); // fair: the longest waiter goes first
            acquired();
        }
    }

    @Override
    public void exit() {
        if (lock.isHeldByCurrentThread()) { // not after an interrupt while waiting at a checkpoint
            released();
            lock.unlock();
        }
    }

    private void acquired() {
        int now = computing.incrementAndGet();
        maxComputing.accumulateAndGet(now, Math::max);
        acquisitions.incrementAndGet();
        heldSince = System.nanoTime();
    }

    private void released() {
        computing.decrementAndGet();
    }

    /** The most threads ever inside the lock at once: 1 unless the GIL is broken. */
    int maxComputing() {
        return maxComputing.get();
    }

    /** How many times any thread took the lock: 0 for a batch of pure downloads. */
    long acquisitions() {
        return acquisitions.get();
    }
}
