package racebench.ipc;

/**
 * One end of a conversation with an echo peer (a thread or a process) over one
 * {@link Transport}: a message goes out, the same bytes come back.
 */
public interface Channel extends AutoCloseable {

    /**
     * Sends {@code message} and waits for the peer's echo of it.
     *
     * @return a checksum of the echo (its length and first and last byte), so the round trip
     *         cannot be optimised away and a wrong echo shows
     */
    long roundTrip(byte[] message) throws Exception;

    /** Stops the peer and waits for it: a thread joined, a process reaped. */
    @Override
    void close();

    /** What {@link #roundTrip} returns for a correct echo of {@code message}. */
    static long checksum(byte[] message, int length) {
        return length == 0 ? 0 : ((long) length << 16) ^ (message[0] << 8) ^ (message[length - 1] & 0xff);
    }
}
