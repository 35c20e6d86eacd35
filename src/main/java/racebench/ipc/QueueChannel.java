package racebench.ipc;

import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/**
 * Two threads talking over a pair of {@link BlockingQueue}s: the peer takes a message from
 * one and puts it on the other. Between threads a message is a reference, so its size does
 * not matter; the cost is the hand-off (a park and an unpark when the taker is waiting).
 */
final class QueueChannel implements Channel {
    private static final byte[] STOP = new byte[0];
    private final BlockingQueue<byte[]> requests;
    private final BlockingQueue<byte[]> responses;
    private final Thread peer;

    QueueChannel(Supplier<BlockingQueue<byte[]>> queues) {
        this.requests = queues.get();
        this.responses = queues.get();
        this.peer = Thread.ofPlatform().daemon().name("racebench-ipc-echo").start(this::echo);
    }

    private void echo() {
        try {
            while (true) {
                byte[] message = requests.take();
                if (message == STOP) {
                    return;
                }
                responses.put(message);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public long roundTrip(byte[] message) throws InterruptedException {
        requests.put(message);
        byte[] echo = responses.take();
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
