package racebench.ipc;

/**
 * One end of a conversation with a peer (a thread or a process) over one {@link Transport}.
 * Messages go one way; the peer takes each and echoes only the last of a burst, which is how
 * the requester learns that the whole burst arrived. A burst of one is a round trip.
 */
public interface Channel extends AutoCloseable {

    /** The longest burst {@link #send} takes: the mapped file's ring has this many slots. */
    int MAX_BURST = 64;

    /**
     * Sends {@code message} {@code count} times, one message after another without waiting,
     * and waits for the peer's echo of the last one, which the peer sends only once it has
     * taken all {@code count}.
     *
     * @return a checksum of the echo (its length and first and last byte), so the messages
     *         cannot be optimised away and a wrong echo shows
     * @throws java.io.IOException if the peer took another number of messages, or is gone
     */
    long send(byte[] message, int count) throws Exception;

    /** One message there and its echo back. */
    default long roundTrip(byte[] message) throws Exception {
        return send(message, 1);
    }

    /** Stops the peer and waits for it: a thread joined, a process reaped. */
    @Override
    void close();

    /** What {@link #send} returns for a correct echo of {@code message}. */
    static long checksum(byte[] message, int length) {
        return length == 0 ? 0 : ((long) length << 16) ^ (message[0] << 8) ^ (message[length - 1] & 0xff);
    }

    static void checkBurst(int count) {
        if (count < 1 || count > MAX_BURST) {
            throw new IllegalArgumentException("a burst is 1.." + MAX_BURST + " messages, got " + count);
        }
    }
}
