package racebench.twin;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.StampedLock;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * What a twin calls instead of its synchronisation ({@link Unlocker}): each method takes the
 * receiver of the call it replaces as its first argument and returns what that call returns, so
 * a call is swapped for one of these without touching the stack. A lock is not taken; an atomic
 * read-modify-write becomes a plain read, then a plain write: the lost-update window the real
 * call closes, opened again.
 */
public final class RacyOps {
    private RacyOps() {
    }

    // java.util.concurrent.locks.Lock, and ReentrantLock and the read-write lock's halves through it

    public static void lock(Lock lock) {
    }

    public static void lockInterruptibly(Lock lock) {
    }

    public static boolean tryLock(Lock lock) {
        return true;
    }

    public static boolean tryLock(Lock lock, long time, TimeUnit unit) {
        return true;
    }

    public static void unlock(Lock lock) {
    }

    // java.util.concurrent.Semaphore

    public static void acquire(Semaphore s) {
    }

    public static void acquire(Semaphore s, int permits) {
    }

    public static void acquireUninterruptibly(Semaphore s) {
    }

    public static void acquireUninterruptibly(Semaphore s, int permits) {
    }

    public static boolean tryAcquire(Semaphore s) {
        return true;
    }

    public static void release(Semaphore s) {
    }

    public static void release(Semaphore s, int permits) {
    }

    // java.util.concurrent.locks.StampedLock: a stamp of 0, which the replaced unlocks ignore

    public static long writeLock(StampedLock l) {
        return 0;
    }

    public static long writeLockInterruptibly(StampedLock l) {
        return 0;
    }

    public static long readLock(StampedLock l) {
        return 0;
    }

    public static long readLockInterruptibly(StampedLock l) {
        return 0;
    }

    public static void unlockWrite(StampedLock l, long stamp) {
    }

    public static void unlockRead(StampedLock l, long stamp) {
    }

    public static void unlock(StampedLock l, long stamp) {
    }

    // java.util.concurrent.atomic.AtomicInteger: read, then write

    public static int incrementAndGet(AtomicInteger a) {
        int v = a.get() + 1;
        a.set(v);
        return v;
    }

    public static int decrementAndGet(AtomicInteger a) {
        int v = a.get() - 1;
        a.set(v);
        return v;
    }

    public static int getAndIncrement(AtomicInteger a) {
        int v = a.get();
        a.set(v + 1);
        return v;
    }

    public static int getAndDecrement(AtomicInteger a) {
        int v = a.get();
        a.set(v - 1);
        return v;
    }

    public static int addAndGet(AtomicInteger a, int delta) {
        int v = a.get() + delta;
        a.set(v);
        return v;
    }

    public static int getAndAdd(AtomicInteger a, int delta) {
        int v = a.get();
        a.set(v + delta);
        return v;
    }

    public static int getAndSet(AtomicInteger a, int value) {
        int v = a.get();
        a.set(value);
        return v;
    }

    public static boolean compareAndSet(AtomicInteger a, int expected, int value) {
        if (a.get() != expected) {
            return false;
        }
        a.set(value);
        return true;
    }

    public static boolean weakCompareAndSetPlain(AtomicInteger a, int expected, int value) {
        return compareAndSet(a, expected, value);
    }

    public static boolean weakCompareAndSetVolatile(AtomicInteger a, int expected, int value) {
        return compareAndSet(a, expected, value);
    }

    public static int updateAndGet(AtomicInteger a, IntUnaryOperator f) {
        int v = f.applyAsInt(a.get());
        a.set(v);
        return v;
    }

    public static int getAndUpdate(AtomicInteger a, IntUnaryOperator f) {
        int v = a.get();
        a.set(f.applyAsInt(v));
        return v;
    }

    public static int accumulateAndGet(AtomicInteger a, int x, IntBinaryOperator f) {
        int v = f.applyAsInt(a.get(), x);
        a.set(v);
        return v;
    }

    public static int getAndAccumulate(AtomicInteger a, int x, IntBinaryOperator f) {
        int v = a.get();
        a.set(f.applyAsInt(v, x));
        return v;
    }

    // java.util.concurrent.atomic.AtomicLong: read, then write

    public static long incrementAndGet(AtomicLong a) {
        long v = a.get() + 1;
        a.set(v);
        return v;
    }

    public static long decrementAndGet(AtomicLong a) {
        long v = a.get() - 1;
        a.set(v);
        return v;
    }

    public static long getAndIncrement(AtomicLong a) {
        long v = a.get();
        a.set(v + 1);
        return v;
    }

    public static long getAndDecrement(AtomicLong a) {
        long v = a.get();
        a.set(v - 1);
        return v;
    }

    public static long addAndGet(AtomicLong a, long delta) {
        long v = a.get() + delta;
        a.set(v);
        return v;
    }

    public static long getAndAdd(AtomicLong a, long delta) {
        long v = a.get();
        a.set(v + delta);
        return v;
    }

    public static long getAndSet(AtomicLong a, long value) {
        long v = a.get();
        a.set(value);
        return v;
    }

    public static boolean compareAndSet(AtomicLong a, long expected, long value) {
        if (a.get() != expected) {
            return false;
        }
        a.set(value);
        return true;
    }

    public static boolean weakCompareAndSetPlain(AtomicLong a, long expected, long value) {
        return compareAndSet(a, expected, value);
    }

    public static boolean weakCompareAndSetVolatile(AtomicLong a, long expected, long value) {
        return compareAndSet(a, expected, value);
    }

    public static long updateAndGet(AtomicLong a, LongUnaryOperator f) {
        long v = f.applyAsLong(a.get());
        a.set(v);
        return v;
    }

    public static long getAndUpdate(AtomicLong a, LongUnaryOperator f) {
        long v = a.get();
        a.set(f.applyAsLong(v));
        return v;
    }

    public static long accumulateAndGet(AtomicLong a, long x, LongBinaryOperator f) {
        long v = f.applyAsLong(a.get(), x);
        a.set(v);
        return v;
    }

    public static long getAndAccumulate(AtomicLong a, long x, LongBinaryOperator f) {
        long v = a.get();
        a.set(f.applyAsLong(v, x));
        return v;
    }
}
