package dev.mnemos.nam.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns texts into vectors for an {@link AssociativeMemory}. nam needs the JDK only, so it does
 * not bring an encoder of its own: give it one, e.g. mnemos-embed's all-MiniLM-L6-v2
 * ({@code Encoder.miniLm()::encode}) or any LangChain4j {@code EmbeddingModel}
 * ({@code text -> model.embed(text).content().vector()}).
 */
@FunctionalInterface
public interface TextEncoder {

    float[] encode(String text);

    /** Several texts at once; encoders that batch override this. */
    default List<float[]> encodeAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(encode(text));
        }
        return out;
    }
}
