package dev.mnemos.poem.nam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemos.nam.tensor.RandomVectors;
import dev.mnemos.poem.action.Permutation;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NamEstimatorTest {

    private static final Permutation FIRST = Permutation.of(1, 2, 3);
    private static final Permutation LAST = Permutation.of(3, 2, 1);

    @Test
    void knowsNothingBeforeTheFirstWrite() {
        NamEstimator nam = NamEstimator.builder().dimension(8).build();
        assertEquals(Optional.empty(), nam.best(RandomVectors.unit(new Random(1), 8)));
        assertEquals(0, nam.bytes());
    }

    @Test
    void picksTheActionThatEarnedMoreNearThisState() {
        // two clusters of states; FIRST pays in cluster a, LAST pays in cluster b
        Random random = new Random(2);
        int d = 64;
        float[] a = RandomVectors.unit(random, d);
        float[] b = RandomVectors.unit(random, d);
        NamEstimator nam = NamEstimator.builder().dimension(d).build();
        for (int i = 0; i < 200; i++) {
            float[] sa = near(a, random);
            float[] sb = near(b, random);
            nam.write(sa, FIRST, 1);
            nam.write(sa, LAST, 0);
            nam.write(sb, FIRST, 0);
            nam.write(sb, LAST, 1);
        }
        assertEquals(Optional.of(FIRST), nam.best(near(a, random)));
        assertEquals(Optional.of(LAST), nam.best(near(b, random)));
        assertEquals(1.0, nam.estimate(a, FIRST).orElseThrow(), 0.15);
        assertEquals(0.0, nam.estimate(a, LAST).orElseThrow(), 0.15);
    }

    @Test
    void memoryIsOneRowPerActionWhateverTheNumberOfEpisodes() {
        Random random = new Random(3);
        NamEstimator nam = NamEstimator.builder().dimension(384).build();
        nam.write(RandomVectors.unit(random, 384), FIRST, 1);
        nam.write(RandomVectors.unit(random, 384), LAST, 1);
        long two = nam.bytes();
        for (int i = 0; i < 1000; i++) {
            nam.write(RandomVectors.unit(random, 384), i % 2 == 0 ? FIRST : LAST, random.nextDouble());
        }
        assertEquals(2 * 4 * 384, two);
        assertEquals(two, nam.bytes());
        assertEquals(2, nam.actions());
    }

    @Test
    void sumWritingAddsRewardsWeightedByCosine() {
        NamEstimator nam = NamEstimator.builder().dimension(2).writing(1f, 0f).build();
        nam.write(new float[] {1, 0}, FIRST, 2);
        nam.write(new float[] {0, 1}, FIRST, 4);
        // read at 45 degrees: 2 cos 45 + 4 cos 45
        assertEquals(6 / Math.sqrt(2), nam.estimate(new float[] {1, 1}, FIRST).orElseThrow(), 1e-5);
        assertTrue(nam.estimate(new float[] {1, 1}, LAST).isEmpty());
    }

    @Test
    void badInputIsRejected() {
        NamEstimator nam = NamEstimator.builder().dimension(3).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> nam.write(new float[] {1, 0}, FIRST, 1));
        assertEquals("state has 2 values, expected 3", e.getMessage());
        IllegalArgumentException r = assertThrows(IllegalArgumentException.class,
                () -> nam.write(new float[] {1, 0, 0}, FIRST, Double.NaN));
        assertEquals("reward = NaN is not a finite number", r.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NamEstimator.builder().build());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                () -> NamEstimator.builder().writing(0.5f, 2f));
        assertEquals("p_e = 2.0 is not a probability in [0, 1]", p.getMessage());
    }

    private static float[] near(float[] centre, Random random) {
        float[] noise = RandomVectors.unit(random, centre.length);
        float[] out = new float[centre.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = centre[j] + 0.3f * noise[j];
        }
        return out;
    }
}
