package racebench.process;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import racebench.workload.TaskFault;
import racebench.workload.TaskSpec;
import racebench.workload.Workload;

/**
 * The pipe protocol between the parent and a worker JVM: length-prefixed binary frames on
 * stdin/stdout, written with DataOutputStream, never Java serialization.
 *
 * <pre>
 * frame    := length:int (of what follows, 1..MAX_FRAME) type:byte payload
 * READY    := magic:int pid:long                                   worker, once, at start
 * REQUEST  := index:int taskIndex:int workload:byte fault:byte sleepNanos:long cpuSize:int
 * OK       := index:int checksum:long
 * ERROR    := index:int message:UTF
 * </pre>
 *
 * {@code index} is the task's position in the batch, echoed in its response. A worker
 * exits on end of stdin. Anything else on stdout (a stray println) breaks the length or
 * magic check and is reported as a protocol error, not misread as a result.
 */
public final class Frames {
    public static final int MAGIC = 0x52424E31; // "RBN1"
    public static final int MAX_FRAME = 1 << 16;
    static final byte READY = 1;
    static final byte REQUEST = 2;
    static final byte OK = 3;
    static final byte ERROR = 4;
    private static final int MAX_MESSAGE_CHARS = 8_000;
    private static final Workload[] WORKLOADS = Workload.values();
    private static final TaskFault[] FAULTS = TaskFault.values();

    public record Request(int index, TaskSpec spec) {
    }

    /** A task's outcome: a checksum when ok, else the worker's description of the failure. */
    public record Response(int index, boolean ok, long checksum, String error) {
        public static Response success(int index, long checksum) {
            return new Response(index, true, checksum, null);
        }

        public static Response failure(int index, String error) {
            return new Response(index, false, 0, error);
        }
    }

    private Frames() {
    }

    public static void writeReady(DataOutputStream out, long pid) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(16);
        DataOutputStream d = new DataOutputStream(buf);
        d.writeInt(MAGIC);
        d.writeLong(pid);
        frame(out, READY, buf);
    }

    /** The worker's pid; EOFException if the worker died before saying it was ready. */
    public static long readReady(DataInputStream in) throws IOException {
        DataInputStream d = payload(in, READY);
        if (d == null) {
            throw new EOFException("worker closed stdout before it was ready");
        }
        int magic = d.readInt();
        if (magic != MAGIC) {
            throw new IOException("not a racebench worker: bad magic 0x" + Integer.toHexString(magic));
        }
        return d.readLong();
    }

    public static void writeRequest(DataOutputStream out, int index, TaskSpec spec) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(32);
        DataOutputStream d = new DataOutputStream(buf);
        d.writeInt(index);
        d.writeInt(spec.index());
        d.writeByte(spec.workload().ordinal());
        d.writeByte(spec.fault().ordinal());
        d.writeLong(spec.sleepNanos());
        d.writeInt(spec.cpuSize());
        frame(out, REQUEST, buf);
    }

    /** The next request, or null at end of stream (the parent closed the pool). */
    public static Request readRequest(DataInputStream in) throws IOException {
        DataInputStream d = payload(in, REQUEST);
        if (d == null) {
            return null;
        }
        int index = d.readInt();
        int taskIndex = d.readInt();
        Workload workload = WORKLOADS[checkOrdinal(d.readUnsignedByte(), WORKLOADS.length)];
        TaskFault fault = FAULTS[checkOrdinal(d.readUnsignedByte(), FAULTS.length)];
        long sleepNanos = d.readLong();
        int cpuSize = d.readInt();
        return new Request(index, new TaskSpec(taskIndex, workload, sleepNanos, cpuSize, fault));
    }

    public static void writeResponse(DataOutputStream out, Response response) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(32);
        DataOutputStream d = new DataOutputStream(buf);
        d.writeInt(response.index());
        if (response.ok()) {
            d.writeLong(response.checksum());
            frame(out, OK, buf);
        } else {
            String message = String.valueOf(response.error());
            d.writeUTF(message.length() > MAX_MESSAGE_CHARS ? message.substring(0, MAX_MESSAGE_CHARS) : message);
            frame(out, ERROR, buf);
        }
    }

    /** The next response, or null at end of stream (the worker exited or died). */
    public static Response readResponse(DataInputStream in) throws IOException {
        int[] type = new int[1];
        DataInputStream d = payload(in, type);
        if (d == null) {
            return null;
        }
        int index = d.readInt();
        return switch (type[0]) {
            case OK -> Response.success(index, d.readLong());
            case ERROR -> Response.failure(index, d.readUTF());
            default -> throw new IOException("unexpected frame type " + type[0] + " for a response");
        };
    }

    private static void frame(DataOutputStream out, byte type, ByteArrayOutputStream payload) throws IOException {
        out.writeInt(payload.size() + 1);
        out.writeByte(type);
        payload.writeTo(out);
    }

    private static DataInputStream payload(DataInputStream in, byte expected) throws IOException {
        int[] type = new int[1];
        DataInputStream d = payload(in, type);
        if (d != null && type[0] != expected) {
            throw new IOException("expected frame type " + expected + ", got " + type[0]);
        }
        return d;
    }

    private static DataInputStream payload(DataInputStream in, int[] typeOut) throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            return null;
        }
        int length = (b0 << 24) | (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
        if (length < 1 || length > MAX_FRAME) {
            throw new IOException("bad frame length " + length + " (0x" + Integer.toHexString(length)
                    + "): something other than the protocol wrote to the pipe");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        typeOut[0] = bytes[0];
        return new DataInputStream(new ByteArrayInputStream(bytes, 1, length - 1));
    }

    private static int checkOrdinal(int ordinal, int size) throws IOException {
        if (ordinal >= size) {
            throw new IOException("bad enum ordinal " + ordinal);
        }
        return ordinal;
    }
}
