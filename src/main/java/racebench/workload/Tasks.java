package racebench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one task and returns a checksum that depends on all of its work, so a caller can
 * check that nothing was optimised away, lost or done twice. The CPU part is a xorshift64
 * chain, which has no closed form the JIT could fold; it runs in slices of {@link #SLICE}
 * steps, checking for interruption (so a timed-out task stops) and offering the
 * {@link CpuGate} a checkpoint between slices (so GIL threads take turns, like CPython's switch interval).
 */
public final class Tasks {
    /** steps per CPU slice: well under a millisecond */
    public static final int SLICE = 1 << 16;

    private Tasks() {
    }

    public static long execute(TaskSpec spec) throws InterruptedException {
        return execute(spec, CpuGate.NONE);
    }

    public static long execute(TaskSpec spec, CpuGate gate) throws InterruptedException {
        switch (spec.fault()) {
            case NONE -> { }
            case FAIL_FOR_TEST -> throw new IllegalStateException(
                    "task " + spec.index() + " failed on purpose (test hook)");
            case CRASH_WORKER_FOR_TEST -> throw new IllegalStateException(
                    "task " + spec.index() + " asked to crash its worker JVM but runs in-process (test hook)");
        }
        return switch (spec.workload()) {
            case DOWNLOAD -> download(spec);
            case CPU -> cpu(mix(spec.index() * 0x9E3779B97F4A7C15L), spec.cpuSize(), gate);
            case MIXED -> cpu(download(spec), spec.cpuSize(), gate);
            case TASK -> user(spec, gate);
        };
    }

    /** What each task must return (test faults ignored), computed on this thread: keep it out of timed regions. */
    public static List<Long> expectedChecksums(List<TaskSpec> tasks) throws InterruptedException {
        List<Long> expected = new ArrayList<>(tasks.size());
        for (TaskSpec spec : tasks) {
            expected.add(execute(spec.withFault(TaskFault.NONE)));
        }
        return List.copyOf(expected);
    }

    /** A user's task, holding the gate throughout: racebench cannot offer it checkpoints inside their code. */
    private static long user(TaskSpec spec, CpuGate gate) throws InterruptedException {
        gate.enter();
        try {
            return UserTask.run(spec);
        } finally {
            gate.exit();
        }
    }

    private static long download(TaskSpec spec) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(spec.sleepNanos());
        return mix(spec.index() * 31L + spec.sleepNanos());
    }

    private static long cpu(long seed, int steps, CpuGate gate) throws InterruptedException {
        long x = seed == 0 ? 0x9E3779B97F4A7C15L : seed; // xorshift is stuck at 0
        gate.enter();
        try {
            for (int done = 0; done < steps; ) {
                int n = Math.min(SLICE, steps - done);
                x = xorshift(x, n);
                done += n;
                if (Thread.interrupted()) {
                    throw new InterruptedException("cpu work interrupted after " + done + " steps");
                }
                gate.checkpoint();
            }
        } finally {
            gate.exit();
        }
        return mix(x);
    }

    private static long xorshift(long x, int steps) {
        for (int i = 0; i < steps; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    /** splitmix64's finaliser: a cheap, well-spread hash of a long */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
