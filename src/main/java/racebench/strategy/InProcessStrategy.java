package racebench.strategy;

import java.time.Duration;
import racebench.workload.CpuGate;
import racebench.workload.TaskSpec;

/**
 * What the thread-based strategies share: a watchdog for per-task timeouts, the CPU gate
 * their tasks pass through (a no-op, or the GIL), and how one task runs as part of a batch.
 */
abstract class InProcessStrategy implements ExecutionStrategy {
    private final Watchdog watchdog = new Watchdog();
    private final CpuGate gate;

    InProcessStrategy(CpuGate gate) {
        this.gate = gate;
    }

    /** Runs one task on this thread, as a worker of the batch: a cancel interrupt just ends it. */
    final void runOne(Batch batch, int index, TaskSpec spec, Duration timeout) {
        if (!batch.enter()) {
            return;
        }
        try {
            batch.complete(index, call(index, spec, timeout));
        } catch (StrategyException e) {
            batch.fail(e);
        } catch (InterruptedException e) {
            // the run was cancelled
        } finally {
            batch.exit();
        }
    }

    /** Runs one task on this thread within its timeout; interrupts propagate. */
    final long call(int index, TaskSpec spec, Duration timeout) throws StrategyException, InterruptedException {
        return watchdog.call(index, spec, timeout, gate);
    }

    /** A wait that can be interrupted, such as Thread::join or CountDownLatch::await. */
    @FunctionalInterface
    interface Wait {
        void await() throws InterruptedException;
    }

    /** Waits to the end whatever interrupts arrive, then restores the interrupt for the caller. */
    static void uninterruptibly(Wait wait) {
        boolean interrupted = false;
        while (true) {
            try {
                wait.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    static void joinUninterruptibly(Thread thread) {
        uninterruptibly(thread::join);
    }

    @Override
    public void close() {
        watchdog.close();
    }
}
