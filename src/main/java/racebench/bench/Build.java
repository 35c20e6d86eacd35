package racebench.bench;

import java.util.List;

/**
 * A build of racebench that forks can run from: its class path and a name for it (the SHA-256 of
 * its jar, or a label in tests). A nightly measures the last accepted build beside this run's,
 * fork by fork ({@link AdaptiveMeasurement}), so that whatever the machine does in the run
 * happens to both.
 *
 * <p>How a fork runs another build: JMH 1.37 gives a fork the class path of the JVM that starts
 * it, read from {@code java.class.path} as it starts the fork ({@code Runner.addClasspath}), and
 * the fork loads the benchmark's generated class by name from that class path. {@link #run}
 * sets that property for the one JMH call and puts it back; the JMH host (this JVM) and its
 * binary link are this build's, so both builds must carry the same JMH version and the
 * benchmark, else the other build's fork fails and its row is compared with nothing.
 */
public record Build(String name, List<String> classPath) {
    private static final Object PROPERTY = new Object();

    public Build {
        classPath = List.copyOf(classPath);
        if (classPath.isEmpty()) {
            throw new IllegalArgumentException("a build needs a class path");
        }
    }

    /** The first 12 hex digits of the name, as the console shows it. */
    public String shortName() {
        return name.length() > 12 ? name.substring(0, 12) : name;
    }

    /** A JMH call whose forks start from this build. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws java.io.IOException, org.openjdk.jmh.runner.RunnerException;
    }

    /** Runs {@code call} with forks started from this build's class path; one such call at a time. */
    public <T> T run(Call<T> call) throws java.io.IOException, org.openjdk.jmh.runner.RunnerException {
        synchronized (PROPERTY) {
            String mine = System.getProperty("java.class.path");
            System.setProperty("java.class.path", String.join(java.io.File.pathSeparator, classPath));
            try {
                return call.run();
            } finally {
                System.setProperty("java.class.path", mine);
            }
        }
    }
}
