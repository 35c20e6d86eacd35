package racebench.process;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The entry point of a JVM that runs someone else's main class, such as the JMH host of a
 * user's jar: {@code HostMain org.openjdk.jmh.Main ARGS...} starts the {@link OrphanGuard} (so
 * that a kill -9 of racebench ends this JVM and its forks) and then calls that class's main. It
 * uses nothing but the JDK, so that it runs beside any JMH version ({@link GuardJar}).
 */
public final class HostMain {
    private HostMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: HostMain MAIN_CLASS [ARGS...]");
            System.exit(2);
        }
        OrphanGuard.start();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
