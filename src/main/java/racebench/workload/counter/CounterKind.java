package racebench.workload.counter;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The registry of counters racebench ships: for each, what the race-proof suite expects of it
 * and, for a fix, its twin. A constant's {@link #variant()} is the simple name of its nested
 * test class in {@code LostUpdate}, whose counter comes from {@link #create()}; a unit test
 * holds the two lists one for one, so the stress suite, the CLI and the CSV share one
 * vocabulary.
 *
 * <p>A fix's twin is the same counter with the fix taken out. A fix's "no lost update" is
 * only evidence when the same harness saw its twin lose updates in the same configurations,
 * so every fix keeps its count on a {@code volatile} field: its twin is then
 * {@link #RACY_VOLATILE}, which races in every jcstress configuration, whereas the tutorials'
 * plain field ({@link #RACY}) races only where both actors run C1 code, because C2 folds
 * {@code num += n; num -= n} into nothing.
 */
public enum CounterKind {
    RACY(Expectation.MAY_RACE, null, PlainCounter::new),
    RACY_VOLATILE(Expectation.RACY, null, VolatileCounter::new),
    SYNCHRONIZED(Expectation.SAFE, RACY_VOLATILE, SynchronizedCounter::new),
    REENTRANT_LOCKED(Expectation.SAFE, RACY_VOLATILE, ReentrantLockCounter::new),
    CALLER_LOCKED(Expectation.SAFE, RACY_VOLATILE, () -> new CallerLockedCounter(new VolatileCounter())),
    ATOMIC(Expectation.SAFE, RACY_VOLATILE, AtomicCounter::new),
    LONG_ADDER(Expectation.SAFE, RACY_VOLATILE, LongAdderCounter::new),
    CAS_LOOP(Expectation.SAFE, RACY_VOLATILE, CasLoopCounter::new),
    STAMPED_LOCKED(Expectation.SAFE, RACY_VOLATILE, StampedLockCounter::new),
    SEMAPHORE(Expectation.SAFE, RACY_VOLATILE, SemaphoreCounter::new),
    LOCK_PER_CALL(Expectation.RACY, null, LockPerCallCounter::new),
    HALF_LOCKED(Expectation.RACY, null, HalfLockedCounter::new),
    READ_OUTSIDE_LOCK(Expectation.RACY, null, ReadOutsideLockCounter::new);

    /** The twin a user's own counter is measured against: the loudest race of the tutorials' shape. */
    public static final CounterKind REFERENCE_TWIN = RACY_VOLATILE;

    /** What a variant is expected to show under stress. */
    public enum Expectation {
        /** the lost update must be reproduced */
        RACY,
        /**
         * the tutorials' plain field: it races where both actors run C1 code and C2 folds
         * {@code num += n; num -= n} away, so a run may see no lost update at all; reported,
         * never a failure, and no proof rests on it
         */
        MAY_RACE,
        /** no lost update may ever be observed */
        SAFE;

        /** Whether a lost update is an allowed outcome (the stress tests grade it interesting, not forbidden). */
        public boolean allowsRace() {
            return this != SAFE;
        }
    }

    private final Expectation expect;
    private final CounterKind twin;
    private final Supplier<SharedCounter> factory;

    CounterKind(Expectation expect, CounterKind twin, Supplier<SharedCounter> factory) {
        this.expect = expect;
        this.twin = twin;
        this.factory = factory;
    }

    public Expectation expect() {
        return expect;
    }

    /** The same counter without the fix, or null for a variant expected to race. */
    public CounterKind twin() {
        return twin;
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

    /** The kind whose test class has this simple name; an unknown name is an error, not a guess. */
    public static CounterKind ofVariant(String variant) {
        return Arrays.stream(values()).filter(k -> k.variant().equals(variant)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no counter variant named '" + variant + "'; known: "
                        + String.join(", ", Arrays.stream(values()).map(CounterKind::variant).toList())));
    }
}
