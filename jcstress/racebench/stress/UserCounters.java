package racebench.stress;

import racebench.workload.counter.SharedCounter;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** Makes instances of the user's counter inside a jcstress fork, from the racebench.counter property. */
final class UserCounters {
    static final String PROPERTY = "racebench.counter";

    private static final MethodHandle CONSTRUCTOR = constructor();
    private static volatile MethodHandle twinConstructor;

    private UserCounters() {
    }

    static SharedCounter create() {
        try {
            return (SharedCounter) CONSTRUCTOR.invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot construct " + System.getProperty(PROPERTY), t);
        }
    }

    /** An instance of the user's class with its synchronisation taken out, loaded beside the original. */
    static SharedCounter createTwin() {
        try {
            return (SharedCounter) twinConstructor().invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot construct the twin of " + System.getProperty(PROPERTY), t);
        }
    }

    private static MethodHandle twinConstructor() throws Exception {
        MethodHandle c = twinConstructor;
        if (c == null) {
            synchronized (UserCounters.class) {
                if (twinConstructor == null) {
                    ClassLoader loader = UserCounters.class.getClassLoader();
                    racebench.twin.Unlocker.Twin twin = racebench.twin.Unlocker.of(System.getProperty(PROPERTY), loader);
                    twinConstructor = MethodHandles.publicLookup()
                            .findConstructor(racebench.twin.Unlocker.load(twin, loader), MethodType.methodType(void.class))
                            .asType(MethodType.methodType(SharedCounter.class));
                }
                c = twinConstructor;
            }
        }
        return c;
    }

    private static MethodHandle constructor() {
        String name = System.getProperty(PROPERTY);
        if (name == null) {
            // Not selected by ./racebench race unless --counter is given; fail loudly if run by hand.
            throw new IllegalStateException("set -D" + PROPERTY + "=<FQCN of your SharedCounter>");
        }
        try {
            Class<?> type = Class.forName(name, true, UserCounters.class.getClassLoader());
            return MethodHandles.publicLookup()
                    .findConstructor(type, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(SharedCounter.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load " + name + ": " + e, e);
        }
    }
}
