package dev.mnemos.utm.prompt;

import dev.mnemos.utm.machine.TuringMachine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A machine's prompts: the {@code boot} preamble and one instruction text per state. The texts
 * hold {@code @[boot]} and {@code @[@[i]]}; {@link #prompt} shows what the Read stage makes of them.
 */
public record PromptSet(TuringMachine machine, String boot, Map<String, String> texts) {

    public PromptSet {
        if (boot.contains("@[")) throw new IllegalArgumentException("the boot must not contain '@[': the Read stage would substitute it");
        texts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    }

    /** The same texts with another boot (a repaired one, say). */
    public PromptSet withBoot(String boot) {
        return new PromptSet(machine, boot, texts);
    }

    public String text(String state) {
        String t = texts.get(state);
        if (t == null) throw new IllegalArgumentException("machine " + machine.name() + " has no state '" + state + "'");
        return t;
    }

    /** The prompt the model gets in (state, symbol): the text with the boot and the symbol read filled in. */
    public String prompt(String state, String symbol) {
        return text(state).replace(PromptCompiler.BOOT_REF, boot).replace(PromptCompiler.SYMBOL_READ, symbol);
    }

    /** The answer a correct processor gives in (state, symbol). */
    public String expectedAnswer(String state, String symbol) {
        return PromptCompiler.answer(machine.action(state, symbol).orElse(null));
    }

    /** One distinct prompt: the state, the symbols that lead to it, and the correct answer. */
    public record Transition(String state, List<String> symbols, String prompt, String answer) {}

    /**
     * The distinct prompts of the machine, in state order. A state that does the same on several
     * symbols gives one prompt for them (U15,2 has 29: F's two symbols share one).
     */
    public List<Transition> transitions() {
        List<Transition> out = new ArrayList<>();
        for (String state : machine.states()) {
            Map<String, List<String>> byPrompt = new LinkedHashMap<>();
            for (String symbol : machine.symbols()) {
                byPrompt.computeIfAbsent(prompt(state, symbol), p -> new ArrayList<>()).add(symbol);
            }
            byPrompt.forEach((p, symbols) -> out.add(new Transition(state, List.copyOf(symbols), p, expectedAnswer(state, symbols.get(0)))));
        }
        return out;
    }
}
