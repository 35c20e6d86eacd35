package racebench.demo;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Every demo, named once: the label the command line takes, a one-line description naming
 * the tutorials program it ports, and the factory that makes it.
 */
public enum DemoKind {
    DOWNLOAD_PROCESSES("download-processes",
            "two downloads, each a function in a child process (the tutorials' Process(target=download_task))",
            () -> new DownloadDemo(DownloadDemo.Variant.PROCESSES)),
    DOWNLOAD_THREADS("download-threads",
            "two downloads, each a Runnable in a thread (the tutorials' Thread(target=download))",
            () -> new DownloadDemo(DownloadDemo.Variant.THREADS)),
    DOWNLOAD_SUBCLASS("download-subclass",
            "two downloads, each a Thread subclass (the tutorials' class DownloadTask(Thread))",
            () -> new DownloadDemo(DownloadDemo.Variant.SUBCLASS)),
    PING_PONG("ping-pong",
            "a counter limited to 10, shared by two threads but copied into two processes (the tutorials' sub_task)",
            PingPongDemo::new),
    QUEUE("queue",
            "a writer puts five products, a reader gets them: across processes, then threads (the tutorials' Queue)",
            QueueDemo::new),
    PIPE("pipe",
            "a worker prints 0..9 until \"exit\"; a writer and a reader at the two ends of a pipe (the tutorials' Pipe)",
            PipeDemo::new),
    POOL("pool",
            "four tasks submitted asynchronously to a pool of processes, then threads; close, join (the tutorials' Pool(4))",
            PoolDemo::new),
    LOCK("lock",
            "NUM += n; NUM -= n, 1,000,000 times in each of two threads, without a lock and with each fix",
            LockDemo::new),
    GIL("gil",
            "CPU-bound work on threads under one global lock, on free threads and on processes, with speedups",
            GilDemo::new),
    THREAD_LOCAL("thread-local",
            "each thread stores and reads its own value: ThreadLocal, then ScopedValue (threading.local())",
            ThreadLocalDemo::new);

    private final String label;
    private final String description;
    private final Supplier<Demo> factory;

    DemoKind(String label, String description, Supplier<Demo> factory) {
        this.label = label;
        this.description = description;
        this.factory = factory;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    Demo create() {
        return factory.get();
    }

    /** The demo with this label; an unknown label is an error naming the valid ones, never a guess. */
    public static DemoKind ofLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst()
                .orElseThrow(() -> new UnknownDemo("no demo named '" + label + "'; the demos are: " + labels()));
    }

    public static String labels() {
        return Arrays.stream(values()).map(DemoKind::label).collect(Collectors.joining(", "));
    }

    /** A name that is not a demo's: the command line reports it as bad input. */
    public static final class UnknownDemo extends IllegalArgumentException {
        UnknownDemo(String message) {
            super(message);
        }
    }
}
