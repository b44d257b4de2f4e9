package dev.mnemos.embed;

import dev.mnemos.vectors.Vectors;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

public class EncoderTest {

    @Test
    void miniLmGivesUnitVectorsOf384DimensionsThatPlaceSimilarTextsNear() {
        Encoder encoder = TestEncoders.miniLm();
        List<float[]> v = encoder.encodeAll(List.of(
                "The striker scored twice in the final match.",
                "Our football team won the cup after a late goal.",
                "Bake the bread for forty minutes at high heat."));
        assertEquals(384, v.get(0).length);
        for (float[] x : v) assertEquals(1.0, Math.sqrt(Vectors.dot(x, x)), 1e-4);
        assertTrue(Vectors.dot(v.get(0), v.get(1)) > Vectors.dot(v.get(0), v.get(2)) + 0.2,
                "two football sentences should be nearer than football and baking");
    }

    @Test
    void batchesTextsAndAsksTheModelOnlyForUncachedOnes() {
        CountingModel model = new CountingModel();
        Encoder encoder = Encoder.builder().model(model).id("counting").batchSize(2).build();
        encoder.encodeAll(List.of("a", "b", "c", "d", "e"));
        assertEquals(List.of(2, 2, 1), model.batchSizes);
        encoder.encodeAll(List.of("a", "f", "b"));
        assertEquals(List.of(2, 2, 1, 1), model.batchSizes, "only 'f' was new");
    }

    @Test
    void aBoundedCacheKeepsWhatCameFirstAndEmbedsTheRestEachTime() {
        CountingModel model = new CountingModel();
        Encoder encoder = Encoder.builder().model(model).id("counting").cache(EmbeddingCache.inMemory(2)).build();
        encoder.encodeAll(List.of("pool 1", "pool 2"));
        encoder.encode("query");
        encoder.encode("query");
        encoder.encodeAll(List.of("pool 1", "pool 2"));

        assertEquals(2, encoder.cache().size());
        assertEquals(4, model.calls.get(), "the pool once, the query each time it came");
        assertArrayEquals(Vectors.unit(CountingModel.vectorOf("query")), encoder.encode("query"), 1e-6f);
    }

    @Test
    void cacheFileKeepsEmbeddingsKeyedByModelAndText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("memory.poem.embeddings");
        EmbeddingCache cache = EmbeddingCache.open(file);
        CountingModel model = new CountingModel();
        Encoder.builder().model(model).id("m1").cache(cache).build().encodeAll(List.of("one", "two"));
        cache.save();

        EmbeddingCache reopened = EmbeddingCache.open(file);
        assertEquals(2, reopened.size());
        CountingModel again = new CountingModel();
        List<float[]> v = Encoder.builder().model(again).id("m1").cache(reopened).build().encodeAll(List.of("one", "two"));
        assertEquals(0, again.calls.get(), "both came from the file");
        assertArrayEquals(Vectors.unit(CountingModel.vectorOf("two")), v.get(1), 1e-6f);

        Encoder.builder().model(again).id("m2").cache(reopened).build().encode("one");
        assertEquals(1, again.calls.get(), "another model does not reuse m1's embedding");
    }

    @Test
    void aDamagedCacheFileIsAnErrorNotAnEmptyCache(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.embeddings");
        EmbeddingCache cache = EmbeddingCache.open(file);
        Encoder.builder().model(new CountingModel()).id("m").cache(cache).build().encodeAll(List.of("x", "y"));
        cache.save();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 20] ^= 0x55;
        Files.write(file, bytes);
        var e = assertThrows(dev.mnemos.io.FormatException.class, () -> EmbeddingCache.open(file));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());

        Files.writeString(file, "{\"not\": \"a cache\"}");
        e = assertThrows(dev.mnemos.io.FormatException.class, () -> EmbeddingCache.open(file));
        assertTrue(e.getMessage().contains("not a POEM embedding cache"), e.getMessage());
    }

    @Test
    void savingWhileEmbeddingsArriveWritesAWholeFileAndLosesNone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.poem.embeddings");
        EmbeddingCache cache = EmbeddingCache.open(file);
        float[] v = new float[384];
        java.util.Arrays.fill(v, 0.05f);
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 5_000; i++) cache.put("model", "text " + i, v);
        });
        writer.start();
        while (writer.isAlive()) {
            cache.save();
            if (Files.exists(file)) EmbeddingCache.open(file);   // a count that disagrees with the entries is "damaged"
        }
        writer.join();
        cache.save();

        EmbeddingCache reopened = EmbeddingCache.open(file);
        assertEquals(5_000, reopened.size());
    }

    @Test
    void aTextLongerThanTheWindowIsCutWithANote() {
        List<String> notes = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        EmbeddingModel recording = new CountingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                segments.forEach(s -> seen.add(s.text()));
                return super.embedAll(segments);
            }
        };
        Encoder encoder = Encoder.builder().model(recording).id("w")
                .window(10, text -> text.isBlank() ? 0 : text.strip().split("\\s+").length)
                .onNote(notes::add).build();
        encoder.encode("one two three");
        encoder.encode("w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12");
        assertEquals(List.of("one two three", "w1 w2 w3 w4 w5 w6 w7 w8"), seen);
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).contains("12 tokens") && notes.get(0).contains("10-token window"), notes.get(0));
    }

    @Test
    void aTextWithNoWordThatFitsTheWindowIsCutInsideItsFirstWord() {
        List<String> notes = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        EmbeddingModel recording = new CountingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                segments.forEach(s -> seen.add(s.text()));
                return super.embedAll(segments);
            }
        };
        Encoder encoder = Encoder.builder().model(recording).id("c").window(10, String::length).onNote(notes::add).build();
        encoder.encode("長い文章です。".repeat(10));               // no spaces, as in Japanese: no word ends to cut at
        encoder.encode("https://example.com/" + "a".repeat(40) + " and more");
        assertEquals(List.of("長い文章です。長", "https://"), seen);
        assertEquals(2, notes.size());
        assertTrue(notes.get(0).contains("embedded from its first 8 characters"), notes.get(0));
    }

    @Test
    void miniLmCutsAVeryLongQueryAndStillEmbedsIt() {
        List<String> notes = new ArrayList<>();
        Encoder encoder = Encoder.builder().miniLm().onNote(notes::add).build();
        String longText = "the weather was sunny and warm all day long ".repeat(60);
        float[] v = encoder.encode(longText);
        assertEquals(384, v.length);
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).contains("256-token window"), notes.get(0));
    }

    /** A fake model: a fixed vector per text, and a record of the batches it received. */
    public static class CountingModel implements EmbeddingModel {
        final List<Integer> batchSizes = new ArrayList<>();
        final AtomicInteger calls = new AtomicInteger();

        static float[] vectorOf(String text) {
            float[] v = new float[8];
            for (int i = 0; i < text.length(); i++) v[(text.charAt(i) * 31 + i) % 8] += 1 + i;
            v[0] += 0.5f;
            return v;
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            batchSizes.add(segments.size());
            calls.addAndGet(segments.size());
            List<Embedding> out = new ArrayList<>();
            for (TextSegment s : segments) out.add(Embedding.from(vectorOf(s.text())));
            return Response.from(out);
        }
    }
}
