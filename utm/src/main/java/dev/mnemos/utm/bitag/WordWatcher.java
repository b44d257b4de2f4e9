package dev.mnemos.utm.bitag;

import dev.mnemos.runtime.cycle.CycleEvent;
import dev.mnemos.runtime.cycle.CycleListener;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.utm.image.MemoryImage;
import dev.mnemos.utm.machine.U152;
import dev.mnemos.utm.prompt.PromptSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Watches U15,2 running in string memory and collects the bi-tag words it passes through: after
 * each cycle that leaves {@code op} in state A, it decodes the memory's tape when that is the
 * start of a simulated bi-tag step.
 */
public final class WordWatcher implements CycleListener {

    private final BiTagDecoder decoder;
    private final Memory memory;
    private final String textOfA;
    private final List<Word> words = new ArrayList<>();

    /** Call before the run: the memory's current configuration is checked too. */
    public WordWatcher(BiTagSystem system, PromptSet prompts, Memory memory) {
        this(system, prompts, memory, List.of());
        look();
    }

    /**
     * A watcher that goes on from the words a run saw before it was interrupted (its memory
     * there was looked at already).
     */
    public WordWatcher(BiTagSystem system, PromptSet prompts, Memory memory, List<Word> seen) {
        if (!prompts.machine().equals(U152.machine())) throw new IllegalArgumentException("bi-tag words are read from U15,2 runs only");
        this.decoder = new BiTagDecoder(system);
        this.memory = memory;
        this.textOfA = prompts.text("A");
        this.words.addAll(seen);
    }

    @Override
    public void onCycle(CycleEvent event) {
        look();
    }

    /** A cycle replayed from the trace on resuming, its changes applied. */
    public void replayed() {
        look();
    }

    private void look() {
        String op = memory.read(MemoryImage.OP);
        // (the texts of U15,2's states are of a length and alike for 20 characters: their hashes, kept by the Strings, differ)
        if (op.hashCode() != textOfA.hashCode() || !op.equals(textOfA)) return;
        Object head = memory.get(MemoryImage.HEAD);
        if (!(head instanceof Long h)) return;
        Word w = decoder.decode(BiTagDecoder.STATE_A, h, MemoryImage.cells(memory, U152.machine()));
        if (w != null) words.add(w);
    }

    /** The words seen so far, one per simulated bi-tag step. */
    public List<Word> words() {
        return List.copyOf(words);
    }

    /** The last word seen: the program's result once U15,2 has halted. */
    public Word lastWord() {
        return words.isEmpty() ? null : words.get(words.size() - 1);
    }
}
