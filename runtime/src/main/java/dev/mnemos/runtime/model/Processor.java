package dev.mnemos.runtime.model;

/**
 * The Compute stage: one call of a model on one prompt.
 *
 * <p>Implementations: {@link OllamaProcessor}, {@link OpenAiProcessor}, and whatever other modules
 * register through {@link ProcessorProvider} (utm adds a {@code reference} processor that answers
 * from a Turing machine's table). Decorators wrap them: {@link RetryingProcessor} (the one retry
 * policy for transient failures) and the prompt cache's {@code CachingProcessor}.
 */
public interface Processor extends AutoCloseable {

    /** Sends the prompt and returns the model's raw answer. */
    Answer process(String prompt) throws ModelException;

    /**
     * The same within a budget: every request sent takes one from {@code budget} first (a
     * decorator that retries takes one per try; one that answers from a cache takes none).
     *
     * @throws CallLimitException when the budget allowed no request at all
     */
    default Answer process(String prompt, CallBudget budget) throws ModelException, CallLimitException {
        budget.take();
        return process(prompt);
    }

    /**
     * Told after the cycle that used {@code answer} completed and every listener (a verifier)
     * accepted it: the answer may be kept (a cache stores it now, and only now).
     */
    default void accepted(String prompt, Answer answer) {}

    /**
     * Told when {@code answer} did not parse or apply, or a listener (a verifier) found it wrong:
     * it must not be kept (a cache that gave it forgets it, so the next run asks the model).
     */
    default void rejected(String prompt, Answer answer) {}

    /**
     * What decides the answer besides the prompt: backend, model, style and decoding options.
     * Two processors with equal fingerprints give the same answer to the same prompt under
     * deterministic decoding; the prompt cache keys on it.
     */
    String fingerprint();

    @Override
    default void close() {}
}
