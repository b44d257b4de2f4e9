package dev.mnemos.utm.bitag;

import dev.mnemos.utm.machine.U152;
import dev.mnemos.utm.sim.Simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a bi-tag program on U15,2 with the reference simulator and collects the bi-tag words it
 * passes through: one per simulated bi-tag step, the first being the start word.
 */
public final class U152Run {

    /**
     * @param words   the decoded words, one per simulated bi-tag step
     * @param steps   U15,2 steps taken
     * @param halted  whether U15,2 halted
     * @param head    the head's cell at the end
     * @param state   the state at the end
     */
    public record Result(List<Word> words, long steps, boolean halted, long head, String state) {

        /** The last decoded word: the result of the bi-tag program when it halted. */
        public Word finalWord() {
            return words.isEmpty() ? null : words.get(words.size() - 1);
        }
    }

    private U152Run() {}

    /** Runs until U15,2 halts or takes {@code maxSteps} steps. */
    public static Result run(BiTagProgram program, long maxSteps) {
        U152Tape input = BiTagCompiler.compile(program);
        BiTagDecoder decoder = new BiTagDecoder(program.system());
        Simulator sim = new Simulator(U152.machine(), input.tape(), input.head());
        List<Word> words = new ArrayList<>();
        Word w = decoder.decode(sim.state(), sim.head(), sim);
        if (w != null) words.add(w);
        while (sim.steps() < maxSteps) {
            sim.runUntilState(BiTagDecoder.STATE_A, maxSteps - sim.steps());
            if (sim.halted()) break;
            w = decoder.decode(sim.state(), sim.head(), sim);
            if (w != null) words.add(w);
        }
        return new Result(words, sim.steps(), sim.halted(), sim.head(), sim.stateName());
    }
}
