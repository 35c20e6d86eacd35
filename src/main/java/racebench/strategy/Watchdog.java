package racebench.strategy;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import racebench.workload.CpuGate;
import racebench.workload.TaskSpec;
import racebench.workload.Tasks;

/**
 * Per-task timeouts for in-process strategies, measured from when the task starts (not
 * from when it was queued): one timer thread interrupts a task's thread at its deadline.
 * Deadline and completion race under the task's monitor, so the interrupt never lands on
 * whatever the thread runs next; a timed-out task's interrupt is cleared before returning.
 */
final class Watchdog implements AutoCloseable {
    private final ScheduledThreadPoolExecutor timer;

    Watchdog() {
        timer = new ScheduledThreadPoolExecutor(1, r -> Thread.ofPlatform().daemon().name("racebench-watchdog").unstarted(r));
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Runs one task on the calling thread within its timeout; a real interrupt (a cancel) propagates. */
    long call(int index, TaskSpec spec, Duration timeout, CpuGate gate) throws StrategyException, InterruptedException {
        Deadline deadline = new Deadline(Thread.currentThread());
        ScheduledFuture<?> alarm = timer.schedule(deadline, nanos(timeout), TimeUnit.NANOSECONDS);
        try {
            long checksum = Tasks.execute(spec, gate);
            if (deadline.finish()) {
                Thread.interrupted();
                throw new TaskTimeoutException(index, timeout);
            }
            return checksum;
        } catch (InterruptedException e) {
            if (deadline.finish()) {
                throw new TaskTimeoutException(index, timeout);
            }
            throw e;
        } catch (RuntimeException | Error e) {
            if (deadline.finish()) {
                Thread.interrupted();
                throw new TaskTimeoutException(index, timeout);
            }
            throw new TaskFailedException(index, e);
        } finally {
            alarm.cancel(false);
        }
    }

    /** A timeout in nanoseconds, saturating: Duration.ofDays(365_000) means "never", not an overflow. */
    static long nanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private static final class Deadline implements Runnable {
        private final Thread thread;
        private boolean finished;
        private boolean timedOut;

        Deadline(Thread thread) {
            this.thread = thread;
        }

        @Override
        public synchronized void run() {
            if (!finished) {
                timedOut = true;
                thread.interrupt();
            }
        }

        /** Marks the task done; true if the deadline fired first. */
        synchronized boolean finish() {
            finished = true;
            return timedOut;
        }
    }
}
