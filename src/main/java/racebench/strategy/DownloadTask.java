package racebench.strategy;

import java.time.Duration;
import racebench.workload.TaskSpec;

/** The tutorials' {@code class DownloadTask(Thread)}: a Thread subclass whose run() is the task. */
final class DownloadTask extends Thread {
    private final ThreadPerTaskStrategy owner;
    private final Batch batch;
    private final int index;
    private final TaskSpec spec;
    private final Duration timeout;

    DownloadTask(ThreadPerTaskStrategy owner, Batch batch, int index, TaskSpec spec, Duration timeout) {
        super("racebench-download-task-" + index);
        this.owner = owner;
        this.batch = batch;
        this.index = index;
        this.spec = spec;
        this.timeout = timeout;
    }

    @Override
    public void run() {
        owner.runOne(batch, index, spec, timeout);
    }
}
