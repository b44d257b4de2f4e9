package dev.mnemos.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mnemos.nam.grad.Rng;
import dev.mnemos.nam.store.BadFileException;
import dev.mnemos.nam.store.NamFile;
import dev.mnemos.nam.store.Payload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactFileTest {

    @TempDir
    Path dir;

    private static FactMemory.Builder builder() {
        return FactMemory.builder().encoder(new RandomTextEncoder(32)).slots(64).recency(1e-3);
    }

    @Test
    void aSavedMemoryReadsTheSameAndGoesOnLearningAfterLoading() throws Exception {
        FactMemory m = builder().settle(1).build();
        for (int i = 0; i < 40; i++) {
            m.write("key " + i, "value " + i);
        }
        m.forget(Fact.of("key 3", "value 3"));
        Path file = dir.resolve("facts.nam");
        m.save(file);

        FactMemory again = builder().load(file);

        assertEquals(39, again.facts());
        assertEquals(40, again.writes());
        for (int i = 0; i < 40; i++) {
            assertEquals(m.read("key " + i), again.read("key " + i), "key " + i);
        }
        assertTrue(again.forget(Fact.of("key 5", "value 5")), "it forgets what it held");
        again.write("key 40", "value 40");
        assertEquals("value 40", again.read("key 40").orElseThrow().value());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void anEmptyMemoryRoundTrips() throws Exception {
        Path file = dir.resolve("empty.nam");
        builder().build().save(file);

        FactMemory again = builder().load(file);

        assertTrue(again.read("anything").isEmpty());
        again.write("a", "x");
        assertEquals("x", again.read("a").orElseThrow().value());
    }

    @Test
    void aDamagedOrForeignFileIsRefusedInOneLine() throws Exception {
        Path file = dir.resolve("facts.nam");
        FactMemory m = builder().build();
        m.write("a", "x");
        m.save(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);

        assertEquals(file + ": damaged (checksum mismatch)",
                assertThrows(BadFileException.class, () -> builder().load(file)).getMessage());
        Path other = dir.resolve("other.nam");
        NamFile.write(other, "associative-memory", new byte[] {1});
        assertEquals(other + ": holds kind 'associative-memory', expected 'fact-memory'",
                assertThrows(BadFileException.class, () -> builder().load(other)).getMessage());
    }

    @Test
    void craftedSizesAreRefusedBeforeAnythingOfThatSizeIsAllocated() throws Exception {
        int[] sizes = {-1, 0, 1, 7, 1000, 1_000_000, Integer.MAX_VALUE};
        Rng rng = new Rng(19);
        for (int i = 0; i < 64; i++) {
            Payload.Writer w = new Payload.Writer().putInt(sizes[rng.nextInt(sizes.length)]).putDouble(0.5).putDouble(0.1)
                    .putLong(1).putString(rng.nextInt(4) == 0 ? "SIDEWAYS" : "SETTLING").putInt(2).putDouble(0).putDouble(0)
                    .putDoubles(new double[0]).putInt(sizes[rng.nextInt(sizes.length)]).putLong(rng.nextInt(3))
                    .putLong(rng.nextInt(3)).putDoubles(new double[rng.nextInt(3)]).putInt(sizes[rng.nextInt(sizes.length)]);
            Path file = dir.resolve("c" + i + ".nam");
            NamFile.write(file, FactFile.KIND, w.bytes());
            try {
                builder().load(file);
                fail(file + " was loaded");
            } catch (BadFileException e) {
                assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
                assertFalse(e.getMessage().contains("\n"));
            } catch (Throwable e) {
                fail(file + ": " + e, e);
            }
        }
    }
}
