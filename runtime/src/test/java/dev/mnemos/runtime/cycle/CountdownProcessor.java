package dev.mnemos.runtime.cycle;

import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.Processor;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A model for the countdown sample program: reads the last {@code n = X} line of the prompt and
 * answers as a perfect model would. Scripted faults can be queued ahead of the right answers.
 */
public final class CountdownProcessor implements Processor {

    public int calls;
    private final Deque<Object> faults = new ArrayDeque<>();

    /** The next call answers this text instead (e.g. prose, a wrong instruction). */
    public CountdownProcessor thenAnswer(String text) {
        faults.add(text);
        return this;
    }

    /** The next call fails with this error. */
    public CountdownProcessor thenFail(ModelException e) {
        faults.add(e);
        return this;
    }

    @Override
    public Answer process(String prompt) throws ModelException {
        calls++;
        Object fault = faults.poll();
        if (fault instanceof ModelException e) throw e;
        if (fault instanceof String s) return new Answer(s, prompt.length() / 4, 3);
        int at = prompt.lastIndexOf("n = ");
        long n = Long.parseLong(prompt.substring(at + 4, prompt.indexOf('\n', at)).trim());
        return new Answer(n == 0 ? " \" op=\"halt\" \"" : " \" n-=1 op=\"%[A]\" \"", prompt.length() / 4, 8);
    }

    @Override
    public String fingerprint() {
        return "countdown";
    }
}
