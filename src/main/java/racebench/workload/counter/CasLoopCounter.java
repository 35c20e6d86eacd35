package racebench.workload.counter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Hand-written compare-and-set loop through a VarHandle: retry until no one else wrote in between. */
public final class CasLoopCounter implements SharedCounter {
    private static final VarHandle NUM;

    static {
        try {
            NUM = MethodHandles.lookup().findVarHandle(CasLoopCounter.class, "num", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through NUM
    private volatile int num;

    @Override
    public void run(int n) {
        add(n);
        add(-n);
    }

    private void add(int delta) {
        int seen;
        do {
            seen = (int) NUM.getVolatile(this);
        } while (!NUM.compareAndSet(this, seen, seen + delta));
    }

    @Override
    public int value() {
        return (int) NUM.getVolatile(this);
    }
}
