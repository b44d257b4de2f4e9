package dev.mnemos.utm.reference;

import dev.mnemos.utm.machine.Action;
import dev.mnemos.utm.machine.TuringMachine;
import dev.mnemos.utm.prompt.PromptCompiler;
import dev.mnemos.utm.prompt.PromptSet;

import java.util.HashMap;
import java.util.Map;

/**
 * Recognises transition prompts: given a prompt after the Read stage, which state's instruction
 * it came from and which symbol was read. The prompt's instruction part starts at its last line
 * that begins with {@code result = } (the boot's demonstrations come before it); the symbol read
 * is the left side of its first {@code if} condition. Linear in the prompt's length.
 */
public final class TransitionPrompts {

    private static final String RESULT = "result = ";

    /** What a prompt asks: the state and the symbol read (the blank when the text has no condition). */
    public record Recognised(String state, String symbol) {}

    private final PromptSet prompts;
    /** instruction text without "@[boot]" -> state */
    private final Map<String, String> stateOfBody = new HashMap<>();
    /** The answer in (state, symbol) by their indices, made once. */
    private final String[][] answers;

    public TransitionPrompts(PromptSet prompts) {
        this.prompts = prompts;
        TuringMachine m = prompts.machine();
        this.answers = new String[m.states().size()][m.symbols().size()];
        for (String state : m.states()) {
            String body = prompts.text(state).replace(PromptCompiler.BOOT_REF, "");
            stateOfBody.putIfAbsent(body, state);
            for (String symbol : m.symbols()) {
                answers[m.stateIndex(state)][m.symbolIndex(symbol)] = PromptCompiler.answer(m.action(state, symbol).orElse(null));
            }
        }
    }

    public PromptSet prompts() {
        return prompts;
    }

    /** The state and symbol a prompt asks about, or null when it is not one of the machine's prompts. */
    public Recognised recognise(String prompt) {
        int start = prompt.startsWith(RESULT) ? 0 : -1;
        int last = prompt.lastIndexOf("\n" + RESULT);
        if (last >= 0) start = last + 1;
        if (start < 0) return null;
        StringBuilder key = new StringBuilder(prompt.length() - start + 16);
        String symbol = null;
        int at = start;
        while (at < prompt.length()) {
            int end = prompt.indexOf('\n', at);
            int next = end < 0 ? prompt.length() : end + 1;
            if (prompt.startsWith("if ", at)) {
                int eq = prompt.indexOf("==", at);
                if (eq < 0 || eq >= next) return null;
                String read = prompt.substring(at + 3, eq);
                if (symbol == null) symbol = read;
                else if (!symbol.equals(read)) return null;
                key.append("if ").append(PromptCompiler.SYMBOL_READ).append(prompt.substring(eq, next));
            } else {
                key.append(prompt.substring(at, next)); // (whole strings are copied at once, ranges char by char)
            }
            at = next;
        }
        String state = stateOfBody.get(key.toString());
        if (state == null) return null;
        if (symbol == null) symbol = prompts.machine().blank();
        if (prompts.machine().symbolIndex(symbol) < 0) return null;
        return new Recognised(state, symbol);
    }

    /** The action in (state, symbol), or null for a halt. */
    public Action action(Recognised r) {
        return prompts.machine().action(r.state(), r.symbol()).orElse(null);
    }

    /** The correct answer to a recognised prompt. */
    public String answer(Recognised r) {
        TuringMachine m = prompts.machine();
        return answers[m.stateIndex(r.state())][m.symbolIndex(r.symbol())];
    }
}
