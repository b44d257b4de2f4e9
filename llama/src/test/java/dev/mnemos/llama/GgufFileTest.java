package dev.mnemos.llama;

import dev.mnemos.runtime.model.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The header check that runs before llama.cpp sees a file. */
class GgufFileTest {

    @TempDir
    Path dir;

    @Test
    void readsTheArchitectureOfTheRealModel() throws Exception {
        assertEquals("llama", GgufFile.checkedArchitecture(TestModels.smollm2()));
    }

    @Test
    void aCraftedFileOfAKnownArchitecturePassesTheCheck() throws Exception {
        Path file = Files.write(dir.resolve("g.gguf"), TestModels.ggufHeader("gemma3"));
        assertEquals("gemma3", GgufFile.checkedArchitecture(file));
    }

    @Test
    void anArchitectureTheEngineDoesNotKnowIsRefusedByName() throws Exception {
        Path file = Files.write(dir.resolve("x.gguf"), TestModels.ggufHeader("nosucharch"));
        ModelException e = assertThrows(ModelException.class, () -> GgufFile.checkedArchitecture(file));
        assertEquals(ModelException.Kind.BAD_FILE, e.kind());
        assertTrue(e.getMessage().startsWith(file + ": architecture 'nosucharch' is not one that llama.cpp b4916"), e.getMessage());
        assertTrue(e.getMessage().contains("gemma3") && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aFileThatIsNotGgufIsRefusedBeforeTheNativeLoad() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.gguf"), "{\"not\": \"a model\"}");
        ModelException e = assertThrows(ModelException.class, () -> GgufFile.checkedArchitecture(file));
        assertEquals(ModelException.Kind.BAD_FILE, e.kind());
        assertEquals(file + ": not a GGUF file (llama.cpp runs GGUF files only; they start with the bytes GGUF)", e.getMessage());
    }

    @Test
    void aHeaderCutShortIsRefused() throws Exception {
        byte[] whole = TestModels.ggufHeader("llama");
        Path file = Files.write(dir.resolve("cut.gguf"), java.util.Arrays.copyOf(whole, whole.length - 3));
        ModelException e = assertThrows(ModelException.class, () -> GgufFile.checkedArchitecture(file));
        assertEquals(file + ": not a GGUF file (it ends inside its header)", e.getMessage());
    }

    @Test
    void aMissingFileIsModelNotFound() {
        Path file = dir.resolve("absent.gguf");
        ModelException e = assertThrows(ModelException.class, () -> GgufFile.checkedArchitecture(file));
        assertEquals(ModelException.Kind.MODEL_NOT_FOUND, e.kind());
        assertEquals(file + ": no such model file", e.getMessage());
    }
}
