package racebench.ipc;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A conversation over a pair of byte streams, each message a length-prefixed frame: piped
 * streams or a java.nio Pipe between threads, a child's stdin/stdout or a Unix-domain socket
 * between processes. The bytes are copied through the kernel (or a buffer) both ways.
 */
final class StreamChannel implements Channel {
    private final DataOutputStream out;
    private final DataInputStream in;
    private final AutoCloseable peer;
    private byte[] buffer = new byte[0];

    /**
     * @param toPeer   the stream the peer reads
     * @param fromPeer the stream the peer writes its echo to
     * @param peer     stopped on close, after the streams (a thread joined, a process reaped)
     */
    StreamChannel(OutputStream toPeer, InputStream fromPeer, AutoCloseable peer) {
        this.out = new DataOutputStream(new BufferedOutputStream(toPeer, 1 << 13));
        this.in = new DataInputStream(new BufferedInputStream(fromPeer, 1 << 13));
        this.peer = peer;
    }

    @Override
    public long roundTrip(byte[] message) throws IOException {
        write(out, message, message.length);
        int length = in.readInt();
        if (buffer.length < length) {
            buffer = new byte[length];
        }
        in.readFully(buffer, 0, length);
        return Channel.checksum(buffer, length);
    }

    static void write(DataOutputStream out, byte[] message, int length) throws IOException {
        out.writeInt(length);
        out.write(message, 0, length);
        out.flush();
    }

    /** The peer's side: echoes frames until the stream ends. */
    static void echo(InputStream from, OutputStream to) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(from, 1 << 13));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(to, 1 << 13));
        byte[] buffer = new byte[0];
        while (true) {
            int length;
            try {
                length = in.readInt();
            } catch (java.io.EOFException e) {
                return;
            }
            if (length < 0 || length > Transport.MAX_BYTES) {
                throw new IOException("bad frame length " + length);
            }
            if (buffer.length < length) {
                buffer = new byte[length];
            }
            in.readFully(buffer, 0, length);
            write(out, buffer, length);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // the peer is stopped below either way
        }
        try {
            peer.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the echo peer: " + e.getMessage(), e);
        } finally {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing left to read
            }
        }
    }
}
