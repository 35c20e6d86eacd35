package racebench.demo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tutorials' {@code thread_local = threading.local()}: each thread stores its task's name
 * and a function it calls reads it back, never another thread's. In Java a
 * {@link ThreadLocal}; then a {@link ScopedValue} (final in JDK 25), which binds the value
 * for the extent of one call instead of until someone removes it.
 */
final class ThreadLocalDemo implements Demo {
    static final List<String> TASKS = List.of("task1", "task2");
    private static final ThreadLocal<String> THREAD_LOCAL = new ThreadLocal<>();
    private static final ScopedValue<String> SCOPED = ScopedValue.newInstance();

    @Override
    public void run(DemoOptions o, PrintWriter out) throws InterruptedException {
        Map<String, String> local = readBack(name -> {
            THREAD_LOCAL.set(name); // the tutorials' thread_local.v = name
            try {
                return show(out, "ThreadLocal", THREAD_LOCAL.get());
            } finally {
                THREAD_LOCAL.remove();
            }
        });
        Map<String, String> scoped = readBack(
                name -> ScopedValue.where(SCOPED, name).call(() -> show(out, "ScopedValue", SCOPED.get())));
        String mainLocal = String.valueOf(THREAD_LOCAL.get());
        String mainScoped = SCOPED.isBound() ? SCOPED.get() : "unbound";
        out.printf("main thread reads: ThreadLocal %s, ScopedValue %s%n", mainLocal, mainScoped);
        out.printf("showed: each thread read back its own value (ThreadLocal: %s; ScopedValue: %s); "
                + "the main thread read ThreadLocal %s and ScopedValue %s%n", local, scoped, mainLocal, mainScoped);
    }

    interface Task {
        String run(String name);
    }

    /** The tutorials' run(): prints the current thread and the value it reads. */
    private static String show(PrintWriter out, String kind, String value) {
        out.printf("%s: current thread %s reads %s%n", kind, Thread.currentThread(), value);
        out.flush();
        return value;
    }

    /** Starts a thread per task name, each storing its name and reading it back; thread name to value read. */
    private static Map<String, String> readBack(Task task) throws InterruptedException {
        Map<String, String> read = new TreeMap<>();
        List<Thread> threads = new ArrayList<>();
        for (String name : TASKS) {
            threads.add(Thread.ofPlatform().name("thread-" + name).unstarted(() -> {
                String value = task.run(name);
                synchronized (read) {
                    read.put(Thread.currentThread().getName(), value);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        return read;
    }
}
