package racebench.workload.counter;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Broken fix: the lock covers {@code num += n} only. The unguarded {@code num -= n} can load
 * before and store after the other thread's guarded update, wiping it out.
 */
public final class HalfLockedCounter implements SharedCounter {
    private final ReentrantLock lock = new ReentrantLock();
    private int num;

    @Override
    public void run(int n) {
        lock.lock();
        try {
            num += n;
        } finally {
            lock.unlock();
        }
        num -= n;
    }

    @Override
    public int value() {
        lock.lock();
        try {
            return num;
        } finally {
            lock.unlock();
        }
    }
}
