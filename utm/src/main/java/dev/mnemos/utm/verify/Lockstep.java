package dev.mnemos.utm.verify;

import dev.mnemos.runtime.memory.Change;
import dev.mnemos.utm.machine.TuringMachine;
import dev.mnemos.utm.prompt.PromptSet;
import dev.mnemos.utm.sim.Simulator;
import dev.mnemos.utm.sim.Tape;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lockstep comparison of a run with the reference machine, one cycle at a time. Holds the
 * reference configuration; {@link #check} compares a cycle's changes with the reference transition
 * and advances the reference. Used live by {@link LockstepVerifier} and offline on a trace.
 */
public final class Lockstep {

    private final PromptSet prompts;
    private final TuringMachine machine;
    private final Simulator reference;
    private final Map<String, String> stateOfText = new HashMap<>();
    private boolean halted;

    /** Starts from a configuration: the tape, the head and the state (the machine's start state for a new run). */
    public Lockstep(PromptSet prompts, Tape tape, long head, String state) {
        this.prompts = prompts;
        this.machine = prompts.machine();
        this.reference = new Simulator(machine, tape, head, state);
        prompts.texts().forEach((s, text) -> stateOfText.putIfAbsent(text, s));
    }

    /** The reference state before the next cycle. */
    public String state() {
        return reference.stateName();
    }

    public String symbol() {
        return reference.symbolName();
    }

    public long head() {
        return reference.head();
    }

    /** Whether the reference machine has halted (its halt cycle was checked). */
    public boolean halted() {
        return halted;
    }

    /** Reference steps taken. */
    public long steps() {
        return reference.steps();
    }

    public Simulator reference() {
        return reference;
    }

    public Map<String, String> stateOfText() {
        return stateOfText;
    }

    /** The effect the next cycle should have. */
    public Effect expected() {
        if (halted) throw new IllegalStateException("the reference machine has halted; no cycle is expected");
        return Effect.expected(machine, state(), symbol(), head());
    }

    /**
     * Checks one cycle's changes against the reference transition, then advances the reference
     * whether they agree or not. Returns null when they agree, else the mismatch.
     */
    public Mismatch check(long step, String promptHash, String raw, List<Change> changes) {
        if (halted) {
            Effect none = new Effect("halt", head(), symbol(), head(), Map.of());
            return new Mismatch(step, "halt", symbol(), promptHash, raw, none,
                    Effect.actual("halt", symbol(), head(), changes, stateOfText));
        }
        Effect expected = expected();
        Effect actual = Effect.actual(state(), symbol(), head(), changes, stateOfText);
        Mismatch m = expected.sameAs(actual, machine.blank()) ? null
                : new Mismatch(step, state(), symbol(), promptHash, raw, expected, actual);
        if (!reference.step()) halted = true;
        return m;
    }

    public PromptSet prompts() {
        return prompts;
    }
}
