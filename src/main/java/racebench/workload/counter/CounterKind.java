package racebench.workload.counter;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Every counter racebench ships, with what the race-proof suite expects of it. The constant's
 * {@link #variant()} is the simple name of its nested test class in {@code LostUpdate}, so
 * the stress suite, the CLI and the CSV share one vocabulary.
 */
public enum CounterKind {
    RACY(Expectation.RACY, PlainCounter::new),
    RACY_VOLATILE(Expectation.RACY, VolatileCounter::new),
    SYNCHRONIZED(Expectation.SAFE, SynchronizedCounter::new),
    REENTRANT_LOCKED(Expectation.SAFE, ReentrantLockCounter::new),
    ATOMIC(Expectation.SAFE, AtomicCounter::new),
    LONG_ADDER(Expectation.SAFE, LongAdderCounter::new),
    CAS_LOOP(Expectation.SAFE, CasLoopCounter::new),
    STAMPED_LOCKED(Expectation.SAFE, StampedLockCounter::new),
    SEMAPHORE(Expectation.SAFE, SemaphoreCounter::new),
    LOCK_PER_CALL(Expectation.RACY, LockPerCallCounter::new),
    HALF_LOCKED(Expectation.RACY, HalfLockedCounter::new),
    READ_OUTSIDE_LOCK(Expectation.RACY, ReadOutsideLockCounter::new);

    /** What a variant is expected to show under stress. */
    public enum Expectation {
        /** the lost update must be reproduced */
        RACY,
        /** no lost update may ever be observed */
        SAFE
    }

    private final Expectation expect;
    private final Supplier<SharedCounter> factory;

    CounterKind(Expectation expect, Supplier<SharedCounter> factory) {
        this.expect = expect;
        this.factory = factory;
    }

    public Expectation expect() {
        return expect;
    }

    public SharedCounter create() {
        return factory.get();
    }

    /** UpperCamelCase name, e.g. {@code ReentrantLocked}: the nested test class's simple name. */
    public String variant() {
        StringBuilder sb = new StringBuilder();
        for (String part : name().split("_")) {
            sb.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }
}
