package racebench.workload.counter;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Broken fix: a new lock each call. Every thread locks its own lock, so nothing is excluded.
 *
 * <p>The field is {@code volatile} on purpose. On a plain field C2 folds {@code num += n;
 * num -= n} into nothing (escape analysis removes the private lock too), hiding the broken
 * lock; with a volatile field every load and store is real, and the stress test exposes the
 * lock's failure to exclude.
 */
public final class LockPerCallCounter implements SharedCounter {
    private volatile int num;

    @Override
    public void run(int n) {
        ReentrantLock lock = new ReentrantLock();
        lock.lock();
        try {
            num += n;
            num -= n;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int value() {
        return num;
    }
}
