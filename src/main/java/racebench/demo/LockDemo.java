package racebench.demo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import racebench.workload.counter.CounterKind;
import racebench.workload.counter.SharedCounter;

/**
 * The tutorials' NUM program: two threads each call {@code run(n)} = {@code NUM += n; NUM -= n}
 * 1,000,000 times, with n = 1 and n = 4, then NUM is printed; 0 unless an update was lost.
 * It runs once for every counter of the race suite ({@link CounterKind}): the tutorials' racy
 * one, its volatile twin, each fix, and the broken fixes. One run is an example, not a proof:
 * a racy counter may print 0 (the race suite measures how often it does not).
 */
final class LockDemo implements Demo {
    static final int ITERATIONS = 1_000_000;

    @Override
    public void run(DemoOptions o, PrintWriter out) throws InterruptedException {
        out.printf("Two threads, %,d iterations each of run(1) and run(4), in pid %d:%n", ITERATIONS,
                ProcessHandle.current().pid());
        out.flush();
        List<String> fixes = new ArrayList<>();
        List<String> racy = new ArrayList<>();
        int fixesNotZero = 0;
        for (CounterKind kind : CounterKind.values()) {
            SharedCounter counter = kind.create();
            long start = System.nanoTime();
            race(counter);
            long ms = (System.nanoTime() - start) / 1_000_000;
            int num = counter.value();
            String expect = kind.expect() == CounterKind.Expectation.SAFE ? "a fix" : "racy";
            out.printf(Locale.ROOT, "%-16s (%s, %d ms): NUM = %d%n", kind.variant(), expect, ms, num);
            out.flush();
            String entry = kind.variant() + " " + num;
            if (kind.expect() == CounterKind.Expectation.SAFE) {
                fixes.add(entry);
                fixesNotZero += num == 0 ? 0 : 1;
            } else {
                racy.add(entry);
            }
        }
        out.println("Why Racy may print 0 anyway: the JIT (C2) compiles NUM += n; NUM -= n on a plain field to "
                + "nothing at all, so the window the race needs is gone; a volatile field keeps every load and store.");
        out.printf("showed: %d of %d fixes printed NUM = 0 (%s); the %d racy variants printed %s%n",
                fixes.size() - fixesNotZero, fixes.size(), String.join(", ", fixes), racy.size(),
                String.join(", ", racy));
    }

    /** The tutorials' t1 = Thread(target=task, args=(1,)), t2 with 4; started together, joined. */
    static void race(SharedCounter counter) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int n : new int[] {1, 4}) {
            threads.add(Thread.ofPlatform().name("task-" + n).start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < ITERATIONS; i++) {
                    counter.run(n);
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
    }
}
