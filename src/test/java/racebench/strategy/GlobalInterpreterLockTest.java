package racebench.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import racebench.workload.TaskSpec;
import racebench.workload.Tasks;
import racebench.workload.Workload;

/** The GIL checked by counting, not by timing: who is inside the lock, and when it is taken. */
class GlobalInterpreterLockTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RepeatedTest(3)
    void atMostOneThreadComputesAtATime() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock();
        // long enough (about 10-20 ms each) that holders reach checkpoints past the switch interval
        List<TaskSpec> batch = Workload.MIXED.batch(4, 3, Duration.ofMillis(1), 8 * Tasks.SLICE * 8);
        try (ThreadPerTaskStrategy strategy = new ThreadPerTaskStrategy(false, gil)) {
            assertEquals(Tasks.expectedChecksums(batch), strategy.run(batch, TIMEOUT));
        }
        assertEquals(1, gil.maxComputing());
        assertTrue(gil.acquisitions() >= batch.size(), "every task took the GIL: " + gil.acquisitions());
    }

    @RepeatedTest(3)
    void downloadsNeverTakeTheLock() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock();
        List<TaskSpec> batch = Workload.DOWNLOAD.batch(8, 4, 0);
        try (ThreadPerTaskStrategy strategy = new ThreadPerTaskStrategy(false, gil)) {
            assertEquals(Tasks.expectedChecksums(batch), strategy.run(batch, TIMEOUT));
        }
        assertEquals(0, gil.acquisitions());
        assertEquals(0, gil.maxComputing());
    }

    @RepeatedTest(3)
    void theGilKindRunsOneComputeWorkerPerBatch() {
        StrategyOptions o = StrategyOptions.defaults();
        assertEquals(1, StrategyKind.GIL.cpuWorkers(8, o));
        assertEquals(8, StrategyKind.GIL.workers(8, o));
    }
}
