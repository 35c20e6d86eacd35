package racebench.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import racebench.process.Children;
import racebench.process.WorkerLauncher;

/**
 * A demo's child JVM running {@link DemoChild} in one role. Its stderr carries what the
 * seed's child prints: a relay thread copies each line to the demo's output as it comes and
 * keeps it for the summary. Its stdout and stdin carry the role's data as text lines. It is
 * started through {@link Children} (so Ctrl-C kills it) and {@link #close()} reaps it.
 */
final class ChildJvm implements AutoCloseable {
    private static final long GRACE_MILLIS = 1_000;

    private final Process process;
    private final Thread relay;
    private final List<String> printed = Collections.synchronizedList(new ArrayList<>());

    private ChildJvm(Process process, PrintWriter out) {
        this.process = process;
        this.relay = Thread.ofPlatform().daemon().name("demo-child-" + process.pid() + "-stderr")
                .start(() -> relay(out));
    }

    /** Starts {@code DemoChild role args...} on this JVM's JDK and class path; never through a shell. */
    static ChildJvm start(PrintWriter out, DemoChild.Role role, String... args) throws IOException {
        return new ChildJvm(Children.start(new ProcessBuilder(command(role, args))), out);
    }

    /**
     * Starts a writer and a reader (commands from {@link #command}) joined by an OS pipe, the writer's stdout into the
     * reader's stdin, which this JVM never reads or writes.
     */
    static List<ChildJvm> pipeline(PrintWriter out, List<String> writer, List<String> reader) throws IOException {
        List<Process> both = Children.startPipeline(List.of(new ProcessBuilder(writer), new ProcessBuilder(reader)));
        List<ChildJvm> children = new ArrayList<>();
        for (Process p : both) {
            children.add(new ChildJvm(p, out));
        }
        return children;
    }

    static List<String> command(DemoChild.Role role, String... args) {
        List<String> roleAndArgs = new ArrayList<>();
        roleAndArgs.add(role.name());
        roleAndArgs.addAll(List.of(args));
        return command(roleAndArgs);
    }

    private static List<String> command(List<String> roleAndArgs) {
        return WorkerLauncher.defaults().command(DemoChild.class, roleAndArgs);
    }

    long pid() {
        return process.pid();
    }

    /** The child's stdin, for text lines; closing it is the end of the queue. */
    Writer stdin() {
        return new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    BufferedReader stdout() {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Waits for the child to exit on its own (the tutorials' join) and for its last lines;
     * returns its exit code, or -1 if it had not exited within the time (close() kills it).
     */
    int join(long timeoutMillis) throws InterruptedException {
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            return -1;
        }
        relay.join(GRACE_MILLIS);
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Every line the child printed so far, in order. */
    List<String> printed() {
        synchronized (printed) {
            return List.copyOf(printed);
        }
    }

    @Override
    public void close() {
        Children.reap(process, GRACE_MILLIS);
        try {
            relay.join(GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void relay(PrintWriter out) {
        try (BufferedReader err = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = err.readLine()) != null; ) {
                printed.add(line);
                out.println(line);
                out.flush();
            }
        } catch (IOException e) {
            // the child is gone; its exit code tells how
        }
    }
}
