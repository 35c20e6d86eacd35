package racebench.workload.counter;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The tutorials' fix in the tutorials' shape: the caller, not the counter, takes the lock around the
 * call to {@code run(n)} ({@code lock.acquire(); try: change_it(n) finally: lock.release()}).
 * The counter inside knows nothing of it, which is why every caller must share this one lock.
 */
public final class CallerLockedCounter implements SharedCounter {
    private final ReentrantLock lock = new ReentrantLock();
    private final SharedCounter unguarded;

    public CallerLockedCounter(SharedCounter unguarded) {
        this.unguarded = unguarded;
    }

    @Override
    public void run(int n) {
        lock.lock();
        try {
            unguarded.run(n);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int value() {
        lock.lock();
        try {
            return unguarded.value();
        } finally {
            lock.unlock();
        }
    }
}
