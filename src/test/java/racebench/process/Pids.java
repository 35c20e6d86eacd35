package racebench.process;

/** Process ids for tests of what racebench does about processes that are gone, without starting one. */
public final class Pids {
    private Pids() {
    }

    /** A pid no process has now: above every running one, checked. */
    public static long notRunning() {
        long pid = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 1;
        while (ProcessHandle.of(pid).isPresent()) {
            pid++;
        }
        return pid;
    }
}
