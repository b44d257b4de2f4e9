package dev.mnemos.poem.store;

import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.memory.Episode;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.memory.Aggregate;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.memory.Weighting;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.train.TrainingLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class PoemFileTest {

    @TempDir Path dir;

    static final Permutation A = Permutation.of(2, 1, 3);
    static final Permutation B = Permutation.of(3, 1, 2);

    PoemFile.Contents sample() {
        EpisodicMemory memory = EpisodicMemory.builder().dimension(3).k(2).capacity(10).weighting(Weighting.PLAIN).build();
        memory.write(new float[] {1, 0, 0}, A, 0.5);
        memory.write(new float[] {0, 1, 0}, B, 1.0);
        memory.write(new float[] {1, 0, 0}, B, 0.25);
        TrainingLog log = new TrainingLog();
        log.finish("q1", List.of(A, B), new double[] {0.5, 0.25});
        log.finish("q2", List.of(B), new double[] {1.0});
        Task task = new Task("Classify.", "In: {input}\nOut: {output}", "In: {input}\nOut:", "\n\n", "{input}", List.of("x", "y"));
        return new PoemFile.Contents(new MemorySettings(3, new ReadSettings(2, Weighting.PLAIN, Aggregate.SUM), false, 10, "test-encoder", 3, Permutation.identity(3)),
                task, List.of(new Example("q1", "x"), new Example("q2", "y"), new Example("q3", "x"), new Example("q4", "y")), memory, log);
    }

    @Test
    void aSavedMemoryLoadsBackWhole() throws IOException {
        Path file = dir.resolve("m.poem");
        PoemFile.Contents saved = sample();
        PoemFile.save(file, saved);
        PoemFile.Contents loaded = PoemFile.load(file);

        assertEquals(saved.settings(), loaded.settings());
        assertEquals(saved.task(), loaded.task());
        assertEquals(saved.pool(), loaded.pool());
        List<Episode> before = saved.memory().episodes(), after = loaded.memory().episodes();
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i).state(), after.get(i).state());
            assertEquals(before.get(i).action(), after.get(i).action());
            assertEquals(before.get(i).reward(), after.get(i).reward());
            assertEquals(before.get(i).time(), after.get(i).time());
        }
        assertEquals(Optional.of(B), loaded.memory().best(new float[] {1, 0.1f, 0}));
        assertEquals(saved.log().finished(), loaded.log().finished());
        assertArrayEquals(saved.log().stats().get(B), loaded.log().stats().get(B));
        assertEquals(2, loaded.memory().k());
        assertEquals(Weighting.PLAIN, loaded.memory().weighting());
    }

    @Test
    void savingReplacesTheFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("m.poem");
        PoemFile.save(file, sample());
        PoemFile.Contents c = sample();
        c.memory().write(new float[] {0, 0, 1}, A, 0.75);
        PoemFile.save(file, c);
        assertEquals(4, PoemFile.load(file).memory().size());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aForeignFileIsRejectedByName() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "just some notes, not a memory\n");
        FormatException e = assertThrows(FormatException.class, () -> PoemFile.load(file));
        assertEquals(file + ": not a POEM memory file", e.getMessage());
    }

    @Test
    void anAlteredOrTruncatedFileIsDamagedNotEmpty() throws IOException {
        Path file = dir.resolve("m.poem");
        PoemFile.save(file, sample());
        byte[] good = Files.readAllBytes(file);

        byte[] flipped = good.clone();
        flipped[good.length - 20] ^= 0x10;   // inside the last reward
        Files.write(file, flipped);
        assertTrue(assertThrows(FormatException.class, () -> PoemFile.load(file)).getMessage()
                .endsWith("damaged POEM memory file (checksum mismatch)"));

        Files.write(file, java.util.Arrays.copyOf(good, good.length - 20));
        String m = assertThrows(FormatException.class, () -> PoemFile.load(file)).getMessage();
        assertTrue(m.endsWith("damaged POEM memory file (it ends early)"), m);
    }

    @Test
    void aDamagedEpisodeCountIsReportedNotAllocated() throws IOException {
        Path file = dir.resolve("m.poem");
        PoemFile.save(file, sample());
        byte[] bytes = Files.readAllBytes(file);
        int count = bytes.length - 8 - 3 * 24 - 4; // the episode count precedes 3 episodes of 24 bytes and the checksum
        assertEquals(3, java.nio.ByteBuffer.wrap(bytes, count, 4).getInt());
        bytes[count] = 0x7f;                        // now about two billion episodes
        Files.write(file, bytes);

        String m = assertThrows(FormatException.class, () -> PoemFile.load(file)).getMessage();
        assertTrue(m.startsWith(file + ": damaged POEM memory file"), m);
    }

    @Test
    void aHeaderWithImpossibleSettingsIsDamaged() throws IOException {
        Path file = dir.resolve("m.poem");
        PoemFile.save(file, sample());
        for (String[] edit : new String[][] {{"\"dimension\":3", "\"dimension\":-3"}, {"\"k\":2", "\"k\":0"},
                {"\"m\":3", "\"m\":0"}, {"\"fallback\":\"[1,2,3]\"", "\"fallback\":\"[1,2]\""}}) {
            Path edited = dir.resolve("edited.poem");
            Files.write(edited, withHeader(Files.readAllBytes(file), h -> h.replace(edit[0], edit[1])));
            FormatException e = assertThrows(FormatException.class, () -> PoemFile.load(edited), edit[1]);
            assertEquals(edited + ": damaged POEM memory file (bad header)", e.getMessage());
        }
    }

    /** The file with its JSON header rewritten (the checksum is left as it was: the header is read first). */
    private static byte[] withHeader(byte[] file, java.util.function.UnaryOperator<String> edit) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(file);
        int length = in.getInt(18 + 4);
        String header = new String(file, 18 + 8, length, java.nio.charset.StandardCharsets.UTF_8);
        String changed = edit.apply(header);
        assertNotEquals(header, changed);
        byte[] h = changed.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(file.length - length + h.length);
        out.put(file, 0, 18 + 4).putInt(h.length).put(h).put(file, 18 + 8 + length, file.length - 18 - 8 - length);
        return out.array();
    }

    @Test
    void anotherFormatVersionIsNamed() throws IOException {
        Path file = dir.resolve("m.poem");
        PoemFile.save(file, sample());
        byte[] bytes = Files.readAllBytes(file);
        bytes[18 + 3] = 9; // the version int follows the 18-byte magic
        Files.write(file, bytes);
        FormatException e = assertThrows(FormatException.class, () -> PoemFile.load(file));
        assertEquals(file + ": POEM memory format version 9; this build reads versions 1 to 2", e.getMessage());
    }

    @Test
    void tunedReadSettingsAreKept() throws IOException {
        Path file = dir.resolve("m.poem");
        PoemFile.Contents c = sample();
        ReadSettings tuned = new ReadSettings(30, Weighting.SIMILARITY, Aggregate.MEAN);
        c.memory().read(tuned);
        PoemFile.save(file, new PoemFile.Contents(c.settings().withRead(tuned, true), c.task(), c.pool(), c.memory(), c.log()));
        PoemFile.Contents loaded = PoemFile.load(file);
        assertEquals(tuned, loaded.settings().read());
        assertTrue(loaded.settings().tuned());
        assertEquals(tuned, loaded.memory().read());
    }

    @Test
    void aVersionOneFileStillLoadsAsASum() throws IOException {
        Path file = dir.resolve("m.poem");
        PoemFile.save(file, sample());
        byte[] v1 = withHeader(Files.readAllBytes(file), h -> h.replace(
                ",\"read\":{\"k\":2,\"weighting\":\"PLAIN\",\"aggregate\":\"SUM\",\"tuned\":false}", "")
                .replace("\"m\":3,", "\"m\":3,\"k\":2,\"weighting\":\"PLAIN\","));
        v1[18 + 3] = 1;
        Files.write(file, withChecksum(v1));
        PoemFile.Contents loaded = PoemFile.load(file);
        assertEquals(new ReadSettings(2, Weighting.PLAIN, Aggregate.SUM), loaded.settings().read());
        assertFalse(loaded.settings().tuned());
        assertEquals(3, loaded.memory().size());
    }

    @Test
    void nonFiniteStatesOrRewardsAreDamagedEvenWithAGoodChecksum() throws IOException {
        Path file = dir.resolve("m.poem");
        PoemFile.save(file, sample());
        byte[] good = Files.readAllBytes(file);
        int headerLength = java.nio.ByteBuffer.wrap(good).getInt(18 + 4);
        int firstState = 18 + 8 + headerLength + 4;
        byte[] nan = good.clone();
        java.nio.ByteBuffer.wrap(nan).putFloat(firstState + 4, Float.NaN);
        Files.write(file, withChecksum(nan));
        assertEquals(file + ": damaged POEM memory file (state 1 holds NaN)",
                assertThrows(FormatException.class, () -> PoemFile.load(file)).getMessage());

        byte[] infinite = good.clone();
        int lastReward = good.length - 8 - 16; // the last episode's reward, then its time and the checksum
        java.nio.ByteBuffer.wrap(infinite).putDouble(lastReward, Double.POSITIVE_INFINITY);
        Files.write(file, withChecksum(infinite));
        assertEquals(file + ": damaged POEM memory file (episode 3 has reward Infinity)",
                assertThrows(FormatException.class, () -> PoemFile.load(file)).getMessage());
    }

    /** The file with its CRC-32 recomputed, as a hostile or buggy writer would leave it. */
    static byte[] withChecksum(byte[] file) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(file, 0, file.length - 8);
        java.nio.ByteBuffer.wrap(file).putLong(file.length - 8, crc.getValue());
        return file;
    }

    @Test
    void aLoadedMemoryKeepsItsStatesBitForBitSoTheSameQueryStillMatches() throws IOException {
        Path file = dir.resolve("m.poem");
        PoemFile.Contents c = sample();
        float[] query = null;                                 // one whose unit copy, normalised again, moves a bit
        java.util.Random random = new java.util.Random(1);
        while (query == null) {
            float[] v = {random.nextFloat(), random.nextFloat(), random.nextFloat()};
            float[] once = dev.mnemos.embed.Vectors.normalized(v);
            if (!java.util.Arrays.equals(once, dev.mnemos.embed.Vectors.normalized(once))) query = v;
        }
        c.memory().write(query, A, 0.5);
        PoemFile.save(file, c);
        PoemFile.Contents loaded = PoemFile.load(file);
        PoemFile.save(file, loaded);
        loaded = PoemFile.load(file);
        AutosaveTest.assertSameEpisodes(c.memory().episodes(), loaded.memory().episodes());
        loaded.memory().write(query, A, 0.75);                // the same query and order: updated, not added
        assertEquals(c.memory().size(), loaded.memory().size());
        assertEquals(Optional.of(0.75), loaded.memory().reward(query, A));
    }
}
