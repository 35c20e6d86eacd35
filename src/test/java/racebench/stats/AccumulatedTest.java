package racebench.stats;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccumulatedTest {

    @Test
    void twoRunsAtDifferentLevelsAgainstHandComputedValues() {
        // scipy: weighted mean difference of ln, spread pooled within each night's sides, t with 13 df
        Accumulated a = Accumulated.of(List.of(
                new Accumulated.Run(new double[] {10, 11, 9, 10.5}, new double[] {11, 11.5, 10.2, 11.1}),
                new Accumulated.Run(new double[] {20, 21, 19.5, 20.4, 20.1}, new double[] {21.5, 22, 21, 21.9})))
                .orElseThrow();
        assertEquals(2, a.runs());
        assertEquals(9, a.baseForks());
        assertEquals(8, a.newForks());
        assertEquals(1.0760435056042736, a.ratio(), 1e-12);
        assertEquals(0.01152126556161082, a.p(), 1e-9);
        assertTrue(a.beyondNoise(0.03) && !a.beyondNoise(0.08));
    }

    @Test
    void oneRunOrSidesWithoutSpreadAddNothing() {
        Accumulated.Run night = new Accumulated.Run(new double[] {1, 2}, new double[] {1, 2});
        assertTrue(Accumulated.of(List.of(night)).isEmpty(), "one night is tonight's test alone");
        assertTrue(Accumulated.of(List.of(night, new Accumulated.Run(new double[] {1}, new double[] {2, 3}))).isEmpty());
        Accumulated flat = Accumulated.of(List.of(new Accumulated.Run(new double[] {2, 2}, new double[] {2, 2}),
                new Accumulated.Run(new double[] {3, 3}, new double[] {3, 3}))).orElseThrow();
        assertEquals(1, flat.p(), 0);
    }

    @Test
    void aShiftBetweenRunsThatReachesBothSidesIsNotEvidence() {
        // night two's machine is 30% slower on both sides: no change of the build, and none is seen
        Random random = new Random(3);
        int low = 0;
        for (int trial = 0; trial < 2000; trial++) {
            Accumulated a = Accumulated.of(List.of(night(random, 1.0, 1.0), night(random, 1.3, 1.3))).orElseThrow();
            low += a.p() < 0.05 ? 1 : 0;
        }
        double rate = low / 2000.0;
        assertTrue(rate > 0.03 && rate < 0.07, "p < 0.05 on " + rate + " of A/A pairs of nights");
    }

    @Test
    void twoRunsCatchAFivePercentChangeMoreOftenThanOne() {
        Random random = new Random(5);
        int one = 0;
        int two = 0;
        double bar = 0.05 * 0.8 / 36;
        for (int trial = 0; trial < 2000; trial++) {
            Accumulated.Run first = night(random, 1.0, 1.05);
            Accumulated.Run second = night(random, 1.0, 1.05);
            one += Comparison.of(first.base(), first.candidate()).p() < bar ? 1 : 0;
            two += Accumulated.of(List.of(first, second)).orElseThrow().p() < bar ? 1 : 0;
        }
        assertTrue(two > one + 300, "one night " + one + ", two nights " + two + " of 2000 at 8 pairs and 3% spread");
    }

    private static Accumulated.Run night(Random random, double base, double candidate) {
        double[] b = new double[8];
        double[] n = new double[8];
        for (int i = 0; i < 8; i++) {
            b[i] = base * Math.exp(0.03 * random.nextGaussian());
            n[i] = candidate * Math.exp(0.03 * random.nextGaussian());
        }
        return new Accumulated.Run(b, n);
    }
}
