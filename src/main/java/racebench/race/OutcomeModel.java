package racebench.race;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which final values can {@code NUM += a; NUM -= a} in one thread and {@code NUM += b;
 * NUM -= b} in another leave behind? Each actor is four steps, load / store(+n) / load /
 * store(-n), with the loaded value held in a register. This walks every interleaving of the
 * two four-step programs under sequential consistency (C(8,4) = 70 of them) and collects
 * the final values: for a = 1, b = 4 the set is {-4, -3, -1, 0, 1, 3, 4}.
 *
 * <p>A stricter memory model can only shrink what a plain field shows on a real machine,
 * never add a value, because no value outside these sums of surviving updates is ever
 * stored; that is why the stress tests declare exactly this set and a catch-all FORBIDDEN.
 */
public final class OutcomeModel {
    private static final int STEPS = 4;

    private OutcomeModel() {
    }

    /** Every final value reachable when the actors add and remove {@code a} and {@code b}, starting at 0. */
    public static SortedSet<Integer> reachable(int a, int b) {
        SortedSet<Integer> finals = new TreeSet<>();
        walk(new int[] {a, b}, new int[2], new int[2], 0, finals);
        return Collections.unmodifiableSortedSet(finals);
    }

    private static void walk(int[] n, int[] pc, int[] reg, int shared, SortedSet<Integer> finals) {
        if (pc[0] == STEPS && pc[1] == STEPS) {
            finals.add(shared);
            return;
        }
        for (int actor = 0; actor < 2; actor++) {
            if (pc[actor] == STEPS) {
                continue;
            }
            int[] nextPc = pc.clone();
            int[] nextReg = reg.clone();
            int nextShared = shared;
            switch (pc[actor]) {
                case 0, 2 -> nextReg[actor] = shared;                   // load NUM
                case 1 -> nextShared = reg[actor] + n[actor];           // store NUM + n
                case 3 -> nextShared = reg[actor] - n[actor];           // store NUM - n
                default -> throw new AssertionError(pc[actor]);
            }
            nextPc[actor]++;
            walk(n, nextPc, nextReg, nextShared, finals);
        }
    }
}
