package dev.mnemos.utm.lag.check;

import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.utm.lag.LagSystem;
import dev.mnemos.utm.lag.Rule;

import java.util.HashMap;
import java.util.Map;

/**
 * A "model" that answers lookups from the Lag system itself: the value of the key on the prompt's
 * last {@code KEY: } line, or an empty answer for a key with no rule. The check's and the run's
 * default without a model, and a stand-in that is always right.
 */
public final class LagReferenceProcessor implements Processor {

    public static final String NAME = "reference";

    private final Map<String, String> values = new HashMap<>();

    public LagReferenceProcessor(LagSystem system) {
        for (Rule r : system.rules()) values.put(system.keyText(r), system.valueText(r));
    }

    @Override
    public Answer process(String prompt) {
        int at = prompt.lastIndexOf(Dictionary.KEY_LINE);
        if (at < 0) return Answer.of("");
        int end = prompt.indexOf('\n', at);
        String key = prompt.substring(at + Dictionary.KEY_LINE.length(), end < 0 ? prompt.length() : end).strip();
        return Answer.of(values.getOrDefault(key, ""));
    }

    @Override
    public String fingerprint() {
        return NAME + "|lag";
    }
}
