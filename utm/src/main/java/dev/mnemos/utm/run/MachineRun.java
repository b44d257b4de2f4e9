package dev.mnemos.utm.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mnemos.runtime.checkpoint.Checkpoint;
import dev.mnemos.runtime.checkpoint.CheckpointStore;
import dev.mnemos.runtime.cycle.CycleListener;
import dev.mnemos.runtime.memory.Change;
import dev.mnemos.runtime.cycle.Machine;
import dev.mnemos.runtime.cycle.Progress;
import dev.mnemos.runtime.cycle.RunResult;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.utm.bitag.BiTagProgram;
import dev.mnemos.utm.bitag.BiTagSystem;
import dev.mnemos.utm.bitag.Word;
import dev.mnemos.utm.bitag.WordWatcher;
import dev.mnemos.utm.image.MemoryImage;
import dev.mnemos.utm.prompt.PromptSet;
import dev.mnemos.utm.sim.Tape;
import dev.mnemos.utm.verify.LockstepVerifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
    /** A new run's configuration at its start ({@link #INPUT}, made into JSON only for a checkpoint), else null. */
    private final Tape startTape;
    private final long startHead;
    /** A restored run's {@link #INPUT} section, or null (a new run, or a checkpoint of an older version that did not keep it). */
    private final JsonNode savedInput;

    /**
     * @param memory              the memory image, in the configuration the run starts from
     * @param verify              check every cycle against the reference machine
     * @param continueOnMismatch  on a mismatch, resynchronise and go on instead of stopping
     * @param bitag               the bi-tag system the tape encodes (U15,2 only), or null
     */
    public MachineRun(PromptSet prompts, Memory memory, boolean verify, boolean continueOnMismatch, BiTagSystem bitag) {
        this(prompts, memory, verify ? new LockstepVerifier(prompts, memory, continueOnMismatch) : null,
                bitag == null ? null : new WordWatcher(bitag, prompts, memory),
                MemoryImage.tape(memory, prompts.machine()), MemoryImage.head(memory), null);
    }

    private MachineRun(PromptSet prompts, Memory memory, LockstepVerifier verifier, WordWatcher words, Tape startTape, long startHead,
                       JsonNode savedInput) {
        this.prompts = Objects.requireNonNull(prompts);
        this.memory = Objects.requireNonNull(memory);
        this.verifier = verifier;
        this.words = words;
        this.startTape = startTape;
        this.startHead = startHead;
        this.savedInput = savedInput;
    }

    /** Checkpoint section names. */
    public static final String VERIFIER = "verifier";
    public static final String WORDS = "words";
    /** The section that keeps the configuration the run started from (its input): {@code tapeFirst}, {@code tape}, {@code head}. */
    public static final String INPUT = "input";

    private static JsonNode inputJson(Tape tape, long head) {
        var o = JsonNodeFactory.instance.objectNode();
        o.put("tapeFirst", tape.first());
        ArrayNode cells = o.putArray("tape");
        for (String c : tape.cells()) cells.add(c);
        o.put("head", head);
        return o;
    }

    /**
     * Checks that the run a checkpoint saved started from {@code tape} and {@code head}: a resume
     * given another input would decode and verify the run as if it were that input's.
     *
     * @param source names the checkpoint in the error
     * @throws IOException naming what differs, when the checkpoint says its run started elsewhere
     */
    public static void checkInput(PromptSet prompts, Checkpoint checkpoint, Tape tape, long head, String source) throws IOException {
        JsonNode input = checkpoint.section(INPUT);
        if (input == null) return; // a checkpoint of an older version: nothing to compare with
        String blank = prompts.machine().blank();
        long savedFirst = input.path("tapeFirst").asLong();
        List<String> saved = new ArrayList<>();
        input.path("tape").forEach(c -> saved.add(c.asText()));
        Tape theirs = new Tape(savedFirst, saved);
        long savedHead = input.path("head").asLong();
        String difference = null;
        if (savedHead != head) difference = "has the head at cell " + head;
        Long cell = difference != null ? null : firstDifference(tape, theirs, blank);
        if (difference == null && cell == null) cell = firstDifference(theirs, tape, blank);
        if (cell != null) difference = "has " + tape.at(cell, blank) + " in cell " + cell + " (the run's had " + theirs.at(cell, blank) + ")";
        if (difference == null) return;
        throw new IOException(source + ": its run started from another input: the tape from cell " + theirs.first() + " ("
                + theirs.cells().size() + " cells) with the head at cell " + savedHead + ", where this input " + difference
                + "; give the run's own --bitag, --word or --tape, or none");
    }

    /** The first of {@code a}'s cells whose symbol {@code b} does not have there, or null (linear in a's length). */
    private static Long firstDifference(Tape a, Tape b, String blank) {
        for (long c = a.first(); c < a.end(); c++) {
            if (!a.at(c, blank).equals(b.at(c, blank))) return c;
        }
        return null;
    }

    /**
     * The run a checkpoint saved, going on from its memory: the verifier from the reference
     * configuration the checkpoint holds (never from the memory, which may be wrong), the words
     * seen so far. The mode of going on after mismatches is the saved run's until
     * {@link LockstepVerifier#continueOnMismatch(boolean)} changes it (after the trace is replayed).
     *
     * @throws IOException when the run is to be verified and the checkpoint holds no reference
     *                     configuration, or a section is malformed (the message names the file and field)
     */
    public static MachineRun restore(PromptSet prompts, Memory memory, Checkpoint checkpoint, Path file, boolean verify, BiTagProgram bitag) throws IOException {
        LockstepVerifier verifier = null;
        if (verify) {
            JsonNode saved = checkpoint.section(VERIFIER);
            if (saved == null) {
                throw new IOException(file + ": holds no reference configuration to verify against (its run was not verified);"
                        + " resume it with --no-verify, or start the run again");
            }
            verifier = LockstepVerifier.restore(prompts, memory, saved, file.toString());
        }
        WordWatcher words = null;
        if (bitag != null) {
            JsonNode seen = checkpoint.section(WORDS);
            words = seen == null ? new WordWatcher(bitag.system(), prompts, memory)
                    : new WordWatcher(bitag.system(), prompts, memory, words(seen, file, bitag));
        }
        return new MachineRun(prompts, memory, verifier, words, null, 0, checkpoint.section(INPUT));
    }

    /**
     * The words a checkpoint saw: the program's start word, then each the step of the one before (a
     * word left out, changed or out of place is a tampered checkpoint, never printed as decoded).
     */
    private static List<Word> words(JsonNode seen, Path file, BiTagProgram program) throws IOException {
        if (!seen.isArray()) throw new IOException(file + ": sections.words must be an array of words");
        List<Word> out = new ArrayList<>(seen.size());
        for (JsonNode w : seen) {
            Word word = w.isTextual() ? Word.parse(w.asText()) : null;
            String at = file + ": sections.words[" + out.size() + "] ";
            if (word == null) throw new IOException(at + w + " is not a bi-tag word");
            if (out.isEmpty() && !word.equals(program.word())) throw new IOException(at + "'" + word + "' is not the program's start word '" + program.word() + "'");
            Word expected = out.isEmpty() ? word : program.system().step(out.get(out.size() - 1));
            if (!word.equals(expected)) {
                throw new IOException(at + "'" + word + "' does not follow '" + out.get(out.size() - 1) + "' in the bi-tag program ("
                        + (expected == null ? "that word halts it" : "it gives '" + expected + "'") + ")");
            }
            out.add(word);
        }
        return out;
    }

    /** Saves this run's verifier and words with every checkpoint the store writes. */
    public void attachTo(CheckpointStore store) {
        JsonNode input = startTape != null ? inputJson(startTape, startHead) : savedInput;
        if (input != null) store.section(INPUT, () -> input);
        if (verifier != null) store.section(VERIFIER, verifier::toJson);
        if (words != null) {
            store.section(WORDS, () -> {
                ArrayNode a = JsonNodeFactory.instance.arrayNode();
                words.words().forEach(w -> a.add(w.toString()));
                return a;
            });
        }
    }

    /** A cycle replayed from the trace on resuming: checked and watched as live cycles are. */
    public void replayed(long step, JsonNode line, List<Change> changes) throws IOException {
        if (verifier != null) verifier.replayed(step, line, changes);
        if (words != null) words.replayed();
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
        boolean ran = r.ran();
        if (!ran) tape = null;
        Word last = words == null || !ran ? null : words.lastWord();
        String error = r.failure() != null ? r.failure().getMessage() : r.stopReason();
        return new Summary(r.status().name().toLowerCase(), r.halted(), Summary.steps(r), r.cycles(), r.modelCalls(), r.cacheHits(),
                verifier != null, verifier == null ? 0 : verifier.mismatchCount(), verifier == null ? null : verifier.firstMismatchStep(),
                head, state, tape == null ? null : tape.text(), tape == null ? 0 : tape.first(), last == null ? null : last.toString(),
                words == null || !ran ? List.of() : texts(words.words()),
                r.elapsed().toNanos() / 1e9, error);
    }

    private static List<String> texts(List<Word> words) {
        List<String> texts = new ArrayList<>(words.size());
        for (Word w : words) texts.add(w.toString());
        return List.copyOf(texts);
    }

    public Memory memory() {
        return memory;
    }
}
