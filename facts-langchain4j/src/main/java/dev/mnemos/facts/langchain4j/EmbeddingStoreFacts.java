package dev.mnemos.facts.langchain4j;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import dev.mnemos.facts.Fact;
import dev.mnemos.facts.eval.FactSystem;
import dev.mnemos.nam.memory.TextEncoder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fact-editing benchmark's baseline: LangChain4j's {@link InMemoryEmbeddingStore}, one entry
 * per fact (the key's embedding, the fact's text with its value as metadata), a forget a delete by
 * id, an answer the value of the nearest entry. Its bytes are counted from what it holds (the
 * embeddings as floats and the texts as UTF-16; the JVM's object headers are not counted).
 */
public final class EmbeddingStoreFacts implements FactSystem {

    private final TextEncoder encoder;
    private final InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
    private final Map<Fact, Deque<String>> ids = new HashMap<>();
    private long bytes;

    public EmbeddingStoreFacts(TextEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public String name() {
        return "LangChain4j InMemoryEmbeddingStore (delete by id)";
    }

    @Override
    public void write(Fact fact) {
        float[] key = encoder.encode(fact.key());
        String id = store.add(Embedding.from(key), TextSegment.from(fact.key() + " " + fact.value(),
                new Metadata().put("value", fact.value())));
        ids.computeIfAbsent(fact, f -> new ArrayDeque<>()).push(id);
        bytes += size(fact, key.length);
    }

    @Override
    public boolean forget(Fact fact) {
        Deque<String> written = ids.get(fact);
        if (written == null || written.isEmpty()) {
            return false;
        }
        store.removeAll(List.of(written.pop()));
        bytes -= size(fact, encoder.encode(fact.key()).length);
        return true;
    }

    @Override
    public Optional<String> answer(String question) {
        List<EmbeddingMatch<TextSegment>> matches = store.search(EmbeddingSearchRequest.builder()
                .queryEmbedding(Embedding.from(encoder.encode(question))).maxResults(1).build()).matches();
        return matches.stream().findFirst().map(m -> m.embedded().metadata().getString("value"));
    }

    @Override
    public long bytes() {
        return bytes;
    }

    private static long size(Fact fact, int dimension) {
        return 4L * dimension + 2L * (fact.key().length() + 1 + fact.value().length() + fact.value().length());
    }
}
