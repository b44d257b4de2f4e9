package dev.mnemos.runtime.cycle;

import dev.mnemos.runtime.memory.Memory;

import java.util.HashMap;
import java.util.Map;

/**
 * Names the instruction {@code op} holds: the label whose value is the same text. Built from the
 * memory's instruction texts (values holding {@code @[}) when a run starts.
 */
final class StateNames {

    private final Map<String, String> labelOfText = new HashMap<>();

    StateNames(Memory memory) {
        for (Map.Entry<String, Object> e : memory.asMap().entrySet()) {
            if (e.getValue() instanceof String text && !e.getKey().equals(Machine.OP) && text.contains("@[")) {
                labelOfText.merge(text, e.getKey(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
    }

    /** The label, or null when no instruction has this text. */
    String of(String op) {
        return labelOfText.get(op);
    }
}
