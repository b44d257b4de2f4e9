package dev.mnemos.nam.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemos.nam.grad.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generators pose the problems they claim to, with the right answers, at any size. */
class TaskTest {

    /** The token read at each step (inputs are one-hot). */
    private static int[] tokens(Example e) {
        int[] out = new int[e.steps()];
        for (int t = 0; t < e.steps(); t++) {
            int hot = -1;
            for (int j = 0; j < e.inputs()[t].length; j++) {
                if (e.inputs()[t][j] == 1) {
                    assertEquals(-1, hot, "one-hot at step " + t);
                    hot = j;
                }
            }
            out[t] = hot;
        }
        return out;
    }

    private static int[] answers(Example e) {
        List<Integer> out = new ArrayList<>();
        for (int target : e.targets()) {
            if (target != Example.NONE) {
                out.add(target);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void reverseAsksForTheSymbolsLastFirst() {
        for (int n : new int[] {1, 5, 20}) {
            Example e = new Reverse().generate(new Rng(n), n);
            int[] in = tokens(e);
            assertEquals(2 * n, e.steps());
            int[] expected = new int[n];
            for (int i = 0; i < n; i++) {
                expected[i] = in[n - 1 - i];
            }
            assertArrayEquals(expected, answers(e));
            assertEquals(Reverse.DELIMITER, in[n]);
        }
    }

    @Test
    void associativeRecallAsksForTheValueOfEachKey() {
        for (int n : new int[] {1, 5, 20, 24}) {
            Example e = new AssociativeRecall().generate(new Rng(n), n);
            int[] in = tokens(e);
            assertEquals(3 * n + 1, e.steps());
            java.util.Map<Integer, Integer> pairs = new java.util.HashMap<>();
            for (int i = 0; i < n; i++) {
                assertEquals(null, pairs.put(in[2 * i], in[2 * i + 1] - AssociativeRecall.KEYS), "keys are distinct");
            }
            assertEquals(AssociativeRecall.DELIMITER, in[2 * n]);
            java.util.Set<Integer> asked = new java.util.HashSet<>();
            for (int t = 2 * n + 1; t < e.steps(); t++) {
                assertEquals(pairs.get(in[t]), e.targets()[t], "the value of key " + in[t]);
                asked.add(in[t]);
            }
            assertEquals(pairs.keySet(), asked, "every key is asked once");
        }
        assertThrows(IllegalArgumentException.class, () -> new AssociativeRecall().generate(new Rng(1), 25));
    }

    @Test
    void multiHopRecallAsksForTheSymbolTwoLinksOn() {
        for (int n : new int[] {1, 5, 20}) {
            Example e = new MultiHopRecall().generate(new Rng(n), n);
            int[] in = tokens(e);
            assertEquals(3 * n + 1, e.steps());
            java.util.Map<Integer, Integer> link = new java.util.HashMap<>();
            for (int i = 0; i < n; i++) {
                link.put(in[2 * i], in[2 * i + 1]);
            }
            for (int to : link.values()) {
                assertTrue(link.containsKey(to), "every link leads on");
            }
            for (int t = 2 * n + 1; t < e.steps(); t++) {
                assertEquals(link.get(link.get(in[t])), e.targets()[t], "two links on from " + in[t]);
            }
        }
    }

    @Test
    void copyAsksForTheSymbolsInOrder() {
        Example e = new Copy().generate(new Rng(3), 7);
        assertArrayEquals(java.util.Arrays.copyOf(tokens(e), 7), answers(e));
    }

    @Test
    void additionAsksForTheDigitsOfTheSum() {
        for (int n : new int[] {1, 4, 12}) {
            Example e = new Addition().generate(new Rng(n), n);
            int[] in = tokens(e);
            assertEquals(3 * n + 2, e.steps());
            long a = 0;
            long b = 0;
            for (int i = n - 1; i >= 0; i--) {
                a = a * Addition.BASE + in[i];
                b = b * Addition.BASE + in[n + 1 + i];
            }
            int[] digits = answers(e);
            assertEquals(n + 1, digits.length);
            long sum = 0;
            for (int i = n; i >= 0; i--) {
                sum = sum * Addition.BASE + digits[i];
            }
            assertEquals(a + b, sum, "n = " + n);
        }
    }

    @Test
    void reductionAsksForTheSymbolsWithoutTheEmptyOnesThenEnd() {
        Example e = new Reduction().generate(new Rng(5), 10);
        int[] in = tokens(e);
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            if (in[i] != 6) {
                kept.add(in[i]);
            }
        }
        int[] out = answers(e);
        assertEquals(10, out.length);
        for (int i = 0; i < 10; i++) {
            assertEquals(i < kept.size() ? kept.get(i) : 6, out[i], "answer " + i);
        }
    }

    @Test
    void tasksAreFoundByName() {
        assertEquals("add", Task.named("ADD").name());
        assertEquals("unknown task 'sort' (expected reverse, copy, add, reduce, recall or hops)",
                assertThrows(IllegalArgumentException.class, () -> Task.named("sort")).getMessage());
    }
}
