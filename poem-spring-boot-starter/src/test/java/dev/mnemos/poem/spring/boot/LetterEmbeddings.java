package dev.mnemos.poem.spring.boot;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An application's Spring AI embedding model for tests that are about configuration, not about
 * embeddings: a text's letter counts (26 dimensions), computed at once, with a count of the texts
 * it was asked for.
 */
final class LetterEmbeddings implements EmbeddingModel {

    final AtomicInteger texts = new AtomicInteger();

    @Override
    public EmbeddingResponse call(EmbeddingRequest request) {
        List<Embedding> out = new ArrayList<>();
        for (String text : request.getInstructions()) {
            texts.incrementAndGet();
            float[] v = new float[26];
            for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) if (c >= 'a' && c <= 'z') v[c - 'a']++;
            v[0] += 0.5f;
            out.add(new Embedding(v, out.size()));
        }
        return new EmbeddingResponse(out);
    }

    @Override
    public float[] embed(Document document) {
        return embed(document.getText());
    }
}
