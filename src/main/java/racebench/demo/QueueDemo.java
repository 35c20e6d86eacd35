package racebench.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The tutorials' Queue: a writer puts five products and sleeps 2 units, a reader gets them one
 * by one, sleeping 2 units after each. Across processes the queue is the writer's stdout
 * pipe, a relay thread in this JVM and the reader's stdin pipe (Python's Queue is a pipe
 * fed by a thread as well); between threads, a BlockingQueue. The tutorials' reader blocks for
 * ever and the parent leaves it; here the end of the queue is said, so the reader ends and
 * is joined: its stdin is closed, or an end marker is put.
 */
final class QueueDemo implements Demo {
    static final int PRODUCTS = 5;
    private static final String END = "end of queue"; // not a product name, so it cannot be mistaken for one

    @Override
    public void run(DemoOptions o, PrintWriter out) throws IOException, InterruptedException {
        long pause = o.nanos(2);
        long timeoutMillis = TimeUnit.MINUTES.toMillis(1) + TimeUnit.NANOSECONDS.toMillis(pause * (PRODUCTS + 1));
        out.printf("Processes: transport writer's stdout pipe -> relay thread in the main process (pid %d) "
                + "-> reader's stdin pipe%n", ProcessHandle.current().pid());
        out.flush();
        List<String> relayed = new ArrayList<>();
        List<String> received;
        long writerPid;
        long readerPid;
        try (ChildJvm writer = ChildJvm.start(out, DemoChild.Role.WRITER, Integer.toString(PRODUCTS), Long.toString(pause));
             ChildJvm reader = ChildJvm.start(out, DemoChild.Role.READER, Long.toString(pause), "false")) {
            writerPid = writer.pid();
            readerPid = reader.pid();
            try (BufferedReader from = writer.stdout(); Writer to = reader.stdin()) {
                for (String product; (product = from.readLine()) != null; ) {
                    relayed.add(product);
                    to.write(product + "\n");
                    to.flush();
                }
            } // closing the reader's stdin is the end of the queue
            expectExit(writer, "writer", timeoutMillis);
            out.println("Main process: writer joined");
            out.flush();
            expectExit(reader, "reader", timeoutMillis);
            received = reader.printed().stream().filter(l -> l.startsWith("got ")).map(l -> l.substring(4)).toList();
        }
        out.println("Main process done");

        out.println("Threads: a BlockingQueue between a writer thread and a reader thread");
        out.flush();
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        List<String> taken = new ArrayList<>();
        Thread writer = Thread.ofPlatform().name("writer").start(() -> {
            say(out, "writer thread started");
            try {
                for (int i = 0; i < PRODUCTS; i++) {
                    queue.put("product" + i);
                }
                TimeUnit.NANOSECONDS.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
            say(out, "writer thread done");
        });
        Thread reader = Thread.ofPlatform().name("reader").start(() -> {
            say(out, "reader thread started");
            try {
                for (String value; !(value = queue.take()).equals(END); ) {
                    taken.add(value);
                    say(out, "got " + value);
                    TimeUnit.NANOSECONDS.sleep(pause);
                }
            } catch (InterruptedException e) {
                return;
            }
            say(out, "reader thread done: end of queue");
        });
        writer.join();
        queue.put(END);
        reader.join();
        out.println("Main thread done");
        out.printf("showed: of %d products a writer process (pid %d) put, a reader process (pid %d) got %s %s; "
                        + "between threads, over a BlockingQueue, the reader got %s %s%n",
                relayed.size(), writerPid, readerPid, inOrder(received), received, inOrder(taken), taken);
    }

    private static String inOrder(List<String> got) {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            expected.add("product" + i);
        }
        return got.equals(expected) ? "all, in order" : "NOT all in order";
    }

    private static void expectExit(ChildJvm child, String role, long timeoutMillis) throws IOException, InterruptedException {
        int exit = child.join(timeoutMillis);
        if (exit != 0) {
            throw new IOException(role + " process " + child.pid() + " ended with exit code " + exit);
        }
    }

    private static void say(PrintWriter out, String line) {
        out.println(line);
        out.flush();
    }
}
