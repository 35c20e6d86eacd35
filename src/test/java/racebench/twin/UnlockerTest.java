package racebench.twin;

import org.junit.jupiter.api.Test;
import racebench.fixtures.UserSynchronizedCounter;
import racebench.fixtures.twins.AtomicCounter;
import racebench.fixtures.twins.CasLoopCounter;
import racebench.fixtures.twins.ReadWriteLockCounter;
import racebench.fixtures.twins.SyncBlockCounter;
import racebench.workload.counter.LongAdderCounter;
import racebench.workload.counter.ReentrantLockCounter;
import racebench.workload.counter.SemaphoreCounter;
import racebench.workload.counter.StampedLockCounter;
import racebench.workload.counter.SharedCounter;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.MonitorInstruction;
import java.lang.reflect.AccessFlag;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A twin per construct the rewrite covers: nothing of the synchronisation left, everything else the same. */
class UnlockerTest {
    /** What takes a lock, a permit or a stamp, or reads and writes atomically; constructors and plain get/set may stay. */
    private static final java.util.Set<String> SYNCHRONISING = java.util.Set.of("lock", "lockInterruptibly", "tryLock",
            "unlock", "acquire", "acquireUninterruptibly", "tryAcquire", "release", "writeLock", "readLock",
            "unlockWrite", "unlockRead", "incrementAndGet", "decrementAndGet", "getAndIncrement", "getAndDecrement",
            "addAndGet", "getAndAdd", "getAndSet", "compareAndSet", "updateAndGet", "getAndUpdate", "accumulateAndGet",
            "getAndAccumulate");

    @Test
    void synchronizedMethodsLoseTheirFlag() throws Exception {
        Unlocker.Twin twin = twinOf(UserSynchronizedCounter.class);
        assertEquals(new Unlocker.Removed(2, 0, 0, 0), twin.removed());
        assertEquals("2 synchronized methods", twin.removed().describe());
        assertNothingLeft(twin);
        behavesAlikeAlone(twin, UserSynchronizedCounter.class);
    }

    @Test
    void synchronizedBlocksLoseTheirMonitorInstructions() throws Exception {
        Unlocker.Twin twin = twinOf(SyncBlockCounter.class);
        assertTrue(twin.removed().monitors() >= 4, "enter and exit of two blocks, and their exception exits: "
                + twin.removed());
        assertNothingLeft(twin);
        behavesAlikeAlone(twin, SyncBlockCounter.class);
    }

    @Test
    void lockSemaphoreAndStampedLockCallsBecomeNoOps() throws Exception {
        // racebench's own fixes; javac copies a finally block onto the normal and the exceptional path, so each
        // unlock or release counts twice: one lock and two unlocks in run, as many in value
        assertEquals(new Unlocker.Removed(0, 0, 6, 0), twinOf(ReentrantLockCounter.class).removed());
        assertEquals(new Unlocker.Removed(0, 0, 6, 0), twinOf(SemaphoreCounter.class).removed());
        assertEquals(new Unlocker.Removed(0, 0, 6, 0), twinOf(StampedLockCounter.class).removed(),
                "the write lock, and the read lock behind the optimistic read, which stays");
        assertEquals(new Unlocker.Removed(0, 0, 6, 0), twinOf(ReadWriteLockCounter.class).removed(),
                "a read-write lock's halves, tryLock among them");
        for (Class<?> c : List.of(ReentrantLockCounter.class, ReadWriteLockCounter.class, SemaphoreCounter.class,
                StampedLockCounter.class)) {
            assertNothingLeft(twinOf(c));
            behavesAlikeAlone(twinOf(c), c);
        }
    }

    @Test
    void atomicReadModifyWritesBecomeAReadThenAWrite() throws Exception {
        assertEquals(new Unlocker.Removed(0, 0, 0, 3), twinOf(AtomicCounter.class).removed());
        assertEquals(new Unlocker.Removed(0, 0, 0, 1), twinOf(CasLoopCounter.class).removed());
        for (Class<?> c : List.of(AtomicCounter.class, CasLoopCounter.class)) {
            assertNothingLeft(twinOf(c));
            behavesAlikeAlone(twinOf(c), c);
        }
    }

    @Test
    void aClassWithNothingTheRewriteCoversHasNoTwinOfItsOwn() throws Exception {
        Unlocker.Twin adder = twinOf(LongAdderCounter.class);
        assertFalse(adder.removed().any(), "a LongAdder is not covered: " + adder.removed());
        assertEquals("nothing", adder.removed().describe());
        assertFalse(twinOf(racebench.workload.counter.CasLoopCounter.class).removed().any(),
                "nor a VarHandle compare-and-set");
    }

    @Test
    void theAtomicCountersTwinLosesUpdatesUnderContentionAndTheOriginalNever() throws Exception {
        Unlocker.Twin twin = twinOf(AtomicCounter.class);
        Class<?> type = Unlocker.load(twin, getClass().getClassLoader());
        int lost = 0;
        for (int attempt = 0; attempt < 5 && lost == 0; attempt++) { // two threads overlap almost always at once
            lost = lostUpdates(type);
        }
        assertTrue(lost > 0, "the twin's increments are a read then a write: two threads must lose some");
        assertEquals(0, lostUpdates(AtomicCounter.class), "the original's are atomic");
    }

    /** Two threads of 2,000,000 increments each on one counter: how many went missing. */
    private static int lostUpdates(Class<?> type) throws Exception {
        Object counter = type.getConstructor().newInstance();
        java.lang.reflect.Method increment = type.getMethod("increment", int.class);
        CountDownLatch start = new CountDownLatch(1);
        int each = 2_000_000;
        Runnable work = () -> {
            try {
                start.await();
                increment.invoke(counter, each);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        Thread a = Thread.ofPlatform().start(work);
        Thread b = Thread.ofPlatform().start(work);
        start.countDown();
        a.join();
        b.join();
        return 2 * each - ((SharedCounter) counter).value();
    }

    private static Unlocker.Twin twinOf(Class<?> c) throws IOException {
        return Unlocker.of(c.getName(), c.getClassLoader());
    }

    /** No synchronized flag, no monitor instruction and no call of a covered lock or atomic left. */
    private static void assertNothingLeft(Unlocker.Twin twin) {
        ClassModel model = ClassFile.of().parse(twin.bytes());
        for (MethodModel m : model.methods()) {
            assertFalse(m.flags().has(AccessFlag.SYNCHRONIZED), m.methodName().stringValue());
            m.code().ifPresent(code -> code.elementStream().forEach(e -> {
                assertFalse(e instanceof MonitorInstruction, m.methodName() + ": " + e);
                if (e instanceof InvokeInstruction call) {
                    String owner = call.owner().asInternalName();
                    boolean synchronising = (owner.startsWith("java/util/concurrent/locks/")
                            || owner.equals("java/util/concurrent/Semaphore")
                            || owner.startsWith("java/util/concurrent/atomic/Atomic"))
                            && SYNCHRONISING.contains(call.name().stringValue())
                            && !owner.equals("java/util/concurrent/locks/ReentrantReadWriteLock"); // hands out its halves
                    assertFalse(synchronising, m.methodName() + " still calls " + owner + "." + call.name());
                }
            }));
        }
    }

    /** The twin loads beside the original (another class of the same name) and counts alike on one thread. */
    private static void behavesAlikeAlone(Unlocker.Twin twin, Class<?> original) throws Exception {
        Class<?> type = Unlocker.load(twin, original.getClassLoader());
        assertEquals(original.getName(), type.getName());
        assertNotSame(original, type);
        SharedCounter counter = (SharedCounter) type.getConstructor().newInstance();
        counter.run(5);
        counter.run(-3);
        assertEquals(0, counter.value());
    }
}
