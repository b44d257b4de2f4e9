package dev.mnemos.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** all-MiniLM-L6-v2 read from files copied once out of its jar: the same embeddings, less work at every start. */
class MiniLmTest {

    @TempDir
    Path cache;

    @Test
    void theCopiedFilesGiveTheJarsModelsEmbeddingsBitForBit() {
        EmbeddingModel fromFiles = MiniLm.load(cache);
        assertInstanceOf(OnnxEmbeddingModel.class, fromFiles);
        EmbeddingModel fromJar = new AllMiniLmL6V2EmbeddingModel();
        for (String text : new String[] {"The shower was cold all week.", "Great food, friendly staff.", "ok"}) {
            assertArrayEquals(fromJar.embed(text).content().vector(), fromFiles.embed(text).content().vector(), text);
        }
    }

    @Test
    void theFirstProcessCopiesBothFilesWholeAndReadableByOthersAndLaterOnesReadThemAsTheyAre() throws IOException {
        Path dir = MiniLm.extracted(cache);
        assertNotNull(dir);
        for (String name : new String[] {MiniLm.MODEL, MiniLm.TOKENIZER}) {
            Path file = dir.resolve(name);
            assertArrayEquals(jarBytes(name), Files.readAllBytes(file), name);
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(dir.resolve(MiniLm.MODEL), old);
        assertEquals(dir, MiniLm.extracted(cache));
        assertEquals(old, Files.getLastModifiedTime(dir.resolve(MiniLm.MODEL)), "not copied again");
        try (var left = Files.list(dir)) {
            assertEquals(2, left.count(), "no temporary file left beside them");
        }
    }

    @Test
    void aCopyCutShortIsCopiedAgain() throws IOException {
        Path dir = MiniLm.extracted(cache);
        Files.write(dir.resolve(MiniLm.TOKENIZER), new byte[] {'{'}, StandardOpenOption.TRUNCATE_EXISTING);
        assertEquals(dir, MiniLm.extracted(cache));
        assertArrayEquals(jarBytes(MiniLm.TOKENIZER), Files.readAllBytes(dir.resolve(MiniLm.TOKENIZER)));
    }

    @Test
    void whereNoCacheCanBeWrittenTheModelIsReadFromItsJar() throws IOException {
        Path notADirectory = Files.writeString(cache.resolve("file"), "x");
        assertNull(MiniLm.extracted(notADirectory.resolve("minilm")));
        assertInstanceOf(AllMiniLmL6V2EmbeddingModel.class, MiniLm.load(notADirectory.resolve("minilm")));
        assertInstanceOf(AllMiniLmL6V2EmbeddingModel.class, MiniLm.load(null));
    }

    @Test
    void aCopyWholeInSizeButDamagedIsLeftForTheJarAndCopiedAgainNextTime() throws IOException {
        Path dir = MiniLm.extracted(cache);
        byte[] zeros = new byte[(int) Files.size(dir.resolve(MiniLm.MODEL))];
        Files.write(dir.resolve(MiniLm.MODEL), zeros);
        assertInstanceOf(AllMiniLmL6V2EmbeddingModel.class, MiniLm.load(cache));
        assertEquals(dir, MiniLm.extracted(cache));
        assertArrayEquals(jarBytes(MiniLm.MODEL), Files.readAllBytes(dir.resolve(MiniLm.MODEL)));
    }

    @Test
    void aCopyLeftHalfWrittenByAKilledProcessIsDeletedOnceItIsOld() throws IOException {
        Path dir = MiniLm.extracted(cache);
        Path old = Files.writeString(dir.resolve(".all-minilm-l6-v2.onnx.abc.tmp"), "half");
        Path fresh = Files.writeString(dir.resolve(".all-minilm-l6-v2.onnx.def.tmp"), "being written");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(7200)));
        MiniLm.extracted(cache);
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(fresh), "another process may be writing it");
    }

    @Test
    void theCacheIsUnderXdgCacheHomeElseUnderTheHomeDirectory() {
        assertEquals(Path.of("/x/cache/mnemos/minilm"), MiniLm.cacheRoot(Map.of("XDG_CACHE_HOME", "/x/cache")));
        assertEquals(Path.of(System.getProperty("user.home"), ".cache/mnemos/minilm"), MiniLm.cacheRoot(Map.of("XDG_CACHE_HOME", " ")));
        assertEquals(Path.of(System.getProperty("user.home"), ".cache/mnemos/minilm"), MiniLm.cacheRoot(Map.of()));
    }

    @Test
    void anEncoderWhoseTextsAreAllInItsCacheNeverLoadsTheModel() {
        int[] loads = {0};
        EmbeddingModel model = MiniLm.onFirstUse(() -> {
            loads[0]++;
            return MiniLm.shared();
        });
        EmbeddingCache cache = EmbeddingCache.inMemory();
        cache.put("all-minilm-l6-v2", "asked before", new float[] {1, 0});
        Encoder encoder = Encoder.builder().model(model).id("all-minilm-l6-v2").cache(cache).build();
        assertArrayEquals(new float[] {1, 0}, encoder.encode("asked before"));
        assertEquals(0, loads[0], "the model was not needed");
        assertEquals(384, encoder.encode("never asked").length);
        assertEquals(1, loads[0]);
        assertEquals(384, Encoder.miniLm().dimension(), "known without embedding anything");
    }

    private static byte[] jarBytes(String name) throws IOException {
        try (InputStream in = AllMiniLmL6V2EmbeddingModel.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
