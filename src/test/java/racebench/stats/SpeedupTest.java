package racebench.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpeedupTest {
    private static final long[] MIXED = {10, 5, 8, 7};

    @Test
    void efficiencyIsOverMinOfCoresAndTasks() {
        assertEquals(0.9, Speedup.efficiency(1.8, 2, 8), 1e-12);
        assertEquals(1.8, Speedup.efficiency(1.8, 4, 1), 1e-12);
        assertEquals(0.45, Speedup.efficiency(1.8, 4, 8), 1e-12);
        assertEquals(2.0, Speedup.speedup(10, 5), 0);
        assertThrows(IllegalArgumentException.class, () -> Speedup.efficiency(1, 0, 1));
    }

    @Test
    void greedyMakespanByHand() {
        // w1: 10; w2: 5, then 8 (5..13); 7 goes to w1, free at 10 before w2 at 13: ends 17
        assertEquals(17, Speedup.greedyMakespan(MIXED, 2));
        assertEquals(30, Speedup.greedyMakespan(MIXED, 1));
        // w1: 10; w2: 5; w3: 8; 7 goes to w2, free first at 5: ends 12
        assertEquals(12, Speedup.greedyMakespan(MIXED, 3));
        assertEquals(10, Speedup.greedyMakespan(MIXED, 4));
        assertEquals(10, Speedup.greedyMakespan(MIXED, 1_000));
        // five equal sleeps on two workers: ceil(5 / 2) = 3 rounds
        assertEquals(300, Speedup.greedyMakespan(new long[] {100, 100, 100, 100, 100}, 2));
        // submission order matters: the long task last costs a round
        assertEquals(15, Speedup.greedyMakespan(new long[] {5, 5, 10}, 2));
        assertEquals(10, Speedup.greedyMakespan(new long[] {10, 5, 5}, 2));
    }

    @Test
    void idealDownloadIsALowerBound() {
        assertEquals(10, Speedup.idealDownloadNanos(MIXED, 4));
        assertEquals(10, Speedup.idealDownloadNanos(MIXED, Integer.MAX_VALUE));
        assertEquals(15, Speedup.idealDownloadNanos(MIXED, 2));   // total 30 / 2 beats longest 10
        assertEquals(10, Speedup.idealDownloadNanos(MIXED, 3));   // ceil(30 / 3) = 10 = longest
        assertEquals(30, Speedup.idealDownloadNanos(MIXED, 1));
        assertEquals(250, Speedup.idealDownloadNanos(new long[] {100, 100, 100, 100, 100}, 2));
        assertEquals(4, Speedup.idealDownloadNanos(new long[] {3, 3, 1}, 2));  // ceil(7 / 2)
        for (int w = 1; w <= 5; w++) {
            long bound = Speedup.idealDownloadNanos(MIXED, w);
            long greedy = Speedup.greedyMakespan(MIXED, w);
            assertTrue(bound <= greedy, w + " workers: " + bound + " > " + greedy);
        }
    }

    @Test
    void overheadIsRelativeToTheIdeal() {
        assertEquals(0.10, Speedup.overhead(110, 100), 1e-12);
        assertEquals(0.0, Speedup.overhead(17, Speedup.greedyMakespan(MIXED, 2)), 0);
        assertEquals(-0.5, Speedup.overhead(50, 100), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Speedup.overhead(1, 0));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Speedup.greedyMakespan(new long[0], 2));
        assertThrows(IllegalArgumentException.class, () -> Speedup.greedyMakespan(MIXED, 0));
        assertThrows(IllegalArgumentException.class, () -> Speedup.idealDownloadNanos(new long[] {1, -1}, 2));
        assertThrows(ArithmeticException.class, () -> Speedup.idealDownloadNanos(new long[] {Long.MAX_VALUE, 1}, 2));
    }
}
