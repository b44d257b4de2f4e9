package dev.mnemos.llama.models;

import dev.mnemos.llama.TestModels;
import dev.mnemos.runtime.model.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where models live, which names are local, and what `models list` shows. */
class ModelDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void theDirectoryComesFromTheEnvironment() {
        assertEquals(Path.of("/m"), ModelDirectory.defaultPath(Map.of("MNEMOS_MODEL_DIR", "/m", "XDG_CACHE_HOME", "/c")));
        assertEquals(Path.of("/c/mnemos/models"), ModelDirectory.defaultPath(Map.of("XDG_CACHE_HOME", "/c")));
        assertEquals(Path.of(System.getProperty("user.home"), ".cache", "mnemos", "models"), ModelDirectory.defaultPath(Map.of()));
    }

    @Test
    void catalogNamesGgufPathsAndFilesHereAreLocalOtherNamesAreNot() throws Exception {
        ModelDirectory models = new ModelDirectory(dir);
        Files.writeString(dir.resolve("tiny.gguf"), "x");
        assertTrue(models.claims("smollm2-135m"));
        assertTrue(models.claims("gemma3-270m"));
        assertTrue(models.claims("/anywhere/m.gguf"));
        assertTrue(models.claims("tiny"));
        assertFalse(models.claims("llama2"));
        assertFalse(models.claims("qwen2.5:7b"));
        assertFalse(models.claims("Qwen/Qwen2.5-7B-Instruct"));
        assertEquals(dir.resolve("tiny.gguf"), models.resolve("tiny"));
        ModelException e = assertThrows(ModelException.class, () -> models.resolve("gemma3-270m"));
        assertEquals("model gemma3-270m is not in " + dir + ": fetch it with `bin/mnemos models fetch gemma3-270m`", e.getMessage());
    }

    @Test
    void aModelDirectoryThatIsAFileIsSaidToBeOneNotToLackTheModel() throws Exception {
        Path file = Files.writeString(dir.resolve("models"), "not a directory");
        ModelException e = assertThrows(ModelException.class, () -> new ModelDirectory(file).resolve("smollm2-135m"));
        assertEquals(ModelException.Kind.MODEL_NOT_FOUND, e.kind());
        assertEquals("model smollm2-135m: the model directory " + file + " is not a directory (it comes from $MNEMOS_MODEL_DIR,"
                + " else ${XDG_CACHE_HOME:-~/.cache}/mnemos/models)", e.getMessage());
    }

    @Test
    void listTellsVerifiedCatalogFilesFromOthers() throws Exception {
        Files.writeString(dir.resolve("SmolLM2-135M-Instruct.Q4_1.gguf"), "not the real weights");
        Files.writeString(dir.resolve("mine.gguf"), "GGUF");
        Files.copy(TestModels.smollm2(), dir.resolve("gemma-3-270m-q4_k_m.gguf"));
        List<ModelDirectory.Entry> entries = new ModelDirectory(dir).list();
        assertEquals(List.of("SHA-256 differs", "SHA-256 differs", "not in the catalog"), entries.stream().map(ModelDirectory.Entry::status).toList());
        List<ModelDirectory.Entry> real = new ModelDirectory(TestModels.smollm2().getParent()).list();
        assertTrue(real.stream().anyMatch(x -> x.model().equals("smollm2-135m") && x.status().equals("verified")), real.toString());
    }
}
