package racebench.strategy;

import racebench.workload.*;
import java.util.List;

/**
 * Probe behind README's explanation of THREAD_PER_TASK (not a test; run it on a quiet machine):
 * {@code java -cp target/racebench.jar src/test/java/racebench/strategy/ThreadStartProbe.java}.
 * How long the starting thread spends in 8 Thread.start() calls of CPU tasks, vs idle cores. */
public final class ThreadStartProbe {
    public static void main(String[] a) throws Exception {
        List<TaskSpec> batch = StandardBatch.of(Workload.CPU, 8);
        double startSum = 0, lastSum = 0, wallSum = 0; int n = 0;
        for (int rep = 0; rep < 600; rep++) {
            Thread[] t = new Thread[8];
            long[] began = new long[8];
            long t0 = System.nanoTime();
            for (int i = 0; i < 8; i++) {
                int k = i;
                t[i] = new Thread(() -> { began[k] = System.nanoTime(); try { Tasks.execute(batch.get(k)); } catch (InterruptedException e) { } });
                t[i].start();
            }
            long started = System.nanoTime();
            for (Thread x : t) x.join();
            long end = System.nanoTime();
            if (rep >= 200) { startSum += started - t0; long last = 0; for (long b : began) last = Math.max(last, b - t0); lastSum += last; wallSum += end - t0; n++; }
        }
        System.out.printf("8 x Thread.start(): %.3f ms; last task began after %.3f ms; batch wall %.3f ms%n", startSum / n / 1e6, lastSum / n / 1e6, wallSum / n / 1e6);
    }
}
