package racebench.ipc;

import racebench.process.OrphanGuard;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * The peer in a JVM of its own, for the cross-process {@link Transport}s:
 * <pre>
 * EchoMain stdio                      frames on stdin, answers on stdout, ends at EOF
 * EchoMain unix SOCKET_PATH           the same over a Unix-domain socket it connects to
 * EchoMain mapped FILE CAPACITY       the shared-file ring, ends at STOP
 * </pre>
 * Nothing else is written to stdout; the JVM's own output goes to stderr.
 */
public final class EchoMain {
    private EchoMain() {
    }

    public static void main(String[] args) throws Exception {
        OrphanGuard.start();   // the mapped peer reads no pipe, so it would not see its parent die
        switch (args[0]) {
            case "stdio" -> StreamChannel.echo(new FileInputStream(FileDescriptor.in),
                    new FileOutputStream(FileDescriptor.out));
            case "unix" -> {
                try (SocketChannel socket = SocketChannel.open(UnixDomainSocketAddress.of(args[1]))) {
                    StreamChannel.echo(Channels.newInputStream(socket), Channels.newOutputStream(socket));
                }
            }
            case "mapped" -> {
                int capacity = Integer.parseInt(args[2]);
                try (Arena arena = Arena.ofShared()) {
                    MemorySegment shared = MappedChannel.map(Path.of(args[1]), capacity, arena);
                    MappedChannel.echo(shared, capacity, () -> true);
                }
            }
            default -> throw new IllegalArgumentException("unknown echo mode " + args[0]);
        }
    }
}
