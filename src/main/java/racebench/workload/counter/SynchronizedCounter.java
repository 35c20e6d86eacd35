package racebench.workload.counter;

/** The intrinsic-lock fix: both updates happen inside one monitor. */
public final class SynchronizedCounter implements SharedCounter {
    private volatile int num; // volatile so that this minus the lock is RacyVolatile: see CounterKind

    @Override
    public synchronized void run(int n) {
        num += n;
        num -= n;
    }

    @Override
    public synchronized int value() {
        return num;
    }
}
