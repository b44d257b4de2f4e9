package dev.mnemos.bench.poem;

import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.store.MemorySettings;
import dev.mnemos.poem.store.PoemFile;
import dev.mnemos.poem.train.TrainingLog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes a memory file for timing {@code bin/poem select} as a whole process (issue 21) without a
 * model: {@code states} distinct states of d = 384 (random directions, seed 21), each with one of
 * the two orders of a three-example pool and a reward, in the all-MiniLM-L6-v2 encoder's space, so
 * that {@code poem select} loads the memory and the encoder and reads all of it. What it selects
 * means nothing; the work it does to select is that of a trained memory of that size.
 * <pre>
 *   java -cp bench/target/benchmarks.jar dev.mnemos.bench.poem.SelectMemory FILE [STATES]   # default 10,000
 * </pre>
 */
public final class SelectMemory {

    private SelectMemory() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: SelectMemory FILE [STATES]");
            System.exit(2);
        }
        int states = args.length == 2 ? Integer.parseInt(args[1]) : EpisodicMemory.DEFAULT_EXACT_UP_TO;
        PoemFile.save(Path.of(args[0]), contents(states));
    }

    static PoemFile.Contents contents(int states) {
        EpisodicMemory memory = EpisodicMemory.builder().dimension(384).build();
        Random random = new Random(21);
        for (int i = 0; i < states; i++) {
            float[] state = new float[384];
            for (int d = 0; d < state.length; d++) state[d] = (float) random.nextGaussian();
            memory.write(state, i % 2 == 0 ? Permutation.of(1, 2) : Permutation.of(2, 1), i % 3);
        }
        List<Example> pool = List.of(new Example("The room was cold.", "negative"), new Example("Lovely staff.", "positive"),
                new Example("The soup was bland.", "negative"));
        MemorySettings settings = new MemorySettings(2, ReadSettings.DEFAULT, false, 100_000, "all-minilm-l6-v2", 384,
                Permutation.identity(2));
        return new PoemFile.Contents(settings, Task.simple(List.of("positive", "negative")), pool, memory, new TrainingLog());
    }
}
