package dev.mnemos.nam.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemos.nam.store.BadFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssociativeMemoryFileTest {

    @TempDir
    Path dir;

    private static AssociativeMemory.Builder randomTexts() {
        return AssociativeMemory.builder().encoder(new RandomTextEncoder(64));
    }

    @Test
    void aSavedMemoryRecallsTheSameAfterLoading() throws IOException {
        AssociativeMemory memory = randomTexts().build();
        for (int i = 0; i < 20; i++) {
            memory.put("key " + i, "value " + i);
        }
        memory.put("sensor", new float[64]);
        Path file = dir.resolve("facts.nam");
        memory.save(file);

        AssociativeMemory again = randomTexts().load(file);

        assertEquals(21, again.pairs());
        assertEquals(memory.values(), again.values());
        for (int i = 0; i < 20; i++) {
            Recall before = memory.get("key " + i).orElseThrow();
            Recall after = again.get("key " + i).orElseThrow();
            assertEquals("value " + i, after.text());
            assertArrayEquals(before.read(), after.read());
        }
        again.put("key 21", "value 21");   // and it goes on learning
        assertEquals("value 21", again.get("key 21").orElseThrow().text());
    }

    @Test
    void anEmptyMemoryRoundTrips() throws IOException {
        Path file = dir.resolve("empty.nam");
        randomTexts().build().save(file);
        assertTrue(randomTexts().load(file).get("anything").isEmpty());
    }

    @Test
    void aDamagedFileOrOtherWritingIsRefused() throws IOException {
        AssociativeMemory memory = randomTexts().build();
        memory.put("a", "b");
        Path file = dir.resolve("facts.nam");
        memory.save(file);

        BadFileException other = assertThrows(BadFileException.class, () -> randomTexts().sumWriting().load(file));
        assertEquals(file + ": written with p_w = 1.0, p_e = 1.0, this memory uses 1.0, 0.0", other.getMessage());

        byte[] bytes = Files.readAllBytes(file);
        bytes[40] ^= 1;
        Files.write(file, bytes);
        assertEquals(file + ": damaged (checksum mismatch)",
                assertThrows(BadFileException.class, () -> randomTexts().load(file)).getMessage());
    }
}
