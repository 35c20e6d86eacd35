package racebench.ipc;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The frame protocol on its own, without a peer thread: what goes out, and a peer that lost a message. */
class StreamChannelTest {

    @Test
    void aBurstIsFramesWithTheEchoBitOnTheLastOnly() throws Exception {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        byte[] message = {1, 2, 3};
        Channel channel = new StreamChannel(sent, new ByteArrayInputStream(answer(3, message)), () -> { });
        assertEquals(Channel.checksum(message, 3), channel.send(message, 3));
        // read before close(): a frame still in a buffer would reach the peer only when the channel closes
        DataInputStream frames = new DataInputStream(new ByteArrayInputStream(sent.toByteArray()));
        for (int i = 1; i <= 3; i++) {
            int header = frames.readInt();
            assertEquals(3, header & ~StreamChannel.ECHO);
            assertEquals(i == 3, (header & StreamChannel.ECHO) != 0, "echo bit on frame " + i);
            frames.readFully(new byte[3]);
        }
        assertEquals(0, frames.available());
        channel.close();
    }

    @Test
    void aPeerThatTookFewerMessagesThanSentIsAnError() {
        byte[] message = {1, 2, 3};
        Channel channel = new StreamChannel(new ByteArrayOutputStream(), new ByteArrayInputStream(answer(3, message)),
                () -> { });
        IOException e = assertThrows(IOException.class, () -> channel.send(message, 4));
        assertTrue(e.getMessage().contains("took 3 of the 4"), e.getMessage());
    }

    @Test
    void thePeerAnswersOnlyTheFramesThatAskAndCountsWhatItTook() throws IOException {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(frames);
        for (int i = 1; i <= 5; i++) {
            out.writeInt(1 | (i == 2 || i == 5 ? StreamChannel.ECHO : 0));
            out.write(i);
        }
        ByteArrayOutputStream answers = new ByteArrayOutputStream();
        StreamChannel.echo(new ByteArrayInputStream(frames.toByteArray()), answers);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(answers.toByteArray()));
        assertEquals(2, in.readInt(), "took frames 1 and 2");
        assertEquals(1, in.readInt());
        assertEquals(2, in.read());
        assertEquals(3, in.readInt(), "took frames 3, 4 and 5");
        assertEquals(1, in.readInt());
        assertEquals(5, in.read());
        assertEquals(0, in.available());
    }

    /** What a peer sends back: how many frames it took, then the echo frame. */
    private static byte[] answer(int taken, byte[] echo) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(taken);
            out.writeInt(echo.length);
            out.write(echo);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
