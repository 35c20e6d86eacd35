package racebench.process;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ends this JVM when the process that started it is gone. racebench's own JVM reaps its
 * children in a shutdown hook, but kill -9 runs no hook: a JMH fork would then go on measuring
 * for nobody. Every child JVM racebench starts that does not read its parent's pipe starts the
 * guard (a JMH fork, the jcstress JVM, a user counter's check, a demo's child, the mapped-file
 * peer); a daemon thread checks its parent twice a second and halts the JVM once the parent has
 * died. Worker JVMs need none: they read their parent's pipe and end at its EOF.
 */
public final class OrphanGuard {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private OrphanGuard() {
    }

    /** Starts the guard once per JVM; a JVM whose parent is unknown is left alone. */
    public static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isEmpty()) {
            return;
        }
        ProcessHandle p = parent.get();
        Thread.ofPlatform().daemon().name("racebench-orphan-guard").start(() -> {
            while (p.isAlive()) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println("racebench: parent process " + p.pid() + " is gone; stopping");
            Runtime.getRuntime().halt(143);
        });
    }
}
