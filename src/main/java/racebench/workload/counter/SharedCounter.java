package racebench.workload.counter;

/**
 * The tutorials' shared counter: {@code run(n)} does {@code NUM += n; NUM -= n}, so after any
 * number of calls that have all returned, a correct counter reads 0.
 *
 * <p>Implement this (public class, public no-argument constructor) to have racebench
 * stress your own counter: {@code ./racebench race --counter your.Counter --classpath dir}.
 */
public interface SharedCounter {

    /** Adds {@code n}, then subtracts it again. Called concurrently from several threads. */
    void run(int n);

    /** The current value; read only after every {@link #run} has returned. */
    int value();
}
