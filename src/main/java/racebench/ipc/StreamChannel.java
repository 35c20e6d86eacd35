package racebench.ipc;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A conversation over a pair of byte streams, each message a frame: an int header (the length,
 * and a bit asking for the echo) and the bytes. Piped streams or a java.nio Pipe between
 * threads, a child's stdin/stdout or a Unix-domain socket between processes. Every message is
 * flushed on its own (one write each, as a sender that cannot batch would do); the peer
 * answers the last of a burst with how many frames it took and the echo of that frame.
 */
final class StreamChannel implements Channel {
    /** Set in a frame's header when the peer is to answer it. */
    static final int ECHO = 1 << 30;
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
    public long send(byte[] message, int count) throws IOException {
        Channel.checkBurst(count);
        for (int i = 1; i < count; i++) {
            write(out, 0, message, message.length);
        }
        write(out, ECHO, message, message.length);
        int taken = in.readInt();
        int length = in.readInt();
        if (taken != count) {
            throw new IOException("the peer took " + taken + " of the " + count + " messages sent");
        }
        if (length < 0 || length > Transport.MAX_BYTES) {
            throw new IOException("bad echo length " + length);
        }
        if (buffer.length < length) {
            buffer = new byte[length];
        }
        in.readFully(buffer, 0, length);
        return Channel.checksum(buffer, length);
    }

    private static void write(DataOutputStream out, int flags, byte[] message, int length) throws IOException {
        out.writeInt(length | flags);
        out.write(message, 0, length);
        out.flush();
    }

    /** The peer's side: takes frames until the stream ends, answering each one that asks for it. */
    static void echo(InputStream from, OutputStream to) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(from, 1 << 13));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(to, 1 << 13));
        byte[] buffer = new byte[0];
        int taken = 0;
        while (true) {
            int header;
            try {
                header = in.readInt();
            } catch (java.io.EOFException e) {
                return;
            }
            int length = header & ~ECHO;
            if (length < 0 || length > Transport.MAX_BYTES) {
                throw new IOException("bad frame header " + header);
            }
            if (buffer.length < length) {
                buffer = new byte[length];
            }
            in.readFully(buffer, 0, length);
            taken++;
            if ((header & ECHO) != 0) {
                out.writeInt(taken);
                write(out, 0, buffer, length);
                taken = 0;
            }
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
