package dev.mnemos.utm.verify;

import dev.mnemos.runtime.memory.Change;
import dev.mnemos.utm.image.MemoryImage;
import dev.mnemos.utm.machine.Action;
import dev.mnemos.utm.machine.TuringMachine;
import dev.mnemos.utm.prompt.PromptSet;
import dev.mnemos.utm.sim.Simulator;
import dev.mnemos.utm.sim.Tape;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
    private final String[] textOf;
    /** By state and symbol read ({@code state * symbols + symbol}): the text of the state the transition goes to; null where none. */
    private final String[] nextText;
    private final long stepsBefore;
    private boolean halted;

    /** Starts from a configuration: the tape, the head and the state (the machine's start state for a new run). */
    public Lockstep(PromptSet prompts, Tape tape, long head, String state) {
        this(prompts, tape, head, state, 0, false);
    }

    /**
     * Goes on from a configuration the reference reached earlier (a resumed run): after
     * {@code stepsBefore} steps, halted or not.
     */
    public Lockstep(PromptSet prompts, Tape tape, long head, String state, long stepsBefore, boolean halted) {
        this.stepsBefore = stepsBefore;
        this.halted = halted;
        this.prompts = prompts;
        this.machine = prompts.machine();
        this.reference = new Simulator(machine, tape, head, state);
        for (Map.Entry<String, String> t : prompts.texts().entrySet()) stateOfText.putIfAbsent(t.getValue(), t.getKey());
        this.textOf = new String[machine.states().size()];
        for (int s = 0; s < textOf.length; s++) textOf[s] = prompts.text(machine.states().get(s));
        this.nextText = nextTexts(machine, textOf);
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
        return stepsBefore + reference.steps();
    }

    public Simulator reference() {
        return reference;
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
        return check(step, () -> promptHash, raw, changes);
    }

    /** As {@link #check(long, String, String, List)}, computing the prompt hash only for a mismatch. */
    public Mismatch check(long step, Supplier<String> promptHash, String raw, List<Change> changes) {
        if (!halted && matchesFast(changes)) {
            reference.step();
            return null;
        }
        return checkSlow(step, promptHash, raw, changes);
    }

    private static String[] nextTexts(TuringMachine machine, String[] textOf) {
        int symbols = machine.symbols().size();
        String[] next = new String[machine.states().size() * symbols];
        for (int state = 0; state < machine.states().size(); state++) {
            for (int symbol = 0; symbol < symbols; symbol++) {
                Action a = machine.action(state, symbol);
                int to = a == null ? -1 : machine.stateIndex(a.next());
                if (to >= 0) next[state * symbols + symbol] = textOf[to];
            }
        }
        return next;
    }

    /**
     * The common case without allocating: the cycle wrote exactly op, i and the cell under the
     * head, with the reference values. Anything else goes the slow way, which decides.
     */
    private boolean matchesFast(List<Change> changes) {
        int state = reference.state(), symbol = reference.symbol();
        Action a = machine.action(state, symbol);
        if (a == null || changes.size() != 3) return false;
        String cell = MemoryImage.cellLabel(reference.head());
        int seen = 0;
        for (int k = 0; k < 3; k++) {
            Change c = changes.get(k);
            Object v = c.after();
            if (c.label().equals(MemoryImage.OP)) {
                String next = nextText[state * machine.symbols().size() + symbol];
                if (next == null || !next.equals(v)) return false;
                seen |= 1;
            } else if (c.label().equals(MemoryImage.HEAD)) {
                if (!(v instanceof Long h) || h != reference.head() + a.move().delta()) return false;
                seen |= 2;
            } else if (c.label().equals(cell)) {
                if (!a.write().equals(v)) return false;
                seen |= 4;
            } else {
                return false;
            }
        }
        return seen == 7;
    }

    private Mismatch checkSlow(long step, Supplier<String> promptHash, String raw, List<Change> changes) {
        if (halted) {
            Effect none = new Effect("halt", head(), symbol(), head(), Map.of());
            return new Mismatch(step, "halt", symbol(), promptHash.get(), raw, none,
                    Effect.actual("halt", symbol(), head(), changes, stateOfText));
        }
        Effect expected = expected();
        Effect actual = Effect.actual(state(), symbol(), head(), changes, stateOfText);
        Mismatch m = expected.sameAs(actual, machine.blank()) ? null
                : new Mismatch(step, state(), symbol(), promptHash.get(), raw, expected, actual);
        if (!reference.step()) halted = true;
        return m;
    }

    public PromptSet prompts() {
        return prompts;
    }
}
