package racebench.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The main of a demo's child JVM, one {@link Role} per seed function that runs in a child
 * process. What the tutorials' child prints goes to stderr, which the parent relays line by
 * line; the role's data goes over stdout and stdin as plain text lines, never serialized
 * objects. Java has no fork(): this is a fresh JVM, so nothing of the parent's memory is here.
 */
public final class DemoChild {
    /** The child roles; the parent passes the name, so both sides share this one list. */
    enum Role {
        /** args: file name, units, unit nanos. The tutorials' download_task. */
        DOWNLOAD,
        /** args: word, sleep nanos. The tutorials' sub_task: print while its own counter is below 10. */
        COUNTER,
        /** args: products, sleep nanos. Puts the products on stdout, one a line, then sleeps. */
        WRITER,
        /** args: sleep nanos, announce (true: say so before each get, as the tutorials' Pipe reader). */
        READER,
        /** no args. The tutorials' worker(conn): prints what it receives until "exit". */
        PIPE_WORKER
    }

    static final int COUNTER_LIMIT = 10;
    static final String EXIT = "exit";

    private static int counter; // the tutorials' global: this JVM's own copy, starting at 0

    private DemoChild() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        racebench.process.OrphanGuard.start(); // a child sleeping ten units must not outlive a killed racebench
        Role role = Role.valueOf(args[0]);
        String[] a = Arrays.copyOfRange(args, 1, args.length);
        PrintStream say = System.err;
        long pid = ProcessHandle.current().pid();
        switch (role) {
            case DOWNLOAD -> {
                String file = a[0];
                int units = Integer.parseInt(a[1]);
                say.printf("Started download process, pid [%d].%n", pid);
                say.printf("Downloading %s...%n", file);
                TimeUnit.NANOSECONDS.sleep(units * Long.parseLong(a[2]));
                say.printf("%s downloaded! Took %d units.%n", file, units);
            }
            case COUNTER -> {
                String word = a[0];
                long sleep = Long.parseLong(a[1]);
                while (counter < COUNTER_LIMIT) {
                    counter += 1;
                    say.printf("%s  (process %d, its counter now %d)%n", word, pid, counter);
                    TimeUnit.NANOSECONDS.sleep(sleep);
                }
            }
            case WRITER -> {
                int products = Integer.parseInt(a[0]);
                say.printf("Child process 1 (writer, pid %d) started%n", pid);
                for (int i = 0; i < products; i++) {
                    System.out.println("product" + i);
                    System.out.flush();
                }
                TimeUnit.NANOSECONDS.sleep(Long.parseLong(a[1]));
                say.printf("Child process 1 (writer) done%n");
            }
            case READER -> {
                long sleep = Long.parseLong(a[0]);
                boolean announce = Boolean.parseBoolean(a[1]);
                say.printf("Child process 2 (reader, pid %d) started%n", pid);
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                while (true) {
                    if (announce) {
                        say.printf("Child process 2 getting data%n");
                    }
                    String value = in.readLine();
                    if (value == null) {
                        break; // the writer's end closed: where the tutorials' reader blocks for ever
                    }
                    say.println("got " + value);
                    TimeUnit.NANOSECONDS.sleep(sleep);
                }
                say.printf("Child process 2 (reader) done: end of stream%n");
            }
            case PIPE_WORKER -> {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String msg; (msg = in.readLine()) != null; ) {
                    if (msg.equals(EXIT)) {
                        say.printf("Worker (pid %d) received \"%s\": stopping%n", pid, EXIT);
                        return;
                    }
                    say.println("Worker received: " + msg);
                }
                say.printf("Worker (pid %d): end of stream before \"%s\"%n", pid, EXIT);
                System.exit(1);
            }
        }
    }
}
