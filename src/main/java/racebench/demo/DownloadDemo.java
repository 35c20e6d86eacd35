package racebench.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import racebench.workload.Workload;

/**
 * The tutorials' three download programs: two downloads of 5 to 10 units each (its
 * {@code randint(5, 10)} seconds), started together and joined, as a function in a child
 * process, a Runnable in a thread, or a Thread subclass. The total is about the longer
 * download, not their sum; children's pids differ from each other and ours, threads' equal it.
 */
final class DownloadDemo implements Demo {
    static final List<String> FILES = List.of("Python from Beginner to Hospital.pdf", "Peking Hot.avi");

    enum Variant { PROCESSES, THREADS, SUBCLASS }

    private final Variant variant;

    DownloadDemo(Variant variant) {
        this.variant = variant;
    }

    @Override
    public void run(DemoOptions o, PrintWriter out) throws IOException, InterruptedException {
        SplittableRandom random = o.random();
        int[] units = new int[FILES.size()];
        for (int i = 0; i < units.length; i++) {
            units[i] = random.nextInt(Workload.MIN_UNITS, Workload.MAX_UNITS + 1);
        }
        long parent = ProcessHandle.current().pid();
        out.printf("Main process, pid [%d]; one unit is %s.%n", parent, o.unitLabel());
        if (variant == Variant.PROCESSES) {
            out.println("Java has no fork(): each download runs in a new JVM started by ProcessBuilder "
                    + "(Python's 'spawn'), not in a copy of this one.");
        }
        out.flush();
        List<Long> pids = new ArrayList<>();
        long start = System.nanoTime();
        if (variant == Variant.PROCESSES) {
            List<ChildJvm> children = new ArrayList<>();
            try {
                for (int i = 0; i < FILES.size(); i++) {
                    children.add(ChildJvm.start(out, DemoChild.Role.DOWNLOAD,
                            FILES.get(i), Integer.toString(units[i]), Long.toString(o.nanos(1))));
                }
                for (ChildJvm child : children) {
                    int exit = child.join(TimeUnit.MINUTES.toMillis(1) + o.nanos(Workload.MAX_UNITS) / 1_000_000);
                    if (exit != 0) {
                        throw new IOException("download process " + child.pid() + " ended with exit code " + exit);
                    }
                    pids.add(child.pid());
                }
            } finally {
                children.forEach(ChildJvm::close);
            }
        } else {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < FILES.size(); i++) {
                String file = FILES.get(i);
                int n = units[i];
                threads.add(variant == Variant.THREADS
                        ? new Thread(() -> download(out, file, n, o))
                        : new DownloadTask(out, file, n, o));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            pids.add(parent);
            pids.add(parent);
        }
        double took = o.units(System.nanoTime() - start);
        int longer = Math.max(units[0], units[1]);
        out.printf(Locale.ROOT, "Took %.2f units (%.2f s) in all.%n", took, took * o.unit().toNanos() / 1e9);
        String where = variant == Variant.PROCESSES
                ? String.format(Locale.ROOT, "in 2 processes with %s pids %d and %d (this JVM's is %d)",
                        pids.get(0).equals(pids.get(1)) ? "equal" : "different", pids.get(0), pids.get(1), parent)
                : String.format(Locale.ROOT, "in 2 threads (%s) of one process, pid %d for both",
                        variant == Variant.THREADS ? "new Thread(Runnable)" : "a Thread subclass", parent);
        out.printf(Locale.ROOT, "showed: two downloads of %d and %d units took %.2f units in all, against %d for "
                        + "the longer alone and %d for both in a row, %s%n",
                units[0], units[1], took, longer, units[0] + units[1], where);
    }

    /** The tutorials' download(filename): its lines, with the thread and the pid it ran in. */
    static void download(PrintWriter out, String file, int units, DemoOptions o) {
        out.printf("Downloading %s... (thread %s, pid %d)%n", file, Thread.currentThread().getName(),
                ProcessHandle.current().pid());
        out.flush();
        try {
            TimeUnit.NANOSECONDS.sleep(o.nanos(units));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        out.printf("%s downloaded! Took %d units.%n", file, units);
        out.flush();
    }

    /** The tutorials' {@code class DownloadTask(Thread)}: the task is the thread's own run(). */
    static final class DownloadTask extends Thread {
        private final PrintWriter out;
        private final String file;
        private final int units;
        private final DemoOptions options;

        DownloadTask(PrintWriter out, String file, int units, DemoOptions options) {
            super("DownloadTask-" + file);
            this.out = out;
            this.file = file;
            this.units = units;
            this.options = options;
        }

        @Override
        public void run() {
            download(out, file, units, options);
        }
    }
}
