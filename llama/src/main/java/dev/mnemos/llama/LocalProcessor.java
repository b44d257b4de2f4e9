package dev.mnemos.llama;

import de.kherud.llama.Pair;
import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.CallBudget;
import dev.mnemos.runtime.model.CallLimitException;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.Style;
import java.util.List;

/**
 * The local backend's processor: a GGUF model run in-process by llama.cpp. Completion style
 * continues the prompt as it is; chat style sends it as one user message (after the system
 * instruction) in the model's chat template. Temperature, max tokens, stop sequences and the
 * grammar come from the config; a call is bounded by its timeout. No retries: nothing here is
 * transient.
 */
public final class LocalProcessor implements Processor {

    private final ProcessorConfig config;
    private final LocalSettings settings;
    private final Engine engine;
    private final String fingerprint;

    LocalProcessor(ProcessorConfig config, LocalSettings settings, Engine engine) {
        this.config = config;
        this.settings = settings;
        this.engine = engine;
        this.fingerprint = settings.fingerprint(config);
    }

    @Override
    public Answer process(String prompt) throws ModelException {
        return engine.generate(text(prompt), decoding(), config.timeout(), settings.model());
    }

    /**
     * The same within a budget: a prompt that does not fit the context is refused before a request
     * is taken from {@code budget}, since nothing reaches the model (a refused prompt is no call).
     */
    @Override
    public Answer process(String prompt, CallBudget budget) throws ModelException, CallLimitException {
        String text = text(prompt);
        int promptTokens = engine.fit(text, settings.model());
        budget.take();
        return engine.generate(text, promptTokens, decoding(), config.timeout(), settings.model());
    }

    /** The text the model continues: the prompt itself, or in chat style the model's chat template around it. */
    private String text(String prompt) {
        return config.style() == Style.CHAT
                ? ChatFormat.prompt(engine, settings.chatTemplate(), config.systemInstruction(), List.of(new Pair<>("user", prompt)))
                : prompt;
    }

    private Engine.Decoding decoding() {
        return new Engine.Decoding(config.temperature(), config.maxTokens(), config.stop(), settings.grammar(), settings.seed());
    }

    Engine engine() {
        return engine;
    }

    /** The number of tokens {@code text} makes for this model (the prompt-length check counts this way). */
    public int tokens(String text) {
        return engine.tokens(text);
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public String toString() {
        return "LocalProcessor[" + fingerprint + "]";
    }
}
