package racebench.workload.counter;

import java.util.concurrent.locks.StampedLock;

/** Fix with a StampedLock's write lock; reads use an optimistic stamp and fall back to the read lock. */
public final class StampedLockCounter implements SharedCounter {
    private final StampedLock lock = new StampedLock();
    private volatile int num; // volatile so that this minus the lock is RacyVolatile: see CounterKind

    @Override
    public void run(int n) {
        long stamp = lock.writeLock();
        try {
            num += n;
            num -= n;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    @Override
    public int value() {
        long stamp = lock.tryOptimisticRead();
        int seen = num;
        if (lock.validate(stamp)) {
            return seen;
        }
        stamp = lock.readLock();
        try {
            return num;
        } finally {
            lock.unlockRead(stamp);
        }
    }
}
