package racebench.strategy;

import racebench.strategy.*;
import racebench.workload.*;
import java.lang.management.ManagementFactory;
import java.nio.file.*;
import java.time.Duration;
import java.util.List;

/**
 * Probe behind README's explanation of THREAD_PER_TASK (not a test; run it on a quiet machine):
 * {@code java -cp target/racebench.jar src/test/java/racebench/strategy/ThreadCostProbe.java}.
 * Wall time, process CPU time and minor page faults per CPU batch of 8 tasks. */
public final class ThreadCostProbe {
    static long minflt() throws Exception {
        String[] f = Files.readString(Path.of("/proc/self/stat")).split("\\) ")[1].split(" ");
        return Long.parseLong(f[7]);   // field 10 (minflt) is index 7 after "pid (comm) "
    }
    public static void main(String[] a) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Workload w = Workload.valueOf(a.length > 0 ? a[0] : "CPU");
        List<TaskSpec> batch = StandardBatch.of(w, 8);
        for (int rep = 0; rep < 2; rep++)
        for (StrategyKind k : List.of(StrategyKind.SEQUENTIAL, StrategyKind.THREAD_PER_TASK, StrategyKind.CACHED_POOL, StrategyKind.FIXED_POOL, StrategyKind.POOL_OF_4)) {
            try (ExecutionStrategy s = k.create()) {
                for (int i = 0; i < 200; i++) s.run(batch, Duration.ofSeconds(30));
                int n = 400;
                long f0 = minflt(), c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
                for (int i = 0; i < n; i++) s.run(batch, Duration.ofSeconds(30));
                long t1 = System.nanoTime(), c1 = os.getProcessCpuTime(), f1 = minflt();
                System.out.printf("%-16s %s wall %.3f ms/batch  cpu %.3f ms/batch  minor faults %.1f/batch%n", k, w,
                        (t1 - t0) / 1e6 / n, (c1 - c0) / 1e6 / n, (f1 - f0) / (double) n);
            }
        }
    }
}
