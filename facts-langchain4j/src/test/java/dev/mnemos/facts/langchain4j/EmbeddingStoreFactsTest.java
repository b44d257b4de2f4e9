package dev.mnemos.facts.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemos.facts.Fact;
import dev.mnemos.facts.RandomTextEncoder;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmbeddingStoreFactsTest {

    @Test
    void theBaselineAnswersWithTheNearestEntryAndDeletesByFact() {
        EmbeddingStoreFacts store = new EmbeddingStoreFacts(new RandomTextEncoder(16));
        store.write(Fact.of("Ada lives in", "Lisbon"));
        store.write(Fact.of("Ben lives in", "Oslo"));
        long two = store.bytes();

        assertEquals(Optional.of("Lisbon"), store.answer("Ada lives in"));
        assertTrue(store.forget(Fact.of("Ada lives in", "Lisbon")));
        assertFalse(store.forget(Fact.of("Ada lives in", "Lisbon")));
        assertEquals(Optional.of("Oslo"), store.answer("Ada lives in"), "the nearest entry left");
        assertTrue(store.bytes() < two && store.bytes() > 0);
        assertTrue(store.forget(Fact.of("Ben lives in", "Oslo")));
        assertEquals(Optional.empty(), store.answer("Ada lives in"));
    }
}
