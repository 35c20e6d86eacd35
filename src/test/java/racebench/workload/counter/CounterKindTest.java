package racebench.workload.counter;

import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.annotations.JCStressTest;
import racebench.stress.LostUpdate;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry and the stress suite name the same variants, one for one, with the same counters. */
class CounterKindTest {

    private static List<Class<?>> stressTests() {
        return Arrays.stream(LostUpdate.class.getDeclaredClasses())
                .filter(c -> c.isAnnotationPresent(JCStressTest.class))
                .filter(c -> !c.getSimpleName().startsWith("UserCounter")).toList(); // the user's and its twin
    }

    @Test
    void everyStressTestIsAKindAndEveryKindAStressTest() {
        List<String> tests = stressTests().stream().map(Class::getSimpleName).sorted().toList();
        List<String> kinds = Arrays.stream(CounterKind.values()).map(CounterKind::variant).sorted().toList();
        assertEquals(kinds, tests);
    }

    @Test
    void eachStressTestStressesItsKindsCounter() throws ReflectiveOperationException {
        for (Class<?> test : stressTests()) {
            Object state = test.getDeclaredConstructor().newInstance();
            Field field = test.getDeclaredField("counter");
            field.setAccessible(true);
            CounterKind kind = CounterKind.ofVariant(test.getSimpleName());
            assertEquals(kind.create().getClass(), field.get(state).getClass(), test.getSimpleName());
        }
    }

    @Test
    void everyFixHasARacyTwinAndNoRacyVariantHasOne() {
        for (CounterKind kind : CounterKind.values()) {
            if (kind.expect() == CounterKind.Expectation.SAFE) {
                assertNotNull(kind.twin(), kind + " needs a twin");
                assertEquals(CounterKind.Expectation.RACY, kind.twin().expect(), kind + "'s twin");
            } else {
                assertNull(kind.twin(), kind.toString());
            }
        }
    }

    @Test
    void anUnknownVariantIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CounterKind.ofVariant("Synchronised"));
        assertTrue(e.getMessage().contains("Synchronised") && e.getMessage().contains("Synchronized"), e.getMessage());
    }

    @Test
    void everyCounterReadsZeroAfterOneThreadsCalls() {
        for (CounterKind kind : CounterKind.values()) {
            SharedCounter counter = kind.create();
            counter.run(1);
            counter.run(4);
            assertEquals(0, counter.value(), kind.toString());
        }
    }

    @Test
    void theCallersLockExcludesTheOtherCaller() throws InterruptedException {
        // the tutorials' loop on two threads; without the shared lock the volatile counter inside loses updates
        for (int attempt = 0; attempt < 3; attempt++) {
            SharedCounter counter = CounterKind.CALLER_LOCKED.create();
            CountDownLatch start = new CountDownLatch(1);
            Thread[] threads = new Thread[2];
            for (int t = 0; t < 2; t++) {
                int n = t == 0 ? 1 : 4;
                threads[t] = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < 200_000; i++) {
                        counter.run(n);
                    }
                });
                threads[t].start();
            }
            start.countDown();
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(0, counter.value());
        }
    }
}
