package dev.mnemos.poem.action;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class PermutationTest {

    @Test
    void anOrderOfRanksPlacesTheExamples() {
        Permutation p = Permutation.parse("[3,1,4,2]");
        assertEquals(List.of("c", "a", "d", "b"), p.apply(List.of("a", "b", "c", "d")));
        assertEquals("[3,1,4,2]", p.toString());
    }

    @Test
    void indexIsTheLexicographicPosition() {
        assertEquals(0, Permutation.identity(4).index());
        assertEquals(23, Permutation.reversed(4).index());
        for (int i = 0; i < 24; i++) assertEquals(i, Permutation.fromIndex(4, i).index());
        assertEquals(Permutation.of(1, 3, 2), Permutation.fromIndex(3, 1));
    }

    @Test
    void badPermutationsAreRejectedWithTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> Permutation.of(1, 1, 2));
        assertEquals("not a permutation of 1..3: [1, 1, 2]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Permutation.parse("[1,x]"));
    }

    @Test
    void distinctGivesTOrdersWithoutRepeatsOrAllWhenFew() {
        List<Permutation> eight = Permutations.distinct(4, 8, new Random(1));
        assertEquals(8, eight.size());
        assertEquals(8, new HashSet<>(eight).size());
        assertEquals(Permutations.all(3), Permutations.distinct(3, 8, new Random(1)));
        assertEquals(6, Permutations.all(3).size());
    }
}
