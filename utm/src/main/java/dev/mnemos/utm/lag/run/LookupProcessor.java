package dev.mnemos.utm.lag.run;

import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.CallBudget;
import dev.mnemos.runtime.model.CallLimitException;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.utm.lag.LagSystem;
import dev.mnemos.utm.lag.check.Dictionary;

import java.util.ArrayList;
import java.util.List;

/**
 * The Compute stage of a Lag run: asks the model for the value of the prompt's key and turns the
 * answer into the runtime's instruction that appends it: {@code " %[t]="vD" %[t1]="aB" t+=2 t1+=2
 * i+=1 j+=1 "}. The answer is data: it must be, after trimming, a sequence of the system's symbols,
 * which are letters, digits and {@code _.+-} only; anything else becomes an answer that does not
 * parse (strict mode), naming the raw text. A key that no rule has (the Lag system halts there)
 * is answered {@code " op="halt" "} without a model call, as the system's definition says; every
 * rule's lookup goes to the model.
 */
public final class LookupProcessor implements Processor {

    /** The start of the answer given for a model answer that is not a value. */
    public static final String NOT_A_VALUE = "not a value of the dictionary: ";

    private final Processor model;
    private final LagSystem system;
    private final int pointers;
    private volatile String lastRaw;
    private volatile String notAValue;
    private volatile String notAValueKey;
    private final java.util.concurrent.atomic.AtomicLong halts = new java.util.concurrent.atomic.AtomicLong();

    public LookupProcessor(Processor model, LagSystem system) {
        this.model = model;
        this.system = system;
        this.pointers = LagImage.pointers(system);
    }

    @Override
    public Answer process(String prompt) throws ModelException {
        int[] key = key(prompt);
        return halts(key) ? halt() : value(key, model.process(prompt));
    }

    /**
     * The same within a budget: the model's processor takes the request from {@code budget}, so a
     * prompt it refuses before sending (the local backend's context) is no call; a halt takes one,
     * which {@link #halts()} gives back.
     */
    @Override
    public Answer process(String prompt, CallBudget budget) throws ModelException, CallLimitException {
        int[] key = key(prompt);
        if (halts(key)) {
            budget.take();
            return halt();
        }
        return value(key, model.process(prompt, budget));
    }

    private boolean halts(int[] key) {
        return key == null || system.rule(key[0], key[1]) == null;
    }

    private Answer halt() {
        lastRaw = null;
        halts.incrementAndGet();
        return Answer.of("\" op=\"halt\" \"");
    }

    /** The instruction that appends the model's answer {@code a} for {@code key}, or one that does not parse. */
    private Answer value(int[] key, Answer a) {
        lastRaw = a.text();
        List<String> value = symbols(a.text().strip());
        if (value != null && value.size() > pointers) value = null;
        if (value == null) {
            notAValue = a.text();
            notAValueKey = system.join(key);
        }
        String text = value == null ? NOT_A_VALUE + a.text() : instruction(value);
        return new Answer(text, a.inputTokens(), a.outputTokens());
    }

    /**
     * Why the last answer that was not a value failed, in the Lag system's words (the runtime's
     * parser only sees the text this processor made of it), or null when every answer was a value.
     */
    public String notAValue() {
        String raw = notAValue;
        if (raw == null) return null;
        String shown = raw.length() > 200 ? raw.substring(0, 200) + "... (" + raw.length() + " characters)" : raw;
        return "key '" + notAValueKey + "': the model's answer is not a value of the dictionary (symbols of " + system.name() + "): \"" + shown + "\"";
    }

    /** Lookups answered with the halt, without a model call (the runtime counts them as calls). */
    public long halts() {
        return halts.get();
    }

    /** The model's raw answer in the last call, or null when the last lookup needed no call. */
    public String lastRaw() {
        return lastRaw;
    }

    private int[] key(String prompt) {
        int at = prompt.lastIndexOf(Dictionary.KEY_LINE);
        int end = prompt.lastIndexOf("\n" + Dictionary.VALUE_LINE);
        if (at < 0 || end < at) return null;
        List<String> syms = symbols(prompt.substring(at + Dictionary.KEY_LINE.length(), end));
        if (syms == null || syms.size() != 2) return null;
        return new int[] {system.id(syms.get(0)), system.id(syms.get(1))};
    }

    /** The symbols of a text, or null when it is not made of them (an empty text has none). */
    List<String> symbols(String text) {
        List<String> out = new ArrayList<>();
        int width = system.symbolWidth();
        if (width > 0) {
            if (text.length() % width != 0) return null;
            for (int k = 0; k < text.length(); k += width) out.add(text.substring(k, k + width));
        } else if (!text.isEmpty()) {
            for (String s : text.split(" ")) out.add(s);
        }
        for (String s : out) if (system.id(s) < 0) return null;
        return out;
    }

    private String instruction(List<String> value) {
        StringBuilder sb = new StringBuilder("\" ");
        for (int k = 0; k < value.size(); k++) sb.append("%[").append(LagImage.tail(k)).append("]=\"").append(value.get(k)).append("\" ");
        if (!value.isEmpty()) for (int p = 0; p < pointers; p++) sb.append(LagImage.tail(p)).append("+=").append(value.size()).append(' ');
        return sb.append(LagImage.FRONT).append("+=1 ").append(LagImage.SECOND).append("+=1 \"").toString();
    }

    @Override
    public String fingerprint() {
        return model.fingerprint() + "|lag-lookup";
    }

    @Override
    public void close() {
        model.close();
    }
}
