package dev.mnemos.nam.memory;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.mnemos.nam.tensor.RandomVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A test encoder: every distinct text gets its own random unit vector (seeded by the text). */
final class RandomEmbeddingModel implements EmbeddingModel {

    private final int dimension;

    RandomEmbeddingModel(int dimension) {
        this.dimension = dimension;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<Embedding> out = new ArrayList<>();
        for (TextSegment s : segments) {
            out.add(Embedding.from(RandomVectors.unit(new Random(s.text().hashCode()), dimension)));
        }
        return Response.from(out);
    }

    @Override
    public String modelName() {
        return "random-" + dimension;
    }
}
