package racebench.stress;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;
import racebench.workload.counter.AtomicCounter;
import racebench.workload.counter.CallerLockedCounter;
import racebench.workload.counter.CasLoopCounter;
import racebench.workload.counter.HalfLockedCounter;
import racebench.workload.counter.LockPerCallCounter;
import racebench.workload.counter.LongAdderCounter;
import racebench.workload.counter.PlainCounter;
import racebench.workload.counter.ReadOutsideLockCounter;
import racebench.workload.counter.ReentrantLockCounter;
import racebench.workload.counter.SemaphoreCounter;
import racebench.workload.counter.SharedCounter;
import racebench.workload.counter.StampedLockCounter;
import racebench.workload.counter.SynchronizedCounter;
import racebench.workload.counter.VolatileCounter;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/*
 * The tutorials' race: two threads run NUM += n; NUM -= n with n = 1 and n = 4, then the
 * arbiter reads NUM. Without mutual exclusion one thread's store can overwrite the other's
 * update, and NUM ends non-zero. Every final value that some interleaving of the four
 * loads and four stores can produce is declared below; racebench's OutcomeModel derives the
 * same set, and a unit test keeps the two in step.
 *
 * How to run just this hazard:
 *     ./racebench race --tests 'LostUpdate\.(Racy|Synchronized)$'
 *
 * The lesson: "volatile" is not a fix, a lock only helps if every thread takes the same one
 * around the whole read-modify-write, and the JIT can hide a race (C2 folds the plain
 * field's += n; -= n into nothing) without fixing it. What a run of them shows, and its
 * figures: docs/explanation/race-proofs.md.
 */
public class LostUpdate {

    private LostUpdate() {
    }

    /** Outcomes of a counter that is expected to race: the lost updates are the point. */
    @Outcome(id = "0", expect = ACCEPTABLE, desc = "No update was lost, or each actor lost one that cancels out.")
    @Outcome(id = "1", expect = ACCEPTABLE_INTERESTING, desc = "actor1's -1 was lost: actor2 stored a value it loaded before that -1 landed.")
    @Outcome(id = "-1", expect = ACCEPTABLE_INTERESTING, desc = "actor1's +1 was lost: actor2 stored a value it loaded before that +1 landed.")
    @Outcome(id = "4", expect = ACCEPTABLE_INTERESTING, desc = "actor2's -4 was lost: actor1 stored a value it loaded before that -4 landed.")
    @Outcome(id = "-4", expect = ACCEPTABLE_INTERESTING, desc = "actor2's +4 was lost: actor1 stored a value it loaded before that +4 landed.")
    @Outcome(id = "3", expect = ACCEPTABLE_INTERESTING, desc = "actor1's +1 and actor2's -4 were both lost: each overwrote one of the other's updates.")
    @Outcome(id = "-3", expect = ACCEPTABLE_INTERESTING, desc = "actor1's -1 and actor2's +4 were both lost: each overwrote one of the other's updates.")
    @Outcome(expect = FORBIDDEN, desc = "No interleaving of the loads and stores gives this value.")
    public static class RacyOutcomes {
    }

    /** Outcomes of a fix: the same lost-update values, now forbidden. */
    @Outcome(id = "0", expect = ACCEPTABLE, desc = "Every update survived: the fix excluded the other actor.")
    @Outcome(id = "1", expect = FORBIDDEN, desc = "actor1's -1 was lost: actor2 stored a value it loaded before that -1 landed.")
    @Outcome(id = "-1", expect = FORBIDDEN, desc = "actor1's +1 was lost: actor2 stored a value it loaded before that +1 landed.")
    @Outcome(id = "4", expect = FORBIDDEN, desc = "actor2's -4 was lost: actor1 stored a value it loaded before that -4 landed.")
    @Outcome(id = "-4", expect = FORBIDDEN, desc = "actor2's +4 was lost: actor1 stored a value it loaded before that +4 landed.")
    @Outcome(id = "3", expect = FORBIDDEN, desc = "actor1's +1 and actor2's -4 were both lost: each overwrote one of the other's updates.")
    @Outcome(id = "-3", expect = FORBIDDEN, desc = "actor1's -1 and actor2's +4 were both lost: each overwrote one of the other's updates.")
    @Outcome(expect = FORBIDDEN, desc = "No interleaving of the loads and stores gives this value: a broken counter.")
    public static class SafeOutcomes {
    }

    /*
     * Each variant's counter is the one racebench's registry (CounterKind) names for it, and a
     * unit test holds the two one for one. It is constructed here directly, not through the
     * registry, on purpose: loading the registry loads every counter class, and with more than
     * one SharedCounter loaded C1 can no longer inline run(n) into an actor by class-hierarchy
     * analysis. The plain field then runs in C2-compiled code everywhere, C2 folds the race away,
     * and Racy lost no update in 7.6 billion samples of a quick run (17 to 647 in earlier runs
     * that constructed it directly); the volatile twin's rate with an interpreted actor fell
     * from about 1e-3 to 4e-6.
     *
     * Every variant below has the same wiring: actor1 runs n = 1, actor2 runs n = 4 (the
     * seed's two threads), the arbiter reads the value once both have returned. jcstress
     * looks for @Actor methods on the test class itself, not on a superclass, hence the
     * three one-line methods in each.
     */

    @JCStressTest
    @JCStressMeta(RacyOutcomes.class)
    @Description("The tutorials' program: a plain int field, no lock.")
    @State
    public static class Racy {
        private final SharedCounter counter = new PlainCounter();

        @Actor
        public void actor1() {
            counter.run(1);
        }

        @Actor
        public void actor2() {
            counter.run(4);
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = counter.value();
        }
    }

    @JCStressTest
    @JCStressMeta(RacyOutcomes.class)
    @Description("A volatile int: visible, but += is still a separate load and store.")
    @State
    public static class RacyVolatile {
        private final SharedCounter counter = new VolatileCounter();

        @Actor
        public void actor1() {
            counter.run(1);
        }

        @Actor
        public void actor2() {
            counter.run(4);
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = counter.value();
        }
    }

    @JCStressTest
    @JCStressMeta(SafeOutcomes.class)
    @Description("synchronized run() and value(), on a volatile field so its twin is RacyVolatile.")
    @State
    public static class Synchronized {
        private final SharedCounter counter = new SynchronizedCounter();

        @Actor
        public void actor1() {
            counter.run(1);
        }

        @Actor
        public void actor2() {
            counter.run(4);
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = counter.value();
        }
    }

    @JCStressTest
    @JCStressMeta(SafeOutcomes.class)
    @Description("The tutorials' fix: ReentrantLock lock / try / finally unlock.")
    @State
    public static class ReentrantLocked {
        private final SharedCounter counter = new ReentrantLockCounter();

        @Actor
        public void actor1() {
            counter.run(1);
        }

        @Actor
        public void actor2() {
            counter.run(4);
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = counter.value();
        }
    }

    @JCStressTest
    @JCStressMeta(SafeOutcomes.class)
    @Description("The tutorials' fix in the tutorials' shape: the caller locks around run(n), not the counter.")
    @State
    public static class CallerLocked {
        private final SharedCounter counter = new CallerLockedCounter(new VolatileCounter());

        @Actor
        public void actor1() {
            counter.run(1);
        }

        @Actor
        public void actor2() {
            counter.run(4);
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = counter.value();
        }
    }

    @JCStressTest
    @JCStressMeta(SafeOutcomes.class)
    @Description("AtomicInteger.addAndGet.")
    @State
    public static class Atomic {
        private final SharedCounter counter = new AtomicCounter();

        @Actor
        public void actor1() {
            counter.run(1);
        }

        @Actor
        public void actor2() {
            counter.run(4);
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = counter.value();
        }
    }

    @JCStressTest
    @JCStressMeta(SafeOutcomes.class)
    @Description("LongAdder.add, summed by the arbiter.")
    @State
    public static class LongAdder {
        private final SharedCounter counter = new LongAdderCounter();

        @Actor
        public void actor1() {
            counter.run(1);
        }

        @Actor
        public void actor2() {
            counter.run(4);
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = counter.value();
        }
    }

    @JCStressTest
    @JCStressMeta(SafeOutcomes.class)
    @Description("A VarHandle compare-and-set loop.")
    @State
    public static class CasLoop {
        private final SharedCounter counter = new CasLoopCounter();

        @Actor
        public void actor1() {
            counter.run(1);
        }

        @Actor
        public void actor2() {
            counter.run(4);
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = counter.value();
        }
    }

    @JCStressTest
    @JCStressMeta(SafeOutcomes.class)
    @Description("StampedLock write lock.")
    @State
    public static class StampedLocked {
        private final SharedCounter counter = new StampedLockCounter();

        @Actor
        public void actor1() {
            counter.run(1);
        }

        @Actor
        public void actor2() {
            counter.run(4);
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = counter.value();
        }
    }

    @JCStressTest
    @JCStressMeta(SafeOutcomes.class)
    @Description("Semaphore with one permit.")
    @State
    public static class Semaphore {
        private final SharedCounter counter = new SemaphoreCounter();

        @Actor
        public void actor1() {
            counter.run(1);
        }

        @Actor
        public void actor2() {
            counter.run(4);
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = counter.value();
        }
    }

    @JCStressTest
    @JCStressMeta(RacyOutcomes.class)
    @Description("Broken fix: a new lock per call excludes nobody (volatile field, so the JIT cannot fold it away).")
    @State
    public static class LockPerCall {
        private final SharedCounter counter = new LockPerCallCounter();

        @Actor
        public void actor1() {
            counter.run(1);
        }

        @Actor
        public void actor2() {
            counter.run(4);
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = counter.value();
        }
    }

    @JCStressTest
    @JCStressMeta(RacyOutcomes.class)
    @Description("Broken fix: the lock covers += n but not -= n.")
    @State
    public static class HalfLocked {
        private final SharedCounter counter = new HalfLockedCounter();

        @Actor
        public void actor1() {
            counter.run(1);
        }

        @Actor
        public void actor2() {
            counter.run(4);
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = counter.value();
        }
    }

    @JCStressTest
    @JCStressMeta(RacyOutcomes.class)
    @Description("Broken fix: num is read before the lock is taken, written inside it.")
    @State
    public static class ReadOutsideLock {
        private final SharedCounter counter = new ReadOutsideLockCounter();

        @Actor
        public void actor1() {
            counter.run(1);
        }

        @Actor
        public void actor2() {
            counter.run(4);
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = counter.value();
        }
    }

    /**
     * The user's own counter, named by the {@code racebench.counter} system property and
     * loaded from the fork's class path; graded as a fix. Run only through
     * {@code ./racebench race --counter FQCN --classpath PATH}.
     */
    @JCStressTest
    @JCStressMeta(RacyOutcomes.class)
    @Description("Your SharedCounter's twin: your class with its synchronisation taken out (racebench.twin.Unlocker).")
    @State
    public static class UserCounterTwin {
        private final SharedCounter counter = UserCounters.createTwin();

        @Actor
        public void actor1() {
            counter.run(1);
        }

        @Actor
        public void actor2() {
            counter.run(4);
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = counter.value();
        }
    }

    @JCStressTest
    @JCStressMeta(SafeOutcomes.class)
    @Description("Your SharedCounter, graded as a fix.")
    @State
    public static class UserCounter {
        private final SharedCounter counter = UserCounters.create();

        @Actor
        public void actor1() {
            counter.run(1);
        }

        @Actor
        public void actor2() {
            counter.run(4);
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = counter.value();
        }
    }
}
