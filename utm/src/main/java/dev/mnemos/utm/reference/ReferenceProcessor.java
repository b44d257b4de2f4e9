package dev.mnemos.utm.reference;

import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.utm.machine.MachineFormat;
import dev.mnemos.utm.prompt.PromptSet;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code reference} backend: a processor that answers every transition prompt of a machine
 * correctly, computed from the machine's table. It recognises which state's prompt it got and
 * which symbol was read ({@link TransitionPrompts}), looks the transition up, and writes the
 * answer line. Programs run with no LLM; it is the ground truth models are compared to.
 */
public final class ReferenceProcessor implements Processor {

    private final TransitionPrompts recogniser;
    /** Made when first asked for (a run without a prompt cache never asks): it writes the machine as JSON. */
    private String fingerprint;
    /** Answers given, by prompt. */
    private final ConcurrentHashMap<String, Answer> answers = new ConcurrentHashMap<>();
    static final int REMEMBERED = 1024;

    public ReferenceProcessor(PromptSet prompts) {
        this.recogniser = new TransitionPrompts(prompts);
    }

    /**
     * @return the answer to {@code prompt}. The answers given are remembered by prompt (at most
     * {@value #REMEMBERED}): a run's Read stage hands out one String per distinct prompt, whose
     * hash is kept in it, so a prompt seen before is looked up without being read again.
     */
    @Override
    public Answer process(String prompt) throws ModelException {
        Answer known = answers.get(prompt);
        if (known != null) return known;
        Answer answer = answer(prompt);
        if (answers.size() >= REMEMBERED) answers.clear();
        answers.put(prompt, answer);
        return answer;
    }

    private Answer answer(String prompt) throws ModelException {
        TransitionPrompts.Recognised r = recogniser.recognise(prompt);
        if (r == null) {
            throw new ModelException(ModelException.Kind.REJECTED, "reference backend: the prompt is not a transition prompt of "
                    + recogniser.prompts().machine().name() + " (its last 'result = ' block matches no state's instruction)");
        }
        return Answer.of(recogniser.answer(r));
    }

    @Override
    public String fingerprint() {
        if (fingerprint == null) {
            PromptSet prompts = recogniser.prompts();
            fingerprint = "reference|" + prompts.machine().name() + "|" + Integer.toHexString(MachineFormat.toJson(prompts.machine()).hashCode());
        }
        return fingerprint;
    }
}
