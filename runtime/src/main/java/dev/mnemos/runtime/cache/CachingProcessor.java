package dev.mnemos.runtime.cache;

import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.CallBudget;
import dev.mnemos.runtime.model.CallLimitException;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.Processor;

/**
 * A processor that answers a prompt it has seen from a {@link PromptCache} (no request, no call
 * taken from the budget) and asks its delegate otherwise. An answer is stored only when the
 * cycle that used it is {@linkplain #accepted accepted}: one that did not parse or apply, or
 * that a verifier found wrong, is never stored, and a cached one that is {@linkplain #rejected
 * rejected} is forgotten, so the next run asks the model again and heals the cache.
 */
public final class CachingProcessor implements Processor {

    private final Processor delegate;
    private final PromptCache cache;
    private final String fingerprint;
    /** The last answer given from the cache, so that accepting it again costs nothing. */
    private String hitPrompt;
    private String hitAnswer;

    public CachingProcessor(Processor delegate, PromptCache cache) {
        this.delegate = delegate;
        this.cache = cache;
        this.fingerprint = delegate.fingerprint();
    }

    @Override
    public Answer process(String prompt) throws ModelException {
        String cached = lookUp(prompt);
        return cached != null ? Answer.of(cached) : delegate.process(prompt);
    }

    @Override
    public Answer process(String prompt, CallBudget budget) throws ModelException, CallLimitException {
        String cached = lookUp(prompt);
        return cached != null ? Answer.of(cached) : delegate.process(prompt, budget);
    }

    private String lookUp(String prompt) {
        String cached = cache.get(fingerprint, prompt);
        hitPrompt = cached == null ? null : prompt;
        hitAnswer = cached;
        return cached;
    }

    @Override
    public void accepted(String prompt, Answer answer) {
        boolean fromCache = prompt == hitPrompt && answer.text() == hitAnswer;
        if (!fromCache) cache.put(fingerprint, prompt, answer.text());
        delegate.accepted(prompt, answer);
    }

    @Override
    public void rejected(String prompt, Answer answer) {
        cache.remove(fingerprint, prompt, answer.text());
        delegate.rejected(prompt, answer);
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "Caching[" + delegate + "]";
    }
}
