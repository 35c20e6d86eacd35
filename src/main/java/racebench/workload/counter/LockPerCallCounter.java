package racebench.workload.counter;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Broken fix: a new lock each call. Every thread locks its own lock, so nothing is excluded.
 *
 * <p>The field is {@code volatile} on purpose. On a plain field C2 folds {@code num += n;
 * num -= n} into nothing (escape analysis removes the private lock too), and jcstress saw
 * no lost update in 477 million samples: the JIT would hide this broken lock, not fix it.
 * With a volatile field every load and store is real, so what the stress test exposes is the
 * lock's failure to exclude, which is the lesson.
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
