package racebench.ipc;

import racebench.process.Children;
import racebench.process.PrivateFiles;
import racebench.process.WorkerLauncher;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * The ways two parties can pass a message, as the tutorials' Queue and Pipe do between processes:
 * six between two threads of one JVM and three between two JVMs. Each opens a
 * {@link Channel} to an echo peer of its own; closing the channel stops the peer (a process
 * is reaped).
 */
public enum Transport {
    ARRAY_BLOCKING_QUEUE(false) {
        @Override
        Channel start(int bytes) {
            return new QueueChannel(() -> new ArrayBlockingQueue<>(Channel.MAX_BURST));
        }
    },
    LINKED_BLOCKING_QUEUE(false) {
        @Override
        Channel start(int bytes) {
            return new QueueChannel(LinkedBlockingQueue::new);
        }
    },
    LINKED_TRANSFER_QUEUE(false) {
        @Override
        Channel start(int bytes) {
            return new QueueChannel(LinkedTransferQueue::new);
        }
    },
    SYNCHRONOUS_QUEUE(false) {
        @Override
        Channel start(int bytes) {
            return new QueueChannel(SynchronousQueue::new);
        }
    },
    /** java.io's PipedInputStream/PipedOutputStream, the thread-to-thread pipe. */
    PIPED_STREAMS(false) {
        @Override
        Channel start(int bytes) throws IOException {
            PipedOutputStream toPeer = new PipedOutputStream();
            PipedInputStream peerIn = new PipedInputStream(toPeer, BUFFER);
            PipedOutputStream peerOut = new PipedOutputStream();
            PipedInputStream fromPeer = new PipedInputStream(peerOut, BUFFER);
            return new StreamChannel(toPeer, fromPeer, echoThread(peerIn, peerOut));
        }
    },
    /** java.nio.channels.Pipe: a kernel pipe inside one JVM. */
    NIO_PIPE(false) {
        @Override
        Channel start(int bytes) throws IOException {
            Pipe there = Pipe.open();
            Pipe back = Pipe.open();
            return new StreamChannel(Channels.newOutputStream(there.sink()), Channels.newInputStream(back.source()),
                    echoThread(Channels.newInputStream(there.source()), Channels.newOutputStream(back.sink())));
        }
    },
    /** A child JVM's stdin and stdout: how racebench's process pool talks to its workers. */
    PROCESS_PIPES(true) {
        @Override
        Channel start(int bytes) throws IOException {
            Process child = echoProcess(List.of("stdio"));
            return new StreamChannel(child.getOutputStream(), child.getInputStream(), reaper(child, null));
        }
    },
    /** A Unix-domain socket in a private (0700) directory: no port, no network stack. */
    UNIX_SOCKET(true) {
        @Override
        Channel start(int bytes) throws IOException {
            Path dir = PrivateFiles.temporaryDir("racebench-ipc-");
            Path path = dir.resolve("echo.sock");
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(path));
                Process child = echoProcess(List.of("unix", path.toString()));
                SocketChannel socket = accept(server, child);
                return new StreamChannel(Channels.newOutputStream(socket), Channels.newInputStream(socket),
                        () -> {
                            socket.close();
                            reaper(child, dir).close();
                        });
            }
        }
    },
    /** A memory-mapped file in a private directory: a ring of slots, with a spin-then-park hand-off. */
    MAPPED_FILE(true) {
        @Override
        Channel start(int bytes) throws IOException {
            Path dir = PrivateFiles.temporaryDir("racebench-ipc-");
            Path file = dir.resolve("shared");
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(MappedChannel.fileSize(bytes));
            }
            Process child = echoProcess(List.of("mapped", file.toString(), Integer.toString(bytes)));
            AutoCloseable reaper = reaper(child, dir);
            try {
                return MappedChannel.open(file, bytes, reaper, child::isAlive);
            } catch (IOException | RuntimeException e) { // the file could not be mapped: no peer may be left behind
                closeQuietly(reaper, e);
                throw e;
            }
        }
    };

    /** The largest message a channel carries. */
    public static final int MAX_BYTES = 1 << 16;
    private static final int BUFFER = 1 << 13;

    private final boolean crossProcess;

    Transport(boolean crossProcess) {
        this.crossProcess = crossProcess;
    }

    /** Whether the peer is another process (else another thread of this JVM). */
    public boolean crossProcess() {
        return crossProcess;
    }

    /** Starts an echo peer for messages of {@code bytes} bytes and returns the channel to it. */
    public Channel open(int bytes) {
        if (bytes < 1 || bytes > MAX_BYTES) {
            throw new IllegalArgumentException("message size must be 1.." + MAX_BYTES + " bytes, got " + bytes);
        }
        try {
            return start(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open " + this + ": " + e.getMessage(), e);
        }
    }

    abstract Channel start(int bytes) throws IOException;

    private static AutoCloseable echoThread(java.io.InputStream in, java.io.OutputStream out) {
        Thread peer = Thread.ofPlatform().daemon().name("racebench-ipc-echo").start(() -> {
            try (in; out) {
                StreamChannel.echo(in, out);
            } catch (IOException e) {
                // the requester closed its end mid-message: nothing to echo to
            }
        });
        return () -> peer.join(5_000);
    }

    private static Process echoProcess(List<String> args) throws IOException {
        List<String> command = WorkerLauncher.defaults().command(EchoMain.class, args);
        return Children.start(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT));
    }

    private static void closeQuietly(AutoCloseable c, Exception cause) {
        try {
            c.close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }

    /** Stops a peer process: its input closes (it ends at EOF), then it is reaped, then its files go. */
    private static AutoCloseable reaper(Process child, Path dir) {
        return () -> {
            try {
                child.getOutputStream().close();
                child.waitFor(2, TimeUnit.SECONDS);
            } finally {
                Children.reap(child, 1_000);
                if (dir != null) {
                    PrivateFiles.delete(dir);
                }
            }
        };
    }

    private static SocketChannel accept(ServerSocketChannel server, Process child) throws IOException {
        server.configureBlocking(false);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            SocketChannel socket = server.accept();
            if (socket != null) {
                socket.configureBlocking(true);
                return socket;
            }
            if (!child.isAlive()) {
                throw new IOException("the echo process exited with " + child.exitValue() + " before it connected");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the echo process", e);
            }
        }
        Children.reap(child, 1_000);
        throw new IOException("the echo process did not connect within 30 s");
    }
}
