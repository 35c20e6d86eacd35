package racebench.strategy;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.function.IntToLongFunction;

/**
 * A fixed team of platform or virtual threads that run one piece of work each per round and
 * wait for the next: what a benchmark of N threads hammering one lock or one thread-local
 * needs, without paying a thread start per measurement. A round costs a barrier hand-off
 * (microseconds), so a round's work should take milliseconds.
 */
public final class ThreadTeam implements AutoCloseable {

    /** Which threads the team is made of. */
    public enum Kind {
        PLATFORM, VIRTUAL;

        Thread.Builder builder() {
            return this == PLATFORM ? Thread.ofPlatform().daemon() : Thread.ofVirtual();
        }
    }

    private final CyclicBarrier start;
    private final Thread[] members;
    private final long[] results;
    private volatile IntToLongFunction work;
    private volatile CountDownLatch done;
    private volatile boolean stopping;
    private volatile Throwable failure;

    public ThreadTeam(int threads, Kind kind) {
        if (threads < 1) {
            throw new IllegalArgumentException("a team needs at least one thread, got " + threads);
        }
        start = new CyclicBarrier(threads + 1);
        members = new Thread[threads];
        results = new long[threads];
        for (int i = 0; i < threads; i++) {
            int member = i;
            members[i] = kind.builder().name("racebench-team-" + i).start(() -> serve(member));
        }
    }

    private void serve(int member) {
        try {
            while (true) {
                start.await();
                if (stopping) {
                    return;
                }
                try {
                    results[member] = work.applyAsLong(member);
                } catch (RuntimeException | Error e) {
                    failure = e; // the round fails for the caller; the member stays for the next one
                } finally {
                    done.countDown();
                }
            }
        } catch (InterruptedException | BrokenBarrierException e) {
            // closed while waiting
        }
    }

    /** Runs {@code work} once on every member at the same time; returns the sum of their results. */
    public long round(IntToLongFunction work) {
        this.work = work;
        this.done = new CountDownLatch(members.length);
        try {
            start.await();
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a round", e);
        } catch (BrokenBarrierException e) {
            throw new IllegalStateException("the team was closed during a round", e);
        }
        Throwable failed = failure;
        if (failed != null) {
            failure = null;
            throw new IllegalStateException("a team member failed: " + failed, failed);
        }
        long sum = 0;
        for (long r : results) {
            sum += r;
        }
        return sum;
    }

    public int size() {
        return members.length;
    }

    @Override
    public void close() {
        stopping = true;
        try {
            start.await(); // members wake, see stopping and end
            for (Thread t : members) {
                t.join(5_000);
            }
        } catch (InterruptedException | BrokenBarrierException e) {
            for (Thread t : members) {
                t.interrupt();
            }
        }
    }
}
