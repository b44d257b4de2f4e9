package dev.mnemos.poem.store;

import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.memory.Aggregate;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.memory.Neighbour;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.memory.SavedIndex;
import dev.mnemos.poem.memory.Weighting;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.train.TrainingLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The graph index saved beside a memory file: loaded instead of built when it belongs to that very
 * file, ignored with one note and built again when it is stale or damaged. Memories of 1,500
 * states of d = 384 read through the graph from the first state (exactUpTo 0).
 */
class IndexFileTest {

    static final int D = 384;

    @TempDir Path dir;

    final Random random = new Random(5);
    final List<String> notes = new ArrayList<>();

    EpisodicMemory memory() {
        return EpisodicMemory.builder().dimension(D).k(5).capacity(100_000).exactUpTo(0).build();
    }

    void fill(EpisodicMemory memory, int states) {
        for (int i = 0; i < states; i++) memory.write(unit(), Permutation.fromIndex(3, random.nextInt(6)), random.nextInt(2));
    }

    float[] unit() {
        float[] v = new float[D];
        for (int i = 0; i < D; i++) v[i] = (float) random.nextGaussian();
        return v;
    }

    PoemFile.Contents contents(EpisodicMemory memory) {
        Task task = new Task("Classify.", "In: {input}\nOut: {output}", "In: {input}\nOut:", "\n\n", "{input}", List.of("x", "y"));
        return new PoemFile.Contents(new MemorySettings(3, new ReadSettings(5, Weighting.SIMILARITY, Aggregate.SUM), false, 100_000, "test", D,
                Permutation.identity(3)), task, List.of(new Example("q1", "x")), memory, new TrainingLog());
    }

    PoemFile.Contents load(Path file) throws IOException {
        return PoemFile.load(file, notes::add, 0);
    }

    static byte[] bytes(SavedIndex graph) {
        return graph.bytes();
    }

    /** Share of the k = 5 nearest states that both memories return, over 100 queries. */
    double agreement(EpisodicMemory a, EpisodicMemory b) {
        int same = 0;
        for (int q = 0; q < 100; q++) {
            float[] query = unit();
            List<Neighbour> x = a.nearest(query, 5);
            List<Neighbour> y = b.nearest(query, 5);
            for (Neighbour n : x) if (y.stream().anyMatch(m -> java.util.Arrays.equals(m.state(), n.state()))) same++;
        }
        return same / 500.0;
    }

    @Test
    void aLargeMemoryLoadsItsSavedGraphInsteadOfBuildingIt() throws IOException {
        EpisodicMemory memory = memory();
        fill(memory, 1_500);
        Path file = dir.resolve("m.poem");
        PoemFile.save(file, contents(memory));
        assertTrue(Files.exists(dir.resolve("m.poem.index")));

        EpisodicMemory loaded = load(file).memory();
        assertEquals(List.of(), notes);
        // the very graph came back: it reads exactly as the saved one on every query (on random
        // directions two graphs built apart agree on far fewer of the 5 nearest; see the next test),
        // and saved again it takes as many bytes (JVector may list upper-layer nodes in another order)
        assertEquals(bytes(memory.snapshot().graph().orElseThrow()).length, bytes(loaded.snapshot().graph().orElseThrow()).length);
        assertEquals(1.0, agreement(memory, loaded));
        assertEquals(memory.episodes().size(), loaded.episodes().size());
    }

    @Test
    void aStaleIndexIsIgnoredWithANoteAndTheGraphBuiltAgain() throws IOException {
        EpisodicMemory memory = memory();
        fill(memory, 1_000);
        Path file = dir.resolve("m.poem");
        PoemFile.save(file, contents(memory));
        Path old = Files.copy(dir.resolve("m.poem.index"), dir.resolve("old.index"));
        fill(memory, 500);
        PoemFile.save(file, contents(memory));
        Files.move(old, dir.resolve("m.poem.index"), StandardCopyOption.REPLACE_EXISTING); // as if a crash came between the two writes

        EpisodicMemory loaded = load(file).memory();
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).matches(".*m\\.poem\\.index: graph index ignored \\(stale: written for another version of m\\.poem\\); building it again"), notes.get(0));
        assertEquals(1_500, loaded.states());
        int found = 0; // every state, including the 500 the stale index lacked, is in the graph built again
        for (var e : memory.episodes()) if (java.util.Arrays.equals(e.state(), loaded.nearest(e.state(), 1).get(0).state())) found++;
        assertTrue(found >= 1_485, found + " of 1,500 states found as their own nearest");
        assertTrue(agreement(memory, loaded) < 1.0, "a graph built apart reads a little differently from the saved one");
    }

    @Test
    void aDamagedOrTruncatedIndexIsIgnoredWithANote() throws IOException {
        EpisodicMemory memory = memory();
        fill(memory, 1_000);
        Path file = dir.resolve("m.poem");
        PoemFile.save(file, contents(memory));
        Path index = dir.resolve("m.poem.index");
        byte[] good = Files.readAllBytes(index);

        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 1;
        Files.write(index, flipped);
        assertEquals(1_000, load(file).memory().states());
        Files.write(index, java.util.Arrays.copyOf(good, good.length / 3));
        assertEquals(1_000, load(file).memory().states());

        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(0).endsWith("graph index ignored (damaged: checksum mismatch); building it again"), notes.get(0));
        assertTrue(notes.get(1).contains("graph index ignored (damaged"), notes.get(1));
        assertEquals(good.length / 3, Files.size(index), "loading never rewrites the index");
    }

    @Test
    void aMemoryReadByTheExactScanKeepsNoIndex() throws IOException {
        EpisodicMemory graph = memory();
        fill(graph, 300);
        Path file = dir.resolve("m.poem");
        PoemFile.save(file, contents(graph));
        assertTrue(Files.exists(dir.resolve("m.poem.index")));

        EpisodicMemory exact = EpisodicMemory.builder().dimension(D).k(5).capacity(100_000).build();
        fill(exact, 10);
        PoemFile.save(file, contents(exact));
        assertFalse(Files.exists(dir.resolve("m.poem.index")), "the old graph went with the memory that had it");
        assertEquals(10, load(file).memory().states());
        assertEquals(List.of(), notes);
    }
}
