package dev.mnemos.utm.run;

import dev.mnemos.runtime.cycle.CycleListener;
import dev.mnemos.runtime.cycle.Machine;
import dev.mnemos.runtime.cycle.Progress;
import dev.mnemos.runtime.cycle.RunResult;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.utm.bitag.BiTagSystem;
import dev.mnemos.utm.bitag.Word;
import dev.mnemos.utm.bitag.WordWatcher;
import dev.mnemos.utm.image.MemoryImage;
import dev.mnemos.utm.prompt.PromptSet;
import dev.mnemos.utm.sim.Tape;
import dev.mnemos.utm.verify.LockstepVerifier;

import java.util.List;
import java.util.Objects;

/**
 * Runs a Turing machine's memory image on the string-memory runtime, checked in lockstep against
 * the reference machine (unless told not to) and, for a bi-tag program on U15,2, with its words
 * decoded along the way. The caller sets up the {@link Machine.Builder} (processor, cache, trace,
 * checkpoints, limits); this adds the verifier and the word watcher and sums the run up.
 *
 * <pre>{@code
 * Memory memory = MemoryImage.of(prompts, tape, head);
 * MachineRun run = new MachineRun(prompts, memory, true, false, null);
 * Summary s = run.run(Machine.builder().processor(new ReferenceProcessor(prompts)), Progress.START);
 * }</pre>
 */
public final class MachineRun {

    private final PromptSet prompts;
    private final Memory memory;
    private final LockstepVerifier verifier;
    private final WordWatcher words;

    /**
     * @param memory              the memory image, in the configuration the run starts from
     * @param verify              check every cycle against the reference machine
     * @param continueOnMismatch  on a mismatch, resynchronise and go on instead of stopping
     * @param bitag               the bi-tag system the tape encodes (U15,2 only), or null
     */
    public MachineRun(PromptSet prompts, Memory memory, boolean verify, boolean continueOnMismatch, BiTagSystem bitag) {
        this.prompts = Objects.requireNonNull(prompts);
        this.memory = Objects.requireNonNull(memory);
        this.verifier = verify ? new LockstepVerifier(prompts, memory, continueOnMismatch) : null;
        this.words = bitag == null ? null : new WordWatcher(bitag, prompts, memory);
    }

    /** The verifier, or null when the run is not verified. */
    public LockstepVerifier verifier() {
        return verifier;
    }

    /** Listeners the run adds to the machine (verifier first). */
    public List<CycleListener> listeners() {
        if (verifier != null && words != null) return List.of(verifier, words);
        if (verifier != null) return List.of(verifier);
        return words != null ? List.of(words) : List.of();
    }

    /** The fields utm adds to each trace line ({@code head}, {@code symbol}): give them to the run's {@code TraceWriter}. */
    public HeadFields traceFields() {
        return new HeadFields(memory);
    }

    /** Builds the machine with this run's listeners added and runs it from {@code start}. */
    public Summary run(Machine.Builder builder, Progress start) {
        listeners().forEach(builder::listener);
        return summarise(builder.build().run(memory, start));
    }

    /** Sums up a run that ended with {@code r} on this memory. */
    public Summary summarise(RunResult r) {
        Long head = memory.get(MemoryImage.HEAD) instanceof Long h ? h : null;
        String state = MemoryImage.state(memory, prompts);
        Tape tape;
        try {
            tape = MemoryImage.tape(memory, prompts.machine()).trim(prompts.machine().blank());
        } catch (IllegalArgumentException tooSparse) {
            tape = null; // a stray write far from the tape: the summary shows no tape
        }
        Word last = words == null ? null : words.lastWord();
        String error = r.failure() != null ? r.failure().getMessage() : r.stopReason();
        return new Summary(r.status().name().toLowerCase(), r.halted(), Summary.steps(r), r.cycles(), r.modelCalls(), r.cacheHits(),
                verifier != null, verifier == null ? 0 : verifier.mismatchCount(), verifier == null ? null : verifier.firstMismatchStep(),
                head, state, tape == null ? null : tape.text(), tape == null ? 0 : tape.first(), last == null ? null : last.toString(),
                words == null ? List.of() : words.words().stream().map(Word::toString).toList(),
                r.elapsed().toNanos() / 1e9, error);
    }

    public Memory memory() {
        return memory;
    }
}
