package racebench.race;

import racebench.process.Children;
import racebench.workload.counter.SharedCounter;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Checks a user's counter before jcstress is started for it, so that a typo or a class that
 * cannot work is one clear line, not a jcstress error report: the class path exists, the
 * class loads, implements {@link SharedCounter}, has a public no-argument constructor, and
 * survives {@code run(1); run(4); value()} on one thread with the value 0.
 *
 * <p>The user's code runs in a JVM of its own with a time limit ({@link #main}), never in
 * racebench's: a counter that recurses, loops forever, calls {@code System.exit} in a static
 * initialiser or halts the JVM ends or hangs only that child, and the parent reports what
 * happened in one line.
 */
public final class UserCounterCheck {

    /** The system property that names the counter to a jcstress fork. */
    public static final String PROPERTY = "racebench.counter";

    /** What the child prints on its last line when every check passed. */
    static final String PASSED = "racebench-counter-check: passed";

    /** Time for the child to start, load the class and make three calls: seconds, normally. */
    static final java.time.Duration TIME_LIMIT = java.time.Duration.ofSeconds(60);

    private UserCounterCheck() {
    }

    /** Returns the class path entries; throws IllegalArgumentException with a one-line reason. */
    public static List<String> check(String className, String classPath) {
        return check(className, classPath, TIME_LIMIT);
    }

    static List<String> check(String className, String classPath, java.time.Duration limit) {
        List<String> entries = entries(classPath);
        List<String> command = List.of(Children.javaExecutable(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), UserCounterCheck.class.getName(), className,
                String.join(File.pathSeparator, entries));
        Process child;
        try {
            child = Children.start(new ProcessBuilder(command).redirectErrorStream(true));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a JVM to check " + className + ": " + e.getMessage(), e);
        }
        try {
            closeQuietly(child.getOutputStream());
            long deadline = System.nanoTime() + limit.toNanos();
            String output = readCapped(child.getInputStream(), limit);
            if (!child.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new IllegalArgumentException(className + " did not finish run(1); run(4); value() on one thread "
                        + "within " + limit.toSeconds() + " s: does it loop forever or wait for something?");
            }
            String last = lastLine(output);
            if (child.exitValue() == 0 && last.equals(PASSED)) {
                return entries;
            }
            if (child.exitValue() == 2 && !last.isEmpty()) {
                throw new IllegalArgumentException(last);
            }
            throw new IllegalArgumentException(className + " ended the JVM that checked it, exit code "
                    + child.exitValue() + ", before the check finished (System.exit or Runtime.halt in the counter?)"
                    + (last.isEmpty() ? "" : "; it printed: " + shorten(last)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking " + className, e);
        } finally {
            Children.reap(child, 1_000);
        }
    }

    /**
     * Reads the child's output, at most 64 KiB of it, on a thread of its own so that a child
     * that hangs without writing cannot hang the read; the caller's time limit then applies.
     */
    private static String readCapped(InputStream in, java.time.Duration limit) throws InterruptedException {
        StringBuilder text = new StringBuilder();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (in) {
                byte[] bytes = in.readNBytes(64 * 1024);
                synchronized (text) {
                    text.append(new String(bytes, StandardCharsets.UTF_8));
                }
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // the child is gone: what it wrote so far is what there is
            }
        });
        reader.join(limit);
        synchronized (text) {
            return text.toString();
        }
    }

    private static void closeQuietly(java.io.OutputStream stdin) {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // the child never reads its input; if it is already gone there is nothing to close
        }
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\\R");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }

    private static String shorten(String s) {
        return s.length() <= 200 ? s : s.substring(0, 199) + "…";
    }

    private static List<String> entries(String classPath) {
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath();
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("--classpath entry does not exist: " + entry);
            }
            entries.add(path.toString());
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("--classpath is empty");
        }
        return entries;
    }

    /**
     * The child: {@code UserCounterCheck FQCN CLASSPATH}. Prints {@link #PASSED} and exits 0,
     * or prints one line saying what is wrong and exits 2.
     */
    public static void main(String[] args) {
        racebench.process.OrphanGuard.start(); // a user's counter that loops must not outlive a killed racebench
        try {
            checkHere(args[0], args[1]);
            System.out.println(PASSED);
            System.exit(0);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        } catch (Throwable t) {
            System.out.println(args[0] + " threw " + t.getClass().getSimpleName()
                    + (t.getMessage() == null ? "" : ": " + t.getMessage()) + " while being checked");
        }
        System.exit(2);
    }

    private static void checkHere(String className, String classPath) {
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            try {
                urls.add(Path.of(entry).toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("--classpath entry is not a valid path: " + entry);
            }
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), SharedCounter.class.getClassLoader())) {
            Class<?> type = load(className, classPath, loader);
            smokeTest(className, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --classpath " + classPath + ": " + e.getMessage());
        }
    }

    private static Class<?> load(String className, String classPath, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("class " + className + " not found on --classpath " + classPath);
        } catch (LinkageError e) {
            throw new IllegalArgumentException("class " + className + " cannot be loaded: " + e);
        }
        if (!SharedCounter.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(className + " does not implement " + SharedCounter.class.getName());
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
            throw new IllegalArgumentException(className + " must be a public, concrete class");
        }
        return type;
    }

    private static void smokeTest(String className, Class<?> type) {
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(className + " has no public no-argument constructor");
        }
        SharedCounter counter;
        try {
            counter = (SharedCounter) constructor.newInstance();
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalArgumentException(className + " threw while being constructed: " + e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalArgumentException(className + " cannot be constructed: " + e);
        }
        try {
            counter.run(1);
            counter.run(4);
            int value = counter.value();
            if (value != 0) {
                throw new IllegalArgumentException(className + ".value() is " + value
                        + " after run(1); run(4) on a single thread, expected 0");
            }
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (StackOverflowError e) {
            throw new IllegalArgumentException(className + " overflowed the stack on run(1); run(4); value(): "
                    + "unbounded recursion?");
        } catch (RuntimeException | Error e) {
            throw new IllegalArgumentException(className + " threw on run(1); run(4); value(): " + e);
        }
    }
}
