package racebench.ipc;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/**
 * Two threads talking over a pair of {@link BlockingQueue}s: the peer takes each message from
 * one and, for the last of a burst, puts it on the other. Between threads a message is a
 * reference, so its size does not matter; the cost is the hand-off (a park and an unpark
 * when the taker is waiting).
 */
final class QueueChannel implements Channel {
    private static final byte[] STOP = new byte[0];
    private static final byte[] MISCOUNT = new byte[0];
    private final BlockingQueue<Object> requests;
    private final BlockingQueue<byte[]> responses;
    private final Thread peer;

    /** The last message of a burst, and how many the burst had, so the peer can check it took them all. */
    private record Last(byte[] message, int count) {
    }

    @SuppressWarnings("unchecked")
    QueueChannel(Supplier<BlockingQueue<?>> queues) {
        this.requests = (BlockingQueue<Object>) queues.get();
        this.responses = (BlockingQueue<byte[]>) queues.get();
        this.peer = Thread.ofPlatform().daemon().name("racebench-ipc-echo").start(this::serve);
    }

    private void serve() {
        try {
            int taken = 0;
            while (true) {
                Object request = requests.take();
                if (request == STOP) {
                    return;
                }
                taken++;
                if (request instanceof Last last) {
                    responses.put(taken == last.count() ? last.message() : MISCOUNT);
                    taken = 0;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public long send(byte[] message, int count) throws InterruptedException, IOException {
        Channel.checkBurst(count);
        for (int i = 1; i < count; i++) {
            requests.put(message);
        }
        requests.put(new Last(message, count));
        byte[] echo = responses.take();
        if (echo == MISCOUNT) {
            throw new IOException("the peer took another number of messages than the " + count + " sent");
        }
        return Channel.checksum(echo, echo.length);
    }

    @Override
    public void close() {
        try {
            requests.put(STOP);
            peer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            peer.interrupt();
        }
    }
}
