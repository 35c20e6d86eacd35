package racebench.workload.counter;

/**
 * The tutorials' program as written: a plain field, no lock. Two threads' read-modify-writes
 * interleave and one overwrites the other's store, so an update is lost.
 */
public final class PlainCounter implements SharedCounter {
    private int num;

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
