package dev.mnemos.poem.pool;

import dev.mnemos.poem.data.DataException;
import dev.mnemos.poem.data.Example;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ExamplePoolTest {

    final List<Example> examples = List.of(new Example("a", "x"), new Example("b", "y"), new Example("c", "x"), new Example("d", "y"));
    final ExamplePool pool = ExamplePool.of(examples, List.of(
            new float[] {1, 0}, new float[] {0.9f, 0.1f}, new float[] {0, 1}, new float[] {0.6f, 0.8f}));

    @Test
    void ranksTheMostSimilarFirst() {
        Ranked r = pool.nearest(new float[] {1, 0.05f}, 3);
        assertEquals(List.of("a", "b", "d"), r.byRank().stream().map(Example::input).toList());
        assertTrue(r.similarities()[0] >= r.similarities()[1] && r.similarities()[1] >= r.similarities()[2]);
    }

    @Test
    void duringTrainingTheQueryIsNotItsOwnExample() {
        Ranked r = pool.nearestExcept(pool.embedding(0), 2, 0);
        assertEquals(List.of("b", "d"), r.byRank().stream().map(Example::input).toList());
    }

    @Test
    void fewerExamplesThanMIsAnError() {
        var e = assertThrows(DataException.class, () -> pool.nearestExcept(pool.embedding(0), 4, 0));
        assertEquals("the pool has 3 examples besides the query but m = 4 are needed", e.getMessage());
    }

    @Test
    void anEmptyPoolOrDuplicateInputsAreErrors() {
        assertEquals("the example pool is empty", assertThrows(DataException.class, () -> ExamplePool.of(List.of(), List.of())).getMessage());
        var e = assertThrows(DataException.class, () -> ExamplePool.of(
                List.of(new Example("a", "x"), new Example("a", "y")), List.of(new float[] {1, 0}, new float[] {0, 1})));
        assertEquals("the pool holds the same input twice (examples 1 and 2): \"a\"", e.getMessage());
    }
}
