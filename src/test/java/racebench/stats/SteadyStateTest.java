package racebench.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SteadyStateTest {

    @Test
    void aSlowStartIsCutOff() {
        // a worker JVM still compiling: two slow iterations, then steady
        double[] fork = {4.4, 3.9, 3.40, 3.41, 3.39, 3.40, 3.42, 3.38};
        assertEquals(2, SteadyState.truncation(fork));
        assertArrayEquals(new double[] {3.40, 3.41, 3.39, 3.40, 3.42, 3.38}, SteadyState.steady(fork));
    }

    @Test
    void aSteadyForkKeepsEveryIteration() {
        assertEquals(0, SteadyState.truncation(new double[] {10.0, 10.1, 9.9, 10.0, 10.1, 9.9}));
        // noise without a trend is not a transient, even when it is large
        assertEquals(0, SteadyState.truncation(new double[] {10, 12, 9, 11, 10, 12, 9, 11}));
    }

    @Test
    void neverMoreThanHalf() {
        // a fork that keeps getting faster cannot trim itself down to its last iteration
        double[] drifting = {8, 7, 6, 5, 4, 3, 2, 1};
        assertEquals(4, SteadyState.truncation(drifting));
    }

    @Test
    void knownScoreByHand() {
        // d=0: mean 2.5, ss 9 -> 9/16 = 0.5625; d=1: {1,1,1} ss 0 -> 0: d = 1
        assertEquals(1, SteadyState.truncation(new double[] {7, 1, 1, 1}));
        // too short to tell
        assertEquals(0, SteadyState.truncation(new double[] {9, 1}));
    }

    @Test
    void coefficientOfVariation() {
        // stdev of {1, 2, 3} is 1, mean 2
        assertEquals(0.5, SteadyState.coefficientOfVariation(new double[] {1, 2, 3}), 1e-12);
        assertEquals(Double.NaN, SteadyState.coefficientOfVariation(new double[] {5}));
        assertThrows(IllegalArgumentException.class, () -> SteadyState.truncation(new double[0]));
    }
}
