package racebench.ipc;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import racebench.process.NoLeftoverProcesses;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every transport echoes every message intact, carries bursts one way, and leaves no peer behind.
 * The mapped file's wait has no deadline of its own (it gives up only when the peer is gone), so a
 * lost message would hang the requester: the time limit turns that into a failure.
 */
@Tag("e2e")
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TransportTest {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void echoesSmallAndPageSizedMessagesAndStopsItsPeer(Transport transport) throws Exception {
        for (int bytes : new int[] {8, 4096}) {
            byte[] message = new byte[bytes];
            Arrays.fill(message, (byte) 3);
            message[bytes - 1] = 99;
            try (Channel channel = transport.open(bytes)) {
                for (int i = 0; i < 2_000; i++) {
                    message[0] = (byte) i;
                    assertEquals(Channel.checksum(message, bytes), channel.roundTrip(message), transport + " trip " + i);
                }
            }
        }
        NoLeftoverProcesses.check();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void carriesBurstsOfEverySizeOneWayAndEchoesOnlyTheLast(Transport transport) throws Exception {
        for (int bytes : new int[] {8, 4096}) {
            byte[] message = new byte[bytes];
            Arrays.fill(message, (byte) 5);
            try (Channel channel = transport.open(bytes)) {
                for (int i = 0; i < 3 * Channel.MAX_BURST; i++) {
                    int count = 1 + i % Channel.MAX_BURST;   // every burst size, and the ring wraps many times
                    message[0] = (byte) i;
                    message[bytes - 1] = (byte) count;
                    assertEquals(Channel.checksum(message, bytes), channel.send(message, count),
                            transport + " burst " + i + " of " + count);
                }
                assertThrows(IllegalArgumentException.class, () -> channel.send(message, Channel.MAX_BURST + 1));
                assertEquals(Channel.checksum(message, bytes), channel.roundTrip(message), "still usable");
            }
        }
        NoLeftoverProcesses.check();
    }
}
