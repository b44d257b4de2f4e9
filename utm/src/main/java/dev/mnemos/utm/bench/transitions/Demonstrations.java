package dev.mnemos.utm.bench.transitions;

import dev.mnemos.utm.prompt.PromptCompiler;
import dev.mnemos.utm.prompt.PromptSet;

import java.util.List;

/**
 * Demonstrations for the boot preamble, in the shape of the boot's own: a state's instruction
 * text with the symbol read written in as a literal condition, then the line a correct processor
 * answers. For U15,2's G reading 0:
 * <pre>
 * result = " op="%[H]" %[i]="0" i-=1 "
 * if 0==1 then result = " op="%[G]" %[i]="1" i-=1 "
 * $result
 * " op="%[H]" %[i]="0" i-=1 "
 * </pre>
 */
public final class Demonstrations {

    private Demonstrations() {}

    /** The demonstration of (state, symbol read). */
    public static String of(PromptSet prompts, String state, String symbol) {
        String body = prompts.text(state).replace(PromptCompiler.BOOT_REF, "").replace(PromptCompiler.SYMBOL_READ, symbol);
        return body + prompts.expectedAnswer(state, symbol) + "\n";
    }

    /**
     * The boot with a demonstration of each transition appended, after what is there (so nearest
     * the question). A transition that already has one gets another: a repeated demonstration is
     * how a later repair round weighs a transition that still fails.
     */
    public static String add(String boot, PromptSet prompts, List<PromptSet.Transition> transitions) {
        StringBuilder out = new StringBuilder(boot);
        if (!boot.isEmpty() && !boot.endsWith("\n")) out.append('\n');
        for (PromptSet.Transition t : transitions) out.append(of(prompts, t.state(), t.symbols().get(0)));
        return out.toString();
    }

    /**
     * The boot with a demonstration of every distinct transition appended, in
     * {@link PromptSet#transitions()} order: every question then repeats a part of its own prompt
     * that is followed by the answer, so a model only has to find it and copy (a retrieval aid; what
     * it scores is not the model's own reading of the condition).
     */
    public static String all(PromptSet prompts) {
        return add(prompts.boot(), prompts, prompts.transitions());
    }
}
