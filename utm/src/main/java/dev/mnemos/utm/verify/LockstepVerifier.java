package dev.mnemos.utm.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnemos.runtime.cache.PromptHash;
import dev.mnemos.runtime.cycle.CycleEvent;
import dev.mnemos.runtime.cycle.CycleListener;
import dev.mnemos.runtime.cycle.StopRunException;
import dev.mnemos.runtime.memory.Change;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.utm.image.MemoryImage;
import dev.mnemos.utm.prompt.PromptSet;
import dev.mnemos.utm.sim.Tape;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks a live run against the reference machine, cycle by cycle (a {@link CycleListener}). On a
 * mismatch it either ends the run ({@link StopRunException} with the report), or, when told to
 * go on, rejects the answer (so the prompt cache never keeps it), puts the memory back in the
 * reference configuration (undoing stray writes) and counts.
 *
 * <p>Its state (the reference configuration, the mismatches counted, whether a mismatch stopped
 * the run) goes into checkpoints as JSON ({@link #toJson()}) and comes back with
 * {@link #restore}, so a resumed run is checked against the reference, never against its own memory.
 */
public final class LockstepVerifier implements CycleListener {

    /** At most this many mismatches are kept in {@link #mismatches()}; all are counted. */
    public static final int KEPT = 100;

    private final Lockstep lockstep;
    private final Memory memory;
    private boolean continueOnMismatch;
    private final List<Mismatch> kept = new ArrayList<>();
    private long count;
    private Long firstStep;
    private Long stoppedAt;
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

    private LockstepVerifier(Lockstep lockstep, Memory memory, boolean continueOnMismatch) {
        this.lockstep = lockstep;
        this.memory = memory;
        this.continueOnMismatch = continueOnMismatch;
    }

    @Override
    public void onCycle(CycleEvent e) throws StopRunException {
        long before = count;
        Mismatch m = check(e.step(), () -> PromptHash.hex(e.prompt()), e.answer().text(), e.changes());
        if (m != null) throw new StopRunException("verification: " + m);
        if (count > before) e.reject("verification: mismatch at step " + e.step()); // never cached
    }

    /**
     * Checks one cycle (live or replayed from a trace). Returns the mismatch that ends the run,
     * or null: none, or one resynchronised because the run goes on after mismatches.
     */
    private Mismatch check(long step, Supplier<String> promptHash, String raw, List<Change> changes) {
        checked++;
        long head = lockstep.head();
        Mismatch m = lockstep.check(step, promptHash, raw, changes);
        if (m == null) return null;
        count++;
        if (firstStep == null) firstStep = step;
        if (kept.size() < KEPT) kept.add(m);
        if (!continueOnMismatch) {
            stoppedAt = step;
            return m;
        }
        resynchronise(changes, m.expected(), MemoryImage.cellLabel(head));
        return null;
    }

    /**
     * A cycle replayed from the trace on resuming: checked as the run that wrote it checked it
     * (resynchronised after a mismatch when that run went on after mismatches).
     *
     * @throws IOException when the trace goes on after a mismatch that stopped its run
     */
    public void replayed(long step, JsonNode line, List<Change> changes) throws IOException {
        if (stoppedAt != null) {
            throw new IOException("step " + step + " follows the mismatch at step " + stoppedAt + " that stopped the run: not the trace of this checkpoint");
        }
        String hash = line.path("promptHash").asText("");
        check(step, () -> hash, line.path("raw").asText(""), changes);
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

    /**
     * Whether a mismatch stopped the run: memory then differs from the reference, and the run
     * may go on only after {@link #resynchroniseMemory()}.
     */
    public boolean stoppedOnMismatch() {
        return stoppedAt != null;
    }

    /** The step of the mismatch that stopped the run, or null. */
    public Long stoppedAt() {
        return stoppedAt;
    }

    /**
     * Puts the whole memory back in the reference configuration (the image of the reference's tape,
     * head and state, with this run's prompts), after a mismatch that stopped the run; the
     * mismatches stay counted.
     */
    public void resynchroniseMemory() {
        String state = lockstep.halted() ? MemoryImage.HALT : lockstep.state();
        memory.restore(MemoryImage.of(lockstep.prompts(), lockstep.reference().tape(), lockstep.head(), state).snapshot());
        stoppedAt = null;
    }

    /** From now on, on a mismatch: resynchronise and go on (true), or stop the run (false). */
    public void continueOnMismatch(boolean goOn) {
        this.continueOnMismatch = goOn;
    }

    /** Mismatches found (all of them counted, the first {@value #KEPT} kept). */
    public long mismatchCount() {
        return count;
    }

    /** The mismatches kept (found since this verifier was made or restored). */
    public List<Mismatch> mismatches() {
        return List.copyOf(kept);
    }

    /** The step of the first mismatch, or null. */
    public Long firstMismatchStep() {
        return firstStep;
    }

    /** Cycles checked. */
    public long checked() {
        return checked;
    }

    public Lockstep lockstep() {
        return lockstep;
    }

    /** The state a checkpoint keeps: the reference configuration and the counts. */
    public JsonNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        Tape tape = lockstep.reference().tape();
        o.put("state", lockstep.state()).put("head", lockstep.head()).put("halted", lockstep.halted()).put("steps", lockstep.steps());
        o.put("tapeFirst", tape.first());
        tape.cells().forEach(o.putArray("tape")::add);
        o.put("mismatches", count);
        if (firstStep == null) o.putNull("firstMismatchStep"); else o.put("firstMismatchStep", firstStep);
        if (stoppedAt == null) o.putNull("stoppedAt"); else o.put("stoppedAt", stoppedAt);
        o.put("continueOnMismatch", continueOnMismatch);
        return o;
    }

    /**
     * The verifier a checkpoint saved ({@link #toJson()}), checking {@code memory} from there.
     * Cycles replayed from the trace are checked the way the saved run checked them.
     *
     * @param source names the checkpoint in errors
     * @throws IOException when the section is not one {@link #toJson()} writes for this machine
     */
    public static LockstepVerifier restore(PromptSet prompts, Memory memory, JsonNode o, String source) throws IOException {
        VerifierJson in = new VerifierJson(o, source + ": sections.verifier");
        String state = in.text("state");
        if (prompts.machine().stateIndex(state) < 0) throw in.bad("state", "is not a state of " + prompts.machine().name());
        List<String> cells = in.symbols("tape", prompts.machine());
        Lockstep lockstep;
        try {
            lockstep = new Lockstep(prompts, new Tape(in.integer("tapeFirst", Long.MIN_VALUE / 4), cells), in.integer("head", Long.MIN_VALUE / 4),
                    state, in.count("steps"), in.bool("halted"));
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": sections.verifier: " + e.getMessage());
        }
        LockstepVerifier v = new LockstepVerifier(lockstep, memory, in.bool("continueOnMismatch"));
        v.count = in.count("mismatches");
        v.firstStep = in.optionalCount("firstMismatchStep");
        v.stoppedAt = in.optionalCount("stoppedAt");
        if ((v.count == 0) != (v.firstStep == null) || (v.stoppedAt != null && v.count == 0)) {
            throw new IOException(source + ": sections.verifier: mismatches, firstMismatchStep and stoppedAt disagree");
        }
        return v;
    }
}
