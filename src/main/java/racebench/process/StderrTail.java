package racebench.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a child's stderr on a daemon thread, so the child never blocks on a full pipe,
 * and keeps only the last {@code capacity} bytes: enough to say why a worker crashed.
 */
public final class StderrTail {
    public static final int DEFAULT_CAPACITY = 4096;

    private final byte[] ring;
    private long written;
    private final Thread drainer;

    private StderrTail(int capacity, InputStream in, String name) {
        this.ring = new byte[capacity];
        this.drainer = Thread.ofPlatform().daemon().name(name).unstarted(() -> drain(in));
    }

    public static StderrTail start(InputStream in, String name) {
        return start(in, name, DEFAULT_CAPACITY);
    }

    public static StderrTail start(InputStream in, String name, int capacity) {
        StderrTail tail = new StderrTail(capacity, in, name);
        tail.drainer.start();
        return tail;
    }

    private void drain(InputStream in) {
        byte[] buf = new byte[1024];
        try (in) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                append(buf, n);
            }
        } catch (IOException e) {
            // the child is gone; what we have is the tail
        }
    }

    private synchronized void append(byte[] buf, int n) {
        for (int i = 0; i < n; i++) {
            ring[(int) (written++ % ring.length)] = buf[i];
        }
    }

    /** Waits up to {@code millis} for the child to close stderr, so a crash's last words are in. */
    public void awaitEnd(long millis) throws InterruptedException {
        drainer.join(millis);
    }

    /** The last bytes written, decoded as UTF-8 (a cut multi-byte character shows as U+FFFD). */
    public synchronized String tail() {
        int size = (int) Math.min(written, ring.length);
        byte[] out = new byte[size];
        int start = (int) ((written - size) % ring.length);
        for (int i = 0; i < size; i++) {
            out[i] = ring[(start + i) % ring.length];
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
