package racebench.workload;

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
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * A user's unit of work for {@code bench --task}: a public class with a public no-argument
 * constructor that implements {@link Runnable} or {@link Callable}, named by the system
 * properties {@value #CLASS_PROPERTY} and {@value #CLASS_PATH_PROPERTY} in the JVMs that run it
 * (the benchmark's fork and its worker JVMs; never racebench's own). Each task is a new instance,
 * run once; its checksum depends only on its index, since racebench cannot know what the task's
 * result should be.
 */
public final class UserTask {
    public static final String CLASS_PROPERTY = "racebench.task";
    public static final String CLASS_PATH_PROPERTY = "racebench.task.classpath";

    private static volatile Constructor<?> constructor;

    private UserTask() {
    }

    /** The flags that name the task to a JVM that runs it. */
    public static List<String> jvmArgs(String className, String classPath) {
        return List.of("-D" + CLASS_PROPERTY + "=" + className, "-D" + CLASS_PATH_PROPERTY + "=" + classPath);
    }

    /** The flags naming the task this JVM runs, for the worker JVMs it starts; none when it runs no user task. */
    public static List<String> inheritedJvmArgs() {
        String name = System.getProperty(CLASS_PROPERTY);
        return name == null ? List.of() : jvmArgs(name, System.getProperty(CLASS_PATH_PROPERTY, ""));
    }

    /**
     * What is wrong with the task class, if anything: missing, not public, without a public
     * no-argument constructor, abstract, or neither Runnable nor Callable. The class is loaded in
     * a class loader of its own and not initialized, so none of its code runs here.
     */
    public static Optional<String> problem(String className, String classPath) {
        try (URLClassLoader loader = loader(classPath)) {
            Class<?> c;
            try {
                c = Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return Optional.of("no class " + className + " on " + classPath);
            }
            if (!Runnable.class.isAssignableFrom(c) && !Callable.class.isAssignableFrom(c)) {
                return Optional.of(className + " is neither a Runnable nor a Callable");
            }
            if (!Modifier.isPublic(c.getModifiers()) || Modifier.isAbstract(c.getModifiers())) {
                return Optional.of(className + " must be a public, concrete class");
            }
            try {
                c.getConstructor();
            } catch (NoSuchMethodException e) {
                return Optional.of(className + " has no public no-argument constructor");
            }
            return Optional.empty();
        } catch (java.io.IOException | IllegalArgumentException e) {
            return Optional.of("cannot read the class path " + classPath + ": " + e.getMessage());
        }
    }

    /** Runs task {@code spec} once: a new instance of the user's class, run or called. */
    static long run(TaskSpec spec) throws InterruptedException {
        Object task;
        try {
            task = constructor().newInstance();
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("the task's constructor failed: " + cause, cause);
        }
        try {
            if (task instanceof Callable<?> callable) {
                callable.call();
            } else {
                ((Runnable) task).run();
            }
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the task threw " + e, e);
        }
        return Tasks.mix(spec.index() * 0x2545F4914F6CDD1DL + 1);
    }

    private static Constructor<?> constructor() {
        Constructor<?> c = constructor;
        if (c == null) {
            synchronized (UserTask.class) {
                if (constructor == null) {
                    String name = System.getProperty(CLASS_PROPERTY);
                    if (name == null) {
                        throw new IllegalStateException("no task: -D" + CLASS_PROPERTY + " is not set");
                    }
                    try {
                        // never closed: the class's code runs for the life of this JVM
                        URLClassLoader loader = loader(System.getProperty(CLASS_PATH_PROPERTY, ""));
                        constructor = Class.forName(name, true, loader).getConstructor();
                    } catch (ReflectiveOperationException | java.io.IOException e) {
                        throw new IllegalStateException("cannot load the task " + name + ": " + e, e);
                    }
                }
                c = constructor;
            }
        }
        return c;
    }

    private static URLClassLoader loader(String classPath) throws java.io.IOException {
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry);
            if (!Files.exists(p)) {
                throw new IllegalArgumentException(entry + " does not exist");
            }
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(entry + ": " + e.getMessage());
            }
        }
        return new URLClassLoader("racebench-task", urls.toArray(URL[]::new), UserTask.class.getClassLoader());
    }
}
