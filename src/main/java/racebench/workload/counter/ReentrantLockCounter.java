package racebench.workload.counter;

import java.util.concurrent.locks.ReentrantLock;

/** The tutorials' fix, word for word: {@code lock.acquire()}, {@code try}, {@code finally: lock.release()}. */
public final class ReentrantLockCounter implements SharedCounter {
    private final ReentrantLock lock = new ReentrantLock();
    private volatile int num; // volatile so that this minus the lock is RacyVolatile: see CounterKind

    @Override
    public void run(int n) {
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
        lock.lock();
        try {
            return num;
        } finally {
            lock.unlock();
        }
    }
}
