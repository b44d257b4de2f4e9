package dev.mnemos.poem.spring.ai;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.mnemos.embed.Encoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Spring AI {@code EmbeddingModel} as the LangChain4j {@link EmbeddingModel} that POEM's
 * {@link Encoder} takes, so that POEM embeds queries and examples with the model an application
 * already has (Ollama's, OpenAI's, ...):
 *
 * <pre>{@code
 * Encoder encoder = SpringAiEmbeddings.encoder(embeddingModel, "ollama/nomic-embed-text");
 * }</pre>
 *
 * The encoder's id names the model in the memory: a memory written with one model's states refuses
 * another's, so give each model its own, stable id.
 */
public final class SpringAiEmbeddings implements EmbeddingModel {

    private final org.springframework.ai.embedding.EmbeddingModel model;
    private final String id;

    private SpringAiEmbeddings(org.springframework.ai.embedding.EmbeddingModel model, String id) {
        this.model = Objects.requireNonNull(model, "embedding model");
        this.id = Objects.requireNonNull(id, "id");
    }

    /** An encoder over a Spring AI embedding model; {@code id} names the model (it is kept with the memory). */
    public static Encoder encoder(org.springframework.ai.embedding.EmbeddingModel model, String id) {
        return Encoder.builder().model(new SpringAiEmbeddings(model, id)).id(id).build();
    }

    /** The LangChain4j view of a Spring AI embedding model. */
    public static EmbeddingModel of(org.springframework.ai.embedding.EmbeddingModel model, String id) {
        return new SpringAiEmbeddings(model, id);
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<String> texts = new ArrayList<>(segments.size());
        for (TextSegment s : segments) texts.add(s.text());
        List<float[]> vectors = model.embed(texts);
        if (vectors.size() != texts.size()) {
            throw new IllegalStateException(id + " returned " + vectors.size() + " embeddings for " + texts.size() + " texts");
        }
        List<Embedding> out = new ArrayList<>(vectors.size());
        for (float[] v : vectors) out.add(Embedding.from(v));
        return Response.from(out);
    }

    @Override
    public int dimension() {
        return model.dimensions();
    }

    @Override
    public String modelName() {
        return id;
    }
}
