package dev.mnemos.nam.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mnemos.embed.Encoder;
import org.junit.jupiter.api.Test;

/** With the real in-process encoder, a paraphrased question finds the fact it asks about. */
class MiniLmAssociativeMemoryTest {

    @Test
    void paraphrasedQueriesFindTheirValues() {
        AssociativeMemory memory = AssociativeMemory.builder().encoder(Encoder.miniLm()::encode).build();
        memory.put("the capital of France", "Paris");
        memory.put("the largest planet in the solar system", "Jupiter");
        memory.put("the author of Hamlet", "William Shakespeare");
        memory.put("the chemical symbol for gold", "Au");

        assertEquals("Paris", memory.get("Which city is France's capital?").orElseThrow().text());
        assertEquals("Jupiter", memory.get("What is the biggest planet?").orElseThrow().text());
        assertEquals("William Shakespeare", memory.get("Who wrote Hamlet?").orElseThrow().text());
        assertEquals("Au", memory.get("gold's symbol in chemistry").orElseThrow().text());
    }
}
