package racebench.ipc;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A conversation through a memory-mapped file that two processes share: no system call on
 * the way, only stores and loads. The requester writes each message into the next slot of a
 * ring and publishes its sequence number with a release store; the peer, which spins on that
 * number with acquire loads, copies each message out and, for the last of a burst, copies it
 * to the response area and publishes its number back. A burst never outruns the ring: it has
 * {@link Channel#MAX_BURST} slots and the requester waits for each burst's echo. A side that
 * has polled {@link #SPIN} times without news parks for {@link #PARK_NANOS} between polls, so
 * an idle peer does not burn a core.
 *
 * <pre>
 * offset 0     request sequence (long; -1 = stop)
 * offset 64    response sequence (long), on its own cache line
 * offset 128   the ring: MAX_BURST slots, each a header (int: length, and the echo bit) and
 *              the message, rounded up to whole cache lines
 * then         the response area, capacity bytes
 * </pre>
 */
final class MappedChannel implements Channel {
    static final int SPIN = 20_000;
    static final long PARK_NANOS = 50_000;
    static final long STOP = -1;
    private static final int ECHO = 1 << 30;
    private static final long REQUEST_SEQ = 0;
    private static final long RESPONSE_SEQ = 64;
    private static final long RING = 128;
    private static final long SLOT_HEADER = 8;
    private static final VarHandle SEQ = ValueLayout.JAVA_LONG.varHandle();

    private final Arena arena;
    private final MemorySegment shared;
    private final int capacity;
    private final AutoCloseable peer;
    private final BooleanSupplier peerAlive;
    private final byte[] buffer;
    private long sequence;

    private MappedChannel(Arena arena, MemorySegment shared, int capacity, AutoCloseable peer,
                          BooleanSupplier peerAlive) {
        this.arena = arena;
        this.shared = shared;
        this.capacity = capacity;
        this.peer = peer;
        this.peerAlive = peerAlive;
        this.buffer = new byte[capacity];
    }

    private static long slotSize(int capacity) {
        return (SLOT_HEADER + capacity + 63) / 64 * 64;
    }

    /** Where message number {@code seq} (from 1) lives in the ring. */
    private static long slot(long seq, int capacity) {
        return RING + ((seq - 1) % MAX_BURST) * slotSize(capacity);
    }

    private static long response(int capacity) {
        return RING + MAX_BURST * slotSize(capacity);
    }

    static long fileSize(int capacity) {
        return response(capacity) + capacity;
    }

    /** Maps {@code file} (created and sized by the caller) for a channel to a started peer. */
    static MappedChannel open(Path file, int capacity, AutoCloseable peer, BooleanSupplier peerAlive)
            throws IOException {
        Arena arena = Arena.ofShared();
        try {
            return new MappedChannel(arena, map(file, capacity, arena), capacity, peer, peerAlive);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    static MemorySegment map(Path file, int capacity, Arena arena) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return channel.map(FileChannel.MapMode.READ_WRITE, 0, fileSize(capacity), arena);
        }
    }

    @Override
    public long send(byte[] message, int count) throws IOException {
        Channel.checkBurst(count);
        int length = message.length;
        if (length > capacity) {
            throw new IllegalArgumentException("a " + length + "-byte message in a channel of " + capacity + " bytes");
        }
        for (int i = 1; i <= count; i++) {
            long seq = ++sequence;
            long slot = slot(seq, capacity);
            shared.set(ValueLayout.JAVA_INT, slot, i == count ? length | ECHO : length);
            MemorySegment.copy(message, 0, shared, ValueLayout.JAVA_BYTE, slot + SLOT_HEADER, length);
            SEQ.setRelease(shared, REQUEST_SEQ, seq);
        }
        if (await(shared, RESPONSE_SEQ, sequence, peerAlive) == STOP) {
            throw new IOException("the peer stopped");
        }
        MemorySegment.copy(shared, ValueLayout.JAVA_BYTE, response(capacity), buffer, 0, length);
        return Channel.checksum(buffer, length);
    }

    /** Waits until the sequence at {@code offset} reaches {@code target} or is STOP; returns what it read. */
    static long await(MemorySegment shared, long offset, long target, BooleanSupplier otherAlive)
            throws IOException {
        int polls = 0;
        while (true) {
            long seen = (long) SEQ.getAcquire(shared, offset);
            if (seen >= target || seen == STOP) {
                return seen;
            }
            if (polls < SPIN) { // counted only while spinning: a count of parks would overflow in a day and spin again
                polls++;
                Thread.onSpinWait();
            } else {
                if (!otherAlive.getAsBoolean()) {
                    throw new IOException("the other side of the shared file is gone");
                }
                LockSupport.parkNanos(PARK_NANOS);
            }
        }
    }

    /** The peer's side: takes every message in order, echoes the last of each burst, until it reads STOP. */
    static void echo(MemorySegment shared, int capacity, BooleanSupplier parentAlive) throws IOException {
        byte[] buffer = new byte[capacity];
        long taken = 0;
        while (true) {
            long published = await(shared, REQUEST_SEQ, taken + 1, parentAlive);
            if (published == STOP) {
                return;
            }
            for (long seq = taken + 1; seq <= published; seq++) {
                long slot = slot(seq, capacity);
                int header = shared.get(ValueLayout.JAVA_INT, slot);
                int length = header & ~ECHO;
                if (length < 0 || length > capacity) {
                    throw new IOException("bad slot header " + header + " for message " + seq);
                }
                MemorySegment.copy(shared, ValueLayout.JAVA_BYTE, slot + SLOT_HEADER, buffer, 0, length);
                if ((header & ECHO) != 0) {
                    MemorySegment.copy(buffer, 0, shared, ValueLayout.JAVA_BYTE, response(capacity), length);
                    SEQ.setRelease(shared, RESPONSE_SEQ, seq);
                }
            }
            taken = published;
        }
    }

    @Override
    public void close() {
        SEQ.setRelease(shared, REQUEST_SEQ, STOP);
        try {
            peer.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the echo peer: " + e.getMessage(), e);
        } finally {
            arena.close();
        }
    }
}
