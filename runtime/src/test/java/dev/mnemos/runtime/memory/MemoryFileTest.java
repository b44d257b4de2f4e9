package dev.mnemos.runtime.memory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class MemoryFileTest {

    @TempDir
    Path dir;

    @Test
    void theSampleProgramLoads() throws Exception {
        Memory m = MemoryFile.load(Path.of("..", "samples", "programs", "countdown.json"));
        assertEquals(3L, m.get("n"));
        assertEquals(m.read("A"), m.read("op"));
        assertTrue(m.read("A").startsWith("@[boot]"));
    }

    @Test
    void saveThenLoadGivesTheSameMemory() throws Exception {
        Memory m = new Memory("_");
        m.put("op", "text with \"quotes\" and @[refs]\n");
        m.put("i", -7);
        m.put("-3", "1");
        Path f = dir.resolve("m.json");
        MemoryFile.save(m, f);
        assertEquals(m, MemoryFile.load(f));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\n  \"memory\": {\n    \"op\": \"x\",\n    \"i\" 0\n  }\n}\n");
        MemoryFileException e = assertThrows(MemoryFileException.class, () -> MemoryFile.load(f));
        assertTrue(e.getMessage().startsWith(f + ":4:"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void badLabelsAndValuesAreNamed() throws Exception {
        Path f = dir.resolve("label.json");
        Files.writeString(f, "{\"memory\": {\"a b\": \"1\"}}");
        assertTrue(assertThrows(MemoryFileException.class, () -> MemoryFile.load(f)).getMessage().contains("'a b'"));
        Files.writeString(f, "{\"memory\": {\"x\": 1.5}}");
        String msg = assertThrows(MemoryFileException.class, () -> MemoryFile.load(f)).getMessage();
        assertTrue(msg.contains("'x'") && msg.contains("string or an integer"), msg);
        Files.writeString(f, "{\"memory\": {\"x\": \"1\", \"x\": \"2\"}}");
        assertTrue(assertThrows(MemoryFileException.class, () -> MemoryFile.load(f)).getMessage().contains("Duplicate"));
        Files.writeString(f, "[1, 2]");
        assertTrue(assertThrows(MemoryFileException.class, () -> MemoryFile.load(f)).getMessage().contains("\"memory\""));
    }

    @Test
    void aMissingFileIsNamed() {
        Path f = dir.resolve("nope.json");
        assertEquals(f + ": no such file", assertThrows(MemoryFileException.class, () -> MemoryFile.load(f)).getMessage());
    }
}
