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
 * the way, only stores and loads. The requester copies its message into the request area
 * and publishes a sequence number with a release store; the echo peer, which spins on that
 * number with acquire loads, copies the message to the response area and publishes the same
 * number back. A side that has waited {@link #SPIN} polls without news parks for
 * {@link #PARK_NANOS} between polls, so an idle peer does not burn a core.
 *
 * <pre>
 * offset 0    request sequence (long; -1 = stop)
 * offset 64   response sequence (long), on its own cache line
 * offset 128  request bytes, then the response bytes at 128 + capacity
 * </pre>
 */
final class MappedChannel implements Channel {
    static final int SPIN = 20_000;
    static final long PARK_NANOS = 50_000;
    static final long STOP = -1;
    private static final long REQUEST_SEQ = 0;
    private static final long RESPONSE_SEQ = 64;
    private static final long PAYLOAD = 128;
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

    static long fileSize(int capacity) {
        return PAYLOAD + 2L * capacity;
    }

    /** Maps {@code file} (created and sized by the caller) for a channel to a started peer. */
    static MappedChannel open(Path file, int capacity, AutoCloseable peer, BooleanSupplier peerAlive)
            throws IOException {
        Arena arena = Arena.ofShared();
        return new MappedChannel(arena, map(file, capacity, arena), capacity, peer, peerAlive);
    }

    static MemorySegment map(Path file, int capacity, Arena arena) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return channel.map(FileChannel.MapMode.READ_WRITE, 0, fileSize(capacity), arena);
        }
    }

    @Override
    public long roundTrip(byte[] message) throws IOException {
        int length = message.length;
        MemorySegment.copy(message, 0, shared, ValueLayout.JAVA_BYTE, PAYLOAD, length);
        long seq = ++sequence;
        SEQ.setRelease(shared, REQUEST_SEQ, seq);
        await(shared, RESPONSE_SEQ, seq, peerAlive);
        MemorySegment.copy(shared, ValueLayout.JAVA_BYTE, PAYLOAD + capacity, buffer, 0, length);
        return Channel.checksum(buffer, length);
    }

    /** Waits until the sequence at {@code offset} is {@code expected} or STOP; returns what it read. */
    static long await(MemorySegment shared, long offset, long expected, BooleanSupplier otherAlive)
            throws IOException {
        int polls = 0;
        while (true) {
            long seen = (long) SEQ.getAcquire(shared, offset);
            if (seen == expected || seen == STOP) {
                return seen;
            }
            if (++polls < SPIN) {
                Thread.onSpinWait();
            } else {
                if (!otherAlive.getAsBoolean()) {
                    throw new IOException("the other side of the shared file is gone");
                }
                LockSupport.parkNanos(PARK_NANOS);
            }
        }
    }

    /** The peer's side: echoes each request of {@code length} bytes until it reads STOP. */
    static void echo(MemorySegment shared, int capacity, int length, BooleanSupplier parentAlive) throws IOException {
        long seq = 0;
        while (true) {
            long next = await(shared, REQUEST_SEQ, seq + 1, parentAlive);
            if (next == STOP) {
                return;
            }
            MemorySegment.copy(shared, PAYLOAD, shared, PAYLOAD + capacity, length);
            seq = next;
            SEQ.setRelease(shared, RESPONSE_SEQ, seq);
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
