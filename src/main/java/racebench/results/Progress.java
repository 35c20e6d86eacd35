package racebench.results;

/** Where a long run's progress goes: a line that changes as work finishes, and notes that stay. */
@FunctionalInterface
public interface Progress {
    void update(String line);

    default void note(String line) {
        update(line);
    }
}
