package dev.mnemos.runtime.model;

/**
 * The Compute stage: one call of a model on one prompt.
 *
 * <p>Implementations: {@link OllamaProcessor}, {@link OpenAiProcessor}, and whatever other modules
 * register through {@link ProcessorProvider} (utm adds a {@code reference} processor that answers
 * from a Turing machine's table).
 */
public interface Processor extends AutoCloseable {

    /** Sends the prompt and returns the model's raw answer. */
    Answer process(String prompt) throws ModelException;

    /**
     * What decides the answer besides the prompt: backend, model, style and decoding options.
     * Two processors with equal fingerprints give the same answer to the same prompt under
     * deterministic decoding; the prompt cache keys on it.
     */
    String fingerprint();

    @Override
    default void close() {}
}
