package dev.mnemos.facts.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.query.Query;
import dev.mnemos.facts.FactMemory;
import dev.mnemos.facts.RandomTextEncoder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactRetrieverTest {

    private static FactMemory.Builder memory() {
        return FactMemory.builder().encoder(new RandomTextEncoder(64)).slots(128);
    }

    private static List<String> texts(List<Content> contents) {
        return contents.stream().map(c -> c.textSegment().text()).toList();
    }

    @Test
    void aWrittenFactIsRetrievedWithItsConfidenceAndAForgottenOneIsNot() {
        FactRetriever facts = FactRetriever.builder().memory(memory().build()).minConfidence(0.5).build();
        facts.write("Ada lives in", "Ada lives in Lisbon.");
        facts.write("Ben lives in", "Ben lives in Oslo.");

        List<Content> found = facts.retrieve(Query.from("Ada lives in"));

        assertEquals(List.of("Ada lives in Lisbon."), texts(found));
        assertTrue(found.get(0).textSegment().metadata().getDouble("confidence") > 0.9);
        assertEquals(0L, found.get(0).textSegment().metadata().getLong("time"));
        assertTrue(facts.forget("Ada lives in", "Ada lives in Lisbon."));
        assertFalse(facts.forget("Ada lives in", "Ada lives in Lisbon."), "already gone");
        assertTrue(texts(facts.retrieve(Query.from("Ada lives in"))).stream().noneMatch(t -> t.contains("Lisbon")));
        assertTrue(facts.forget("Ben lives in", "Ben lives in Oslo."));
        assertEquals(List.of(), facts.retrieve(Query.from("Ben lives in")), "an empty memory recalls nothing");
    }

    @Test
    void withHopsEachFactOfTheChainIsAContent() {
        FactRetriever facts = FactRetriever.builder().memory(memory().build()).hops(3, a -> "the mentor of " + a).build();
        facts.write("the mentor of Ada", "Ben");
        facts.write("the mentor of Ben", "Cara");
        facts.write("the mentor of Cara", "Dan");

        assertEquals(List.of("Ben", "Cara", "Dan"), texts(facts.retrieve(Query.from("the mentor of Ada"))));
    }

    @Test
    void aSavedRetrieverMemoryLoadsAndRecallsTheSame(@TempDir Path dir) throws Exception {
        FactRetriever facts = FactRetriever.builder().memory(memory().build()).build();
        facts.write("Ada lives in", "Lisbon");
        facts.save(dir.resolve("facts.nam"));

        FactRetriever again = FactRetriever.builder().memory(memory().load(dir.resolve("facts.nam"))).build();

        assertEquals(List.of("Lisbon"), texts(again.retrieve(Query.from("Ada lives in"))));
    }
}
