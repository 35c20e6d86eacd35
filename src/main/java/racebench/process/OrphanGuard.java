package racebench.process;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ends this JVM when the process that started it is gone. racebench's own JVM reaps its
 * children in a shutdown hook, but kill -9 runs no hook: a JMH fork would then go on measuring
 * for nobody. Every child JVM racebench starts that does not read its parent's pipe starts the
 * guard (a JMH fork, the jcstress JVM, a user counter's check, a demo's child, the mapped-file
 * peer, the JMH host of a user's jar through {@link HostMain}); a daemon thread checks its parent
 * twice a second and, once the parent has died, kills this JVM's own children and halts it.
 * Worker JVMs need none: they read their parent's pipe and end at its EOF.
 */
public final class OrphanGuard {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private OrphanGuard() {
    }

    /**
     * The variable in which racebench names itself to the children it starts
     * ({@link Children#start}): a child whose racebench died before this JVM got as far as its
     * guard has already been handed to another parent, and must not watch that one instead.
     */
    public static final String PARENT_VARIABLE = "RACEBENCH_PARENT_PID";

    /** Starts the guard once per JVM; a JVM whose parent is unknown is left alone. */
    public static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        String named = System.getenv(PARENT_VARIABLE);
        if (named != null && named.trim().matches("\\d{1,18}")) {
            // the racebench that started this JVM (or its parent) died before this JVM got here
            Optional<ProcessHandle> racebench = ProcessHandle.of(Long.parseLong(named.trim()));
            if (racebench.isEmpty() || !racebench.get().isAlive()) {
                System.err.println("racebench: parent process " + named.trim() + " is gone; stopping");
                Runtime.getRuntime().halt(143);
            }
        }
        if (parent.isEmpty()) {
            return;
        }
        ProcessHandle p = parent.get();
        Thread guard = new Thread(() -> { // JDK 11's API only: this class also runs in JMH hosts of older JDKs

            while (p.isAlive()) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println("racebench: parent process " + p.pid() + " is gone; stopping");
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly); // a JMH host's forks too
            Runtime.getRuntime().halt(143);
        }, "racebench-orphan-guard");
        guard.setDaemon(true);
        guard.start();
    }
}
