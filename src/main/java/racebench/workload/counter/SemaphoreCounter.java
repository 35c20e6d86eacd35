package racebench.workload.counter;

import java.util.concurrent.Semaphore;

/** Fix with a binary semaphore: one permit, so one thread in the critical section at a time. */
public final class SemaphoreCounter implements SharedCounter {
    private final Semaphore permit = new Semaphore(1);
    private volatile int num; // volatile so that this minus the lock is RacyVolatile: see CounterKind

    @Override
    public void run(int n) {
        permit.acquireUninterruptibly();
        try {
            num += n;
            num -= n;
        } finally {
            permit.release();
        }
    }

    @Override
    public int value() {
        permit.acquireUninterruptibly();
        try {
            return num;
        } finally {
            permit.release();
        }
    }
}
