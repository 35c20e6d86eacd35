package racebench.workload.counter;

import java.util.concurrent.atomic.AtomicInteger;

/** Lock-free fix: each update is one atomic read-modify-write, so none can be lost. */
public final class AtomicCounter implements SharedCounter {
    private final AtomicInteger num = new AtomicInteger();

    @Override
    public void run(int n) {
        num.addAndGet(n);
        num.addAndGet(-n);
    }

    @Override
    public int value() {
        return num.get();
    }
}
