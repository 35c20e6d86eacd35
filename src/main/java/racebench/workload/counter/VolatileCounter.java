package racebench.workload.counter;

/**
 * Looks fixed, is not: {@code volatile} makes each load and store visible, but
 * {@code num += n} is still a load and a separate store, and the other thread's store can
 * land between them. Unlike the plain field, the JIT cannot fold it away, so the race shows
 * in every compilation mode.
 */
public final class VolatileCounter implements SharedCounter {
    private volatile int num;

    @Override
    public void run(int n) {
        num += n;
        num -= n;
    }

    @Override
    public int value() {
        return num;
    }
}
