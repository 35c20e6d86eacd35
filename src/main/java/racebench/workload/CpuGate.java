package racebench.workload;

/**
 * Brackets a task's CPU work, never its sleep, with a checkpoint between slices. The GIL
 * strategy passes a global lock here, so at most one thread computes at a time while any
 * number sleep, and the holder hands over at checkpoints, as CPython's switch interval does.
 */
public interface CpuGate {
    CpuGate NONE = new CpuGate() {
        @Override
        public void enter() {
        }

        @Override
        public void exit() {
        }
    };

    void enter() throws InterruptedException;

    /** Between two slices of CPU work, inside enter/exit: where a GIL holder may hand over. */
    default void checkpoint() throws InterruptedException {
    }

    void exit();
}
