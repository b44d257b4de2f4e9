package dev.mnemos.utm.lag;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LagInterpreterTest {

    @Test
    void aStepDropsTheFirstSymbolAndAppendsTheValueOfTheFirstTwo() {
        LagProgram p = LagJson.parse(LagJsonTest.ROTATE, "rotate.json", "x");
        LagSystem s = p.system();
        LagInterpreter lag = new LagInterpreter(s, p.queue());
        // a1 b b a1 -> (a1 b: b) b b a1 b -> (b b: "") b a1 b -> (b a1: a1) a1 b a1 -> (a1 b: b) b a1 b
        List<String> seen = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            lag.step();
            seen.add(s.join(lag.queue()));
        }
        assertEquals(List.of("b b a1 b", "b a1 b", "a1 b a1", "b a1 b"), seen);
        assertEquals(4, lag.steps());
        assertEquals(LagInterpreter.Halt.RUNNING, lag.halt());
    }

    @Test
    void haltsWhenNoRuleMatches() {
        LagSystem s = RuleFormat.parse("abba:ab\nbaab:ba\n#halt: cc\nabab:cc\n", "h.txt", 0);
        LagInterpreter lag = new LagInterpreter(s, s.parseQueue("ab ba ab", "q"));
        // ab ba ab -> ba ab ab -> ab ab ba -> ab ba cc -> ba cc ab, and no rule reads 'ba cc'
        assertEquals(4, lag.run(100));
        assertEquals("bacc" + "ab", s.join(lag.queue()));
        assertEquals(LagInterpreter.Halt.NO_RULE, lag.halt());
        assertNull(lag.nextRule());
        long before = lag.steps();
        assertEquals(false, lag.step());
        assertEquals(before, lag.steps());
    }

    @Test
    void haltsWhenFewerThanTwoSymbolsRemain() {
        LagSystem s = RuleFormat.parse("ab:\nba:\n", "shrink.txt", 1);
        LagInterpreter lag = new LagInterpreter(s, s.parseQueue("abab", "q"));
        assertEquals(3, lag.run(100));
        assertEquals(LagInterpreter.Halt.TOO_SHORT, lag.halt());
        assertArrayEquals(new int[] {s.id("b")}, lag.queue());
    }

    @Test
    void anEmptyQueueIsRefusedWhenParsed() {
        LagSystem s = RuleFormat.parse("ab:a\n", "s.txt", 1);
        assertEquals("cli --queue: the queue is empty; a Lag system needs at least two symbols to take a step",
                assertThrows(LagException.class, () -> s.parseQueue("", "cli --queue")).getMessage());
        assertEquals(LagInterpreter.Halt.TOO_SHORT, new LagInterpreter(s, new int[] {0}).halt());
    }

    @Test
    void matchesANaiveInterpreterOnRandomSystems() {
        Random rnd = new Random(11);
        for (int t = 0; t < 200; t++) {
            LagSystem s = random(rnd, 2 + rnd.nextInt(6));
            int[] queue = rnd.ints(2 + rnd.nextInt(5), 0, s.symbolCount()).toArray();
            LagInterpreter fast = new LagInterpreter(s, queue);
            Deque<Integer> naive = new ArrayDeque<>();
            for (int x : queue) naive.add(x);
            for (int step = 0; step < 500; step++) {
                boolean naiveStepped = naiveStep(s, naive);
                assertEquals(naiveStepped, fast.step());
                assertArrayEquals(naive.stream().mapToInt(Integer::intValue).toArray(), fast.queue());
                if (!naiveStepped) break;
            }
        }
    }

    private static boolean naiveStep(LagSystem s, Deque<Integer> q) {
        if (q.size() < 2) return false;
        int a = q.pollFirst();
        Rule r = s.rule(a, q.peekFirst());
        if (r == null) {
            q.addFirst(a);
            return false;
        }
        for (int v : r.value()) q.addLast(v);
        return true;
    }

    /** A random system over n one-letter symbols: most keys have a rule, values 0 to 2 symbols. */
    static LagSystem random(Random rnd, int n) {
        LagSystem.Builder b = LagSystem.builder("random");
        for (int i = 0; i < n; i++) b.symbol(String.valueOf((char) ('a' + i)));
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                if (rnd.nextInt(8) == 0) continue;
                List<String> v = new ArrayList<>();
                int len = rnd.nextInt(10) < 6 ? 1 : rnd.nextInt(10) < 5 ? 0 : 2;
                for (int k = 0; k < len; k++) v.add(String.valueOf((char) ('a' + rnd.nextInt(n))));
                b.rule(String.valueOf((char) ('a' + x)), String.valueOf((char) ('a' + y)), v, "rule " + x + "," + y);
            }
        }
        for (int i = 0; i < n; i++) b.halt(String.valueOf((char) ('a' + i)));
        return b.build();
    }
}
