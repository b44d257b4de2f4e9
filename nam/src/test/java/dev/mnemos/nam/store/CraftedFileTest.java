package dev.mnemos.nam.store;

import dev.mnemos.nam.grad.Rng;
import dev.mnemos.nam.memory.AssociativeMemory;
import dev.mnemos.nam.model.ModelSpec;
import dev.mnemos.nam.train.Checkpoint;
import dev.mnemos.nam.train.ModelFile;
import dev.mnemos.nam.train.Models;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Files crafted to pass the container's checks (right magic, version, kind and CRC-32) with sizes
 * that would take far more memory than the file holds: every one is refused with a one-line
 * {@link BadFileException} before anything of that size is allocated (issue 19.16: a dimension of
 * 1,000,000 or 2^31 - 1 ended in OutOfMemoryError).
 */
class CraftedFileTest {

    private static final int[] SIZES = {0, -1, 1, 2, 3, 8, 64, 1000, 46_341, 65_535, 1_000_000, 1 << 24,
        Integer.MAX_VALUE, Integer.MIN_VALUE};
    private static final String[] KINDS = {"lsam", "namtm", "lstm", "LSAM", "gru"};

    @TempDir
    Path dir;

    private static int size(Rng rng) {
        return SIZES[rng.nextInt(SIZES.length)];
    }

    /** A model description with crafted sizes, then a few small weight tensors. */
    private static Payload.Writer model(Payload.Writer w, Rng rng) {
        w.putString(KINDS[rng.nextInt(KINDS.length)]);
        for (int f = 0; f < 5; f++) {
            w.putInt(rng.nextInt(3) == 0 ? 1 + rng.nextInt(12) : size(rng));
        }
        int tensors = rng.nextInt(3) == 0 ? size(rng) : rng.nextInt(14);
        w.putInt(tensors);
        for (int t = 0; t < Math.min(Math.max(tensors, 0), 3); t++) {
            w.putString("W_q").putDoubles(new double[rng.nextInt(6)]);
        }
        return w;
    }

    private void refused(Path file, Loader loader) {
        try {
            loader.load(file);
            fail(file + " was loaded");
        } catch (BadFileException e) {
            assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        } catch (Throwable e) {
            fail(file + ": " + e, e);
        }
    }

    private interface Loader {
        void load(Path file) throws Exception;
    }

    @Test
    void craftedModelFilesAreRefusedInOneLine() throws Exception {
        Rng rng = new Rng(19_16);
        for (int i = 0; i < 256; i++) {
            Path file = dir.resolve("m" + i + ".model");
            NamFile.write(file, ModelFile.KIND, model(new Payload.Writer(), rng).bytes());
            refused(file, ModelFile::load);
        }
    }

    @Test
    void theIssuesTwoDimensionsAreRefusedForEveryKind() throws Exception {
        for (String kind : new String[] {"lsam", "namtm", "lstm"}) {
            for (int big : new int[] {1_000_000, Integer.MAX_VALUE}) {
                for (int field = 0; field < 5; field++) {
                    Payload.Writer w = new Payload.Writer().putString(kind);
                    for (int f = 0; f < 5; f++) {
                        w.putInt(f == field ? big : 4);
                    }
                    w.putInt(12);
                    Path file = dir.resolve(kind + "-" + big + "-" + field + ".model");
                    NamFile.write(file, ModelFile.KIND, w.bytes());
                    refused(file, ModelFile::load);
                }
            }
        }
    }

    @Test
    void theWeightCountIsKnownBeforeBuilding() {
        Rng rng = new Rng(7);
        for (int i = 0; i < 60; i++) {
            int[] s = new int[5];
            for (int f = 0; f < 5; f++) {
                s[f] = 1 + rng.nextInt(9);
            }
            for (ModelSpec spec : List.of(ModelSpec.lsam(s[0], s[1], s[2], s[3]), ModelSpec.lstm(s[0], s[1], s[2]),
                    ModelSpec.namtm(s[0], s[1], s[2], s[3], s[4]))) {
                assertEquals(Models.build(spec, 1).params().count(), spec.weights(), spec.toString());
            }
        }
        assertEquals(Long.MAX_VALUE, ModelSpec.namtm(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
                Integer.MAX_VALUE, Integer.MAX_VALUE).weights());
    }

    @Test
    void craftedCheckpointsAreRefusedInOneLine() throws Exception {
        Rng rng = new Rng(1916);
        for (int i = 0; i < 128; i++) {
            Payload.Writer w = new Payload.Writer().putString("reverse").putInt(5).putInt(8).putDouble(0.01)
                    .putDouble(1).putLong(1).putLong(1).putLong(100);
            Path file = dir.resolve("c" + i + ".ckpt");
            NamFile.write(file, Checkpoint.KIND, model(w, rng).putLong(3).bytes());
            refused(file, Checkpoint::load);
        }
    }

    @Test
    void craftedAssociativeMemoriesAreRefusedInOneLine() throws Exception {
        Rng rng = new Rng(1917);
        for (int i = 0; i < 128; i++) {
            Payload.Writer w = new Payload.Writer().putFloat(1f).putFloat(1f).putInt(size(rng)).putInt(size(rng))
                    .putInt(size(rng)).putInt(size(rng));
            for (int row = 0; row < rng.nextInt(3); row++) {
                w.putFloats(new float[rng.nextInt(4)]);
            }
            w.putInt(size(rng)).putInt(0);   // and a field too many, so that no crafted memory is a valid one
            Path file = dir.resolve("a" + i + ".nam");
            NamFile.write(file, AssociativeMemory.FILE_KIND, w.bytes());
            refused(file, f -> AssociativeMemory.builder().encoder(t -> new float[] {1, 0}).load(f));
        }
    }
}
