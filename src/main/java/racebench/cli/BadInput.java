package racebench.cli;

/** Bad usage or bad input: printed as one line, exit code 2, never a stack trace. */
public final class BadInput extends RuntimeException {
    public BadInput(String message) {
        super(message);
    }
}
