package dev.mnemos.nam.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AssociativeMemoryTest {

    private static AssociativeMemory.Builder randomTexts() {
        return AssociativeMemory.builder().encoder(new RandomTextEncoder(256));
    }

    @Test
    void getsBackTheValueStoredUnderEachKey() {
        AssociativeMemory memory = randomTexts().build();
        for (int i = 0; i < 50; i++) {
            memory.put("key " + i, "value " + i);
        }
        for (int i = 0; i < 50; i++) {
            Recall recall = memory.get("key " + i).orElseThrow();
            assertEquals("value " + i, recall.text());
            assertTrue(recall.confidence() > 0.5f, "confidence " + recall.confidence());
        }
        assertEquals(50, memory.pairs());
        assertEquals(4L * 256 * 256, memory.matrixBytes());
    }

    @Test
    void theLastPutOfAKeyWinsUnderDeltaWriting() {
        AssociativeMemory memory = randomTexts().build();
        memory.put("door code", "1234");
        memory.put("wifi password", "hunter2");
        memory.put("door code", "9876");

        Recall recall = memory.get("door code").orElseThrow();

        assertEquals("9876", recall.text());
        assertEquals(1f, recall.confidence(), 1e-4f);
        assertEquals(3, memory.values().size());
    }

    @Test
    void sumWritingBlendsTwoValuesPutUnderTheSameKey() {
        AssociativeMemory memory = randomTexts().sumWriting().build();
        memory.put("door code", "1234");
        memory.put("door code", "9876");

        Recall recall = memory.get("door code").orElseThrow();

        // the read is the sum of both embeddings: about 0.7 cosine to either
        assertTrue(recall.confidence() < 0.8f && recall.confidence() > 0.6f, "" + recall.confidence());
    }

    @Test
    void storesArbitraryVectors() {
        AssociativeMemory memory = randomTexts().build();
        memory.put("origin", new float[] {0, 0, 1});
        memory.put("east", new float[] {1, 0, 0});

        Recall east = memory.get("east").orElseThrow();

        assertNull(east.text());
        assertEquals(1f, east.value().vector()[0]);
        assertEquals(1f, east.read()[0], 1e-4f);
        assertEquals(0f, east.read()[2], 0.2f);
    }

    @Test
    void anEmptyMemoryHasNothingToGet() {
        assertEquals(Optional.empty(), randomTexts().build().get("anything"));
    }

    @Test
    void valuesOfAnotherDimensionAreRejected() {
        AssociativeMemory memory = randomTexts().build();
        memory.put("a", new float[] {1, 2, 3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> memory.put("b", new float[] {1, 2}));
        assertEquals("value has 2 values, expected 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> memory.get(" "));
    }
    @Test
    void aRejectedFirstPutLeavesTheMemoryEmpty() {
        AssociativeMemory memory = randomTexts().build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> memory.put(new float[] {0, 0, 0, 0}, new float[] {1, 2, 3}));
        assertTrue(e.getMessage().startsWith("cannot normalise a vector of length 0.0"), e.getMessage());

        assertEquals(Optional.empty(), memory.get(new float[] {1, 0, 0, 0}));
        assertEquals(0L, memory.matrixBytes());
        memory.put(new float[] {0, 1}, new float[] {5, 6});   // the failed put fixed no dimensions
        assertEquals(5f, memory.get(new float[] {0, 1}).orElseThrow().value().vector()[0]);
    }
}
