package dev.mnemos.poem.nam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mnemos.nam.memory.AssociativeMemory;
import dev.mnemos.nam.store.BadFileException;
import dev.mnemos.nam.store.NamFile;
import dev.mnemos.poem.action.Permutation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamEstimatorFileTest {

    @TempDir
    Path dir;

    @Test
    void aSavedEstimatorGivesTheSameEstimatesAndChoices() throws IOException {
        NamEstimator nam = NamEstimator.builder().dimension(8).writing(0.3f, 0.2f).build();
        Random random = new Random(4);
        Permutation[] actions = {Permutation.of(1, 2, 3), Permutation.of(3, 1, 2), Permutation.of(2, 3, 1)};
        for (int i = 0; i < 40; i++) {
            float[] s = state(random);
            nam.write(s, actions[i % 3], random.nextDouble());
        }
        Path file = dir.resolve("poem.nam");
        nam.save(file);

        NamEstimator again = NamEstimator.load(file);

        assertEquals(3, again.actions());
        assertEquals(nam.bytes(), again.bytes());
        for (int i = 0; i < 10; i++) {
            float[] s = state(random);
            assertEquals(nam.best(s), again.best(s));
            for (Permutation a : actions) {
                assertEquals(nam.estimate(s, a), again.estimate(s, a));
            }
        }
    }

    @Test
    void anAssociativeMemoryFileIsNotAnEstimator() throws IOException {
        Path file = dir.resolve("memory.nam");
        NamFile.write(file, AssociativeMemory.FILE_KIND, new byte[0]);

        assertEquals(file + ": holds kind 'associative-memory', expected 'poem-estimator'",
                assertThrows(BadFileException.class, () -> NamEstimator.load(file)).getMessage());
    }

    private static float[] state(Random random) {
        float[] s = new float[8];
        for (int j = 0; j < 8; j++) {
            s[j] = (float) random.nextGaussian();
        }
        return s;
    }
}
