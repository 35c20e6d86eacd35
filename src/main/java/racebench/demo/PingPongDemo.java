package racebench.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The tutorials' ping/pong: {@code sub_task} prints its word while a global counter is below 10,
 * adding one each time. Two threads share the one counter, so about 10 lines in all (the
 * check and the add are not atomic, so now and then 11); two processes each have their own
 * copy, so 10 each, 20 in all: the tutorials' lesson. The tutorials sleep 0.01 s between words.
 */
final class PingPongDemo implements Demo {
    static final List<String> WORDS = List.of("ping", "pong");

    private volatile int counter; // shared by the threads; volatile so that only check-then-act races

    @Override
    public void run(DemoOptions o, PrintWriter out) throws IOException, InterruptedException {
        long sleep = o.nanos(0.01);
        out.printf("Two threads, one counter (pid %d):%n", ProcessHandle.current().pid());
        out.flush();
        List<Thread> threads = new ArrayList<>();
        int[] lines = new int[WORDS.size()];
        for (int i = 0; i < WORDS.size(); i++) {
            int w = i;
            threads.add(Thread.ofPlatform().name(WORDS.get(i)).start(() -> {
                while (counter < DemoChild.COUNTER_LIMIT) {
                    int now = ++counter; // not atomic, like the tutorials' counter += 1
                    lines[w]++;
                    out.printf("%s  (thread %s, the shared counter now %d)%n", WORDS.get(w),
                            Thread.currentThread().getName(), now);
                    out.flush();
                    try {
                        TimeUnit.NANOSECONDS.sleep(sleep);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        int threadLines = lines[0] + lines[1];

        out.println("Two processes, each with a counter of its own. Java has no fork(): each child is a new JVM "
                + "whose counter starts at 0, where the tutorials' forked children each got a copy of the parent's.");
        out.flush();
        List<ChildJvm> children = new ArrayList<>();
        List<Integer> processLines = new ArrayList<>();
        try {
            for (String word : WORDS) {
                children.add(ChildJvm.start(out, DemoChild.Role.COUNTER, word, Long.toString(sleep)));
            }
            for (int i = 0; i < children.size(); i++) {
                ChildJvm child = children.get(i);
                String word = WORDS.get(i);
                int exit = child.join(TimeUnit.MINUTES.toMillis(1));
                if (exit != 0) {
                    throw new IOException("counter process " + child.pid() + " ended with exit code " + exit);
                }
                processLines.add((int) child.printed().stream().filter(l -> l.startsWith(word + " ")).count());
            }
        } finally {
            children.forEach(ChildJvm::close);
        }
        out.printf("showed: two threads sharing one counter printed %d lines in all (%d ping, %d pong); "
                        + "two processes printed %d lines (%d ping, %d pong), each counting to %d on its own copy%n",
                threadLines, lines[0], lines[1], processLines.get(0) + processLines.get(1),
                processLines.get(0), processLines.get(1), DemoChild.COUNTER_LIMIT);
    }
}
