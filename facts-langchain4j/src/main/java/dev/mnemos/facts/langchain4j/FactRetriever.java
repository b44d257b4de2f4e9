package dev.mnemos.facts.langchain4j;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.mnemos.facts.Fact;
import dev.mnemos.facts.FactMemory;
import dev.mnemos.facts.Recall;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A {@link FactMemory} as a LangChain4j {@link ContentRetriever}: an AI service given it puts what
 * the memory recalls for the user's message into the prompt. Facts are written and forgotten
 * through it while the service runs; the memory is saved and loaded as a nam file.
 *
 * <pre>{@code
 * FactRetriever facts = FactRetriever.builder()
 *         .memory(FactMemory.builder().encoder(Encoder.miniLm()::encode).build())
 *         .minConfidence(0.5)
 *         .build();
 * facts.write("Ada Moss lives in", "Ada Moss lives in Lisbon.");   // the value is what the prompt gets
 * Assistant assistant = AiServices.builder(Assistant.class).chatModel(model).contentRetriever(facts).build();
 * facts.forget("Ada Moss lives in", "Ada Moss lives in Lisbon."); // gone from later prompts
 * facts.save(Path.of("facts.nam"));
 * }</pre>
 *
 * Each content carries the metadata {@code confidence} and {@code time} of its recall. With
 * {@link Builder#hops} the retriever follows a chain: the query, then the rewritten answer, each
 * recall a content of its own.
 */
public final class FactRetriever implements ContentRetriever {

    private final FactMemory memory;
    private final double minConfidence;
    private final int hops;
    private final UnaryOperator<String> next;

    private FactRetriever(Builder b) {
        this.memory = Objects.requireNonNull(b.memory, "a memory is required: FactRetriever.builder().memory(...)");
        this.minConfidence = b.minConfidence;
        this.hops = b.hops;
        this.next = b.next;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The facts recalled for the query's text: none when the memory is empty or unsure (below the floor). */
    @Override
    public List<Content> retrieve(Query query) {
        List<Recall> recalls = hops == 1 ? memory.read(query.text()).stream().toList()
                : memory.hops(query.text(), next, hops);
        return recalls.stream().filter(r -> r.confidence() >= minConfidence)
                .map(r -> Content.from(TextSegment.from(r.value(), new Metadata().put("confidence", r.confidence())
                        .put("time", r.time()))))
                .toList();
    }

    /** Writes a fact into the memory: later queries can recall it. */
    public void write(String key, String value) {
        memory.write(Fact.of(key, value));
    }

    /** Forgets a fact; false when the memory did not hold it. */
    public boolean forget(String key, String value) {
        return memory.forget(Fact.of(key, value));
    }

    public void save(Path file) throws IOException {
        memory.save(file);
    }

    public FactMemory memory() {
        return memory;
    }

    public static final class Builder {
        private FactMemory memory;
        private double minConfidence = 0;
        private int hops = 1;
        private UnaryOperator<String> next = UnaryOperator.identity();

        private Builder() {
        }

        /** The memory read and written (required). */
        public Builder memory(FactMemory memory) {
            this.memory = Objects.requireNonNull(memory, "memory");
            return this;
        }

        /** Recalls less sure than this are left out. Default 0 (a recall of what holds nearest is always given). */
        public Builder minConfidence(double c) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("minConfidence = " + c + " must be finite");
            }
            this.minConfidence = c;
            return this;
        }

        /** Follows up to {@code hops} facts, asking {@code next.apply(answer)} after each. Default one read. */
        public Builder hops(int hops, UnaryOperator<String> next) {
            if (hops < 1) {
                throw new IllegalArgumentException("hops = " + hops + " must be at least 1");
            }
            this.hops = hops;
            this.next = Objects.requireNonNull(next, "next");
            return this;
        }

        public FactRetriever build() {
            return new FactRetriever(this);
        }
    }
}
