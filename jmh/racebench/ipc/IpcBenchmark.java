package racebench.ipc;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import racebench.process.OrphanGuard;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Messages to a peer over each {@link Transport}: between two threads over each kind of queue
 * and pipe, and between two JVMs over stdin/stdout pipes, a Unix-domain socket and a
 * memory-mapped file. Messages are 8 bytes (a number) or 4 KiB (a page); between threads a
 * queue passes a reference, so only the pipes copy.
 * <ul>
 * <li>{@link #roundTrip}: one message there and its echo back, the latency. Expect tens of
 * microseconds where a side has to be woken (a park and an unpark, a pipe read), well under
 * one where both sides spin (the mapped file).</li>
 * <li>{@link #oneWay}: bursts of {@value Channel#MAX_BURST} messages sent without waiting, the
 * peer echoing only the last; the time per message, the throughput's inverse. The sender no
 * longer waits for the peer between messages, so the two sides overlap.</li>
 * </ul>
 *
 * <p>Run just this: {@code ./racebench bench --include IpcBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 6, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class IpcBenchmark {

    @Param
    public Transport transport;

    @Param({"8", "4096"})
    public int bytes;

    private Channel channel;
    private byte[] message;

    @Setup(Level.Trial)
    public void open() {
        OrphanGuard.start(); // a killed racebench must not leave this fork measuring
        message = new byte[bytes];
        Arrays.fill(message, (byte) 7);
        message[bytes - 1] = 42;
        channel = transport.open(bytes);
    }

    @TearDown(Level.Trial)
    public void close() {
        channel.close();
    }

    @Benchmark
    public long roundTrip() throws Exception {
        return channel.roundTrip(message);
    }

    @Benchmark
    @OperationsPerInvocation(Channel.MAX_BURST)
    public long oneWay() throws Exception {
        return channel.send(message, Channel.MAX_BURST);
    }
}
