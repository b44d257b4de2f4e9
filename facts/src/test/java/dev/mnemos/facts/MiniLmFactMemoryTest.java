package dev.mnemos.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemos.embed.Encoder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With the real in-process encoder: questions phrased otherwise than the keys find their facts, edits and forgets hold, hops follow a chain. */
class MiniLmFactMemoryTest {

    @Test
    void questionsFindTheirFactsAndAnEditReplacesTheOldValue() {
        FactMemory m = FactMemory.builder().encoder(Encoder.miniLm()::encode).slots(512).build();
        m.write("Ada Moss lives in", "Lisbon");
        m.write("Ada Moss works for", "Orion Labs");
        m.write("Ben Ortiz lives in", "Oslo");
        m.write("Ben Ortiz works for", "Cobalt Bank");
        m.write("Cara Lind lives in", "Quito");
        m.write("the mentor of Ada Moss is", "Ben Ortiz");
        m.write("the mentor of Ben Ortiz is", "Cara Lind");

        assertEquals("Lisbon", m.read("Which city does Ada Moss live in?").orElseThrow().value());
        assertEquals("Cobalt Bank", m.read("Who does Ben Ortiz work for?").orElseThrow().value());
        assertEquals("Quito", m.read("Where does Cara Lind live?").orElseThrow().value());

        assertTrue(m.forget(Fact.of("Ada Moss lives in", "Lisbon")));
        m.write("Ada Moss lives in", "Perth");
        assertEquals("Perth", m.read("Which city does Ada Moss live in?").orElseThrow().value());
        assertTrue(m.forget(Fact.of("Ben Ortiz works for", "Cobalt Bank")));
        assertNotEquals("Cobalt Bank", m.read("Who does Ben Ortiz work for?").orElseThrow().value());

        List<Recall> chain = m.hops("Who is the mentor of Ada Moss?", a -> "Who is the mentor of " + a + "?", 2);
        assertEquals(List.of("Ben Ortiz", "Cara Lind"), chain.stream().map(Recall::value).toList());
    }
}
