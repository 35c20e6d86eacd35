package racebench.race;

import racebench.workload.counter.SharedCounter;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a user's counter before any JVM is started for it, so that a typo or a class that
 * cannot work is one clear line, not a jcstress error report: the class path exists, the
 * class loads, implements {@link SharedCounter}, has a public no-argument constructor, and
 * survives {@code run(1); run(4); value()} on one thread with the value 0.
 */
public final class UserCounterCheck {

    private UserCounterCheck() {
    }

    /** Returns the class path entries; throws IllegalArgumentException with a one-line reason. */
    public static List<String> check(String className, String classPath) {
        List<String> entries = new ArrayList<>();
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath();
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("--classpath entry does not exist: " + entry);
            }
            entries.add(path.toString());
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("--classpath entry is not a valid path: " + entry);
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("--classpath is empty");
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), SharedCounter.class.getClassLoader())) {
            Class<?> type = load(className, classPath, loader);
            smokeTest(className, type);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read --classpath " + classPath + ": " + e.getMessage());
        }
        return entries;
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
        try {
            SharedCounter counter = (SharedCounter) constructor.newInstance();
            counter.run(1);
            counter.run(4);
            int value = counter.value();
            if (value != 0) {
                throw new IllegalArgumentException(className + ".value() is " + value
                        + " after run(1); run(4) on a single thread, expected 0");
            }
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalArgumentException(className + " threw while being constructed: " + e.getCause());
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new IllegalArgumentException(className + " threw on run(1); run(4); value(): " + e);
        }
    }
}
