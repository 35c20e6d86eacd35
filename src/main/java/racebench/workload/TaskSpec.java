package racebench.workload;

import java.util.Objects;

/**
 * One task as plain data, so it crosses a process boundary as a few fixed-size fields:
 * its index in the batch (which seeds its checksum), what kind of work, how long its
 * "download" sleeps and how many CPU mixing steps it takes.
 */
public record TaskSpec(int index, Workload workload, long sleepNanos, int cpuSize, TaskFault fault) {

    public TaskSpec {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(fault, "fault");
        if (index < 0 || sleepNanos < 0 || cpuSize < 0) {
            throw new IllegalArgumentException("negative field in task " + index);
        }
    }

    public TaskSpec(int index, Workload workload, long sleepNanos, int cpuSize) {
        this(index, workload, sleepNanos, cpuSize, TaskFault.NONE);
    }

    /** The same task, asked to misbehave (test hook). */
    public TaskSpec withFault(TaskFault newFault) {
        return new TaskSpec(index, workload, sleepNanos, cpuSize, newFault);
    }
}
