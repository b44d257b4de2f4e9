package dev.mnemos.utm.verify;

import dev.mnemos.runtime.cache.PromptHash;
import dev.mnemos.runtime.cycle.CycleEvent;
import dev.mnemos.runtime.cycle.CycleListener;
import dev.mnemos.runtime.cycle.StopRunException;
import dev.mnemos.runtime.memory.Change;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.utm.image.MemoryImage;
import dev.mnemos.utm.prompt.PromptSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a live run against the reference machine, cycle by cycle (a {@link CycleListener}). On a
 * mismatch it either ends the run ({@link StopRunException} with the report), or, when told to
 * go on, rejects the answer (so the prompt cache never keeps it), puts the memory back in the
 * reference configuration (undoing stray writes) and counts.
 */
public final class LockstepVerifier implements CycleListener {

    /** At most this many mismatches are kept in {@link #mismatches()}; all are counted. */
    public static final int KEPT = 100;

    private final Lockstep lockstep;
    private final Memory memory;
    private final boolean continueOnMismatch;
    private final List<Mismatch> kept = new ArrayList<>();
    private long count;
    private long checked;

    /**
     * @param memory the memory the machine runs on, in its configuration before the next cycle
     */
    public LockstepVerifier(PromptSet prompts, Memory memory, boolean continueOnMismatch) {
        String state = MemoryImage.state(memory, prompts);
        if (state == null) throw new IllegalArgumentException("op holds no instruction text of " + prompts.machine().name());
        if (state.equals(MemoryImage.HALT)) throw new IllegalArgumentException("the memory has halted already");
        this.lockstep = new Lockstep(prompts, MemoryImage.tape(memory, prompts.machine()), MemoryImage.head(memory), state);
        this.memory = memory;
        this.continueOnMismatch = continueOnMismatch;
    }

    @Override
    public void onCycle(CycleEvent e) throws StopRunException {
        checked++;
        long head = lockstep.head();
        Mismatch m = lockstep.check(e.step(), () -> PromptHash.hex(e.prompt()), e.answer().text(), e.changes());
        if (m == null) return;
        String cell = MemoryImage.cellLabel(head);
        Effect expected = m.expected();
        count++;
        if (kept.size() < KEPT) kept.add(m);
        if (!continueOnMismatch) throw new StopRunException("verification: " + m);
        e.reject("verification: " + m); // the run goes on, but the wrong answer is never cached
        resynchronise(e.changes(), expected, cell);
    }

    /** Undoes the cycle's writes and applies the reference transition instead. */
    private void resynchronise(List<Change> changes, Effect expected, String cell) {
        for (int k = changes.size() - 1; k >= 0; k--) memory.set(changes.get(k).label(), changes.get(k).before());
        if (expected.next().equals(MemoryImage.HALT)) {
            memory.put(MemoryImage.OP, MemoryImage.HALT);
            return;
        }
        memory.put(cell, expected.written());
        memory.put(MemoryImage.HEAD, expected.head());
        memory.put(MemoryImage.OP, lockstep.prompts().text(expected.next()));
    }

    /** Mismatches found (all of them counted, the first {@value #KEPT} kept). */
    public long mismatchCount() {
        return count;
    }

    public List<Mismatch> mismatches() {
        return List.copyOf(kept);
    }

    /** The step of the first mismatch, or null. */
    public Long firstMismatchStep() {
        return kept.isEmpty() ? null : kept.get(0).step();
    }

    /** Cycles checked. */
    public long checked() {
        return checked;
    }

    public Lockstep lockstep() {
        return lockstep;
    }
}
