package racebench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import racebench.workload.TaskFault;
import racebench.workload.TaskSpec;
import racebench.workload.Workload;

class FramesTest {

    @Test
    void requestsAndResponsesRoundTrip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        TaskSpec spec = new TaskSpec(7, Workload.MIXED, 123_456_789L, 4096, TaskFault.CRASH_WORKER_FOR_TEST);
        Frames.writeReady(out, 4242);
        Frames.writeRequest(out, 3, spec);
        Frames.writeResponse(out, Frames.Response.success(3, -1L));
        Frames.writeResponse(out, Frames.Response.failure(4, "boom \u00e9"));

        DataInputStream in = input(bytes.toByteArray());
        assertEquals(4242, Frames.readReady(in));
        assertEquals(new Frames.Request(3, spec), Frames.readRequest(in));
        assertEquals(Frames.Response.success(3, -1L), Frames.readResponse(in));
        assertEquals(Frames.Response.failure(4, "boom \u00e9"), Frames.readResponse(in));
        assertNull(Frames.readResponse(in), "clean end of stream");
    }

    @Test
    void strayOutputIsAProtocolErrorNotAResult() {
        DataInputStream in = input("Hello from a stray println\n".getBytes(StandardCharsets.UTF_8));
        IOException e = assertThrows(IOException.class, () -> Frames.readResponse(in));
        assertTrue(e.getMessage().contains("bad frame length"), e.getMessage());
    }

    @Test
    void wrongMagicIsNotAWorker() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(13);
        out.writeByte(1);
        out.writeInt(0xCAFEBABE);
        out.writeLong(1);
        assertThrows(IOException.class, () -> Frames.readReady(input(bytes.toByteArray())));
    }

    @Test
    void truncatedFrameAndEarlyEndAreErrors() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Frames.writeResponse(new DataOutputStream(bytes), Frames.Response.success(1, 2));
        byte[] cut = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() - 3);
        assertThrows(EOFException.class, () -> Frames.readResponse(input(cut)));
        assertThrows(EOFException.class, () -> Frames.readReady(input(new byte[0])));
    }

    private static DataInputStream input(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }
}
