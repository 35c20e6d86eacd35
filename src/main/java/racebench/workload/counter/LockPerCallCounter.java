package racebench.workload.counter;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Broken fix: a new lock each call. Every thread locks its own lock, so nothing is excluded;
 * the JIT may even remove the lock, as it cannot escape.
 */
public final class LockPerCallCounter implements SharedCounter {
    private int num;

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
