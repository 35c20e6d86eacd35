package racebench.strategy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadTeamTest {

    @ParameterizedTest
    @EnumSource(ThreadTeam.Kind.class)
    void everyMemberRunsEachRoundOnItsOwnThreadOfTheRightKind(ThreadTeam.Kind kind) {
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        try (ThreadTeam team = new ThreadTeam(4, kind)) {
            for (int round = 0; round < 100; round++) {
                assertEquals(0 + 1 + 2 + 3, team.round(member -> {
                    seen.add(Thread.currentThread());
                    return member;
                }));
            }
        }
        assertEquals(4, seen.size());
        seen.forEach(t -> assertEquals(kind == ThreadTeam.Kind.VIRTUAL, t.isVirtual()));
        seen.forEach(t -> assertTrue(waitDead(t), t + " ended after close"));
    }

    @ParameterizedTest
    @EnumSource(ThreadTeam.Kind.class)
    void aMemberThatThrowsFailsTheRoundInsteadOfHangingIt(ThreadTeam.Kind kind) {
        try (ThreadTeam team = new ThreadTeam(2, kind)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> team.round(member -> {
                if (member == 1) {
                    throw new ArithmeticException("boom");
                }
                return 0;
            }));
            assertTrue(e.getMessage().contains("boom"), e.getMessage());
            assertEquals(1, team.round(member -> member), "the team goes on after a failed round");
        }
    }

    private static boolean waitDead(Thread t) {
        try {
            t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }
}
