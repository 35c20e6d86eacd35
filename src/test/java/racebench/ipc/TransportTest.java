package racebench.ipc;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import racebench.process.NoLeftoverProcesses;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every transport echoes every message intact, many times, and leaves no peer behind. */
@Tag("e2e")
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
}
