package dev.mnemos.poem.postgres;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.mnemos.embed.Encoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A tiny deterministic embedding (16 Gaussian numbers seeded by the text) so worker JVMs start fast. */
final class HashEmbedding implements EmbeddingModel {

    static final int DIMENSION = 16;

    static Encoder encoder() {
        return Encoder.builder().model(new HashEmbedding()).id("hash-16").build();
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<Embedding> out = new ArrayList<>();
        for (TextSegment s : segments) {
            Random r = new Random(s.text().hashCode());
            float[] v = new float[DIMENSION];
            for (int i = 0; i < DIMENSION; i++) v[i] = (float) r.nextGaussian();
            out.add(Embedding.from(v));
        }
        return Response.from(out);
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }
}
