package racebench.workload.counter;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Broken fix: each update reads {@code num} before taking the lock and writes inside it, so
 * the write can be based on a value another thread has since replaced: check-then-act.
 */
public final class ReadOutsideLockCounter implements SharedCounter {
    private final ReentrantLock lock = new ReentrantLock();
    private int num;

    @Override
    public void run(int n) {
        add(n);
        add(-n);
    }

    private void add(int delta) {
        int seen = num;
        lock.lock();
        try {
            num = seen + delta;
        } finally {
            lock.unlock();
        }
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
