package dev.mnemos.llama;

import de.kherud.llama.Pair;
import java.util.List;

/**
 * Turns chat turns into the prompt a model was trained on: the model file's own template (through
 * llama.cpp), or, for a file that carries none (the catalog's Gemma 3), a named one written here.
 */
final class ChatFormat {

    private ChatFormat() {}

    /**
     * The prompt for {@code turns} ((role, text) pairs, role user or assistant) after an optional
     * system instruction, ending where the model's answer begins.
     */
    static String prompt(Engine engine, String template, String system, List<Pair<String, String>> turns) {
        if (template == null) return engine.applyTemplate(system, turns);
        return template.equals("gemma") ? gemma(system, turns) : chatml(system, turns);
    }

    /** Gemma's turns: the system instruction opens the first user turn; the answer's role is "model". */
    static String gemma(String system, List<Pair<String, String>> turns) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (Pair<String, String> turn : turns) {
            String role = turn.getKey().equals("assistant") ? "model" : "user";
            out.append("<start_of_turn>").append(role).append('\n');
            if (first && system != null && !system.isEmpty() && role.equals("user")) out.append(system).append("\n\n");
            out.append(turn.getValue().strip()).append("<end_of_turn>\n");
            first = false;
        }
        return out.append("<start_of_turn>model\n").toString();
    }

    /** ChatML's turns ({@code <|im_start|>role ... <|im_end|>}). */
    static String chatml(String system, List<Pair<String, String>> turns) {
        StringBuilder out = new StringBuilder();
        if (system != null && !system.isEmpty()) out.append("<|im_start|>system\n").append(system).append("<|im_end|>\n");
        for (Pair<String, String> turn : turns) {
            out.append("<|im_start|>").append(turn.getKey()).append('\n').append(turn.getValue()).append("<|im_end|>\n");
        }
        return out.append("<|im_start|>assistant\n").toString();
    }
}
