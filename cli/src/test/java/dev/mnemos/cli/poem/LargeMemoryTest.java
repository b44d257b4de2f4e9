package dev.mnemos.cli.poem;

import dev.mnemos.cli.JavaProcess;
import dev.mnemos.poem.store.MemorySettings;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.store.PoemFile;
import dev.mnemos.poem.train.TrainingLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** A real {@code poem select} process on a memory past 10,000 states, which reads through the graph index. */
class LargeMemoryTest {

    @TempDir
    Path dir;

    @Test
    void aMemoryReadThroughTheGraphPrintsNoLogLinesOfJVectors() throws Exception {
        EpisodicMemory memory = EpisodicMemory.builder().dimension(384).build();
        Random random = new Random(10_001);
        for (int i = 0; i < EpisodicMemory.DEFAULT_EXACT_UP_TO + 1; i++) {
            float[] state = new float[384];
            for (int d = 0; d < state.length; d++) state[d] = (float) random.nextGaussian();
            memory.write(state, i % 2 == 0 ? Permutation.of(1, 2) : Permutation.of(2, 1), i % 3);
        }
        List<Example> pool = List.of(new Example("The room was cold.", "negative"), new Example("Lovely staff.", "positive"),
                new Example("The soup was bland.", "negative"));
        Path file = dir.resolve("large.poem");
        PoemFile.save(file, new PoemFile.Contents(new MemorySettings(2, ReadSettings.DEFAULT, false, 100_000, "all-minilm-l6-v2", 384,
                Permutation.identity(2)), Task.simple(List.of("positive", "negative")), pool, memory, new TrainingLog()));

        Process p = new ProcessBuilder(JavaProcess.command(PoemCommand.class,
                        List.of("select", "--memory", file.toString(), "--query", "The shower was cold.")))
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String err = Files.readString(dir.resolve("err.txt"));
        assertEquals(0, p.exitValue(), err);
        assertTrue(Files.readString(dir.resolve("out.txt")).startsWith("order ["), Files.readString(dir.resolve("out.txt")));
        assertEquals("", err.strip(), "nothing on stderr");
        assertFalse(err.contains("Vector API"), err);
    }
}
