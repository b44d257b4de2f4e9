package dev.mnemos.poem.memory;

import dev.mnemos.poem.action.Permutation;
import dev.mnemos.vectors.Vectors;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class EpisodicMemoryTest {

    static final Permutation A = Permutation.of(1, 2, 3);
    static final Permutation B = Permutation.of(3, 2, 1);
    static final Permutation C = Permutation.of(2, 1, 3);

    static float[] v(float... x) {
        return x;
    }

    static EpisodicMemory memory(int k, int capacity, Weighting weighting) {
        return EpisodicMemory.builder().dimension(2).k(k).capacity(capacity).weighting(weighting).build();
    }

    @Test
    void anEmptyMemoryKnowsNothing() {
        assertEquals(Optional.empty(), memory(5, 10, Weighting.SIMILARITY).best(v(1, 0)));
    }

    @Test
    void aZeroStateHasNoDirectionAndIsRefusedLikeNamEstimatorRefusesIt() {
        EpisodicMemory m = memory(5, 10, Weighting.SIMILARITY);
        m.write(v(1, 0), A, 1.0);
        IllegalArgumentException read = assertThrows(IllegalArgumentException.class, () -> m.best(v(0, 0)));
        assertTrue(read.getMessage().contains("cannot normalise a vector of length 0"), read.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.write(v(0, 0), B, 1.0));
        assertEquals(1, m.size());
    }

    @Test
    void episodesAreCopiesThatCannotChangeTheMemory() {
        EpisodicMemory m = memory(5, 10, Weighting.SIMILARITY);
        m.write(v(1, 0), A, 1.0);
        float[] handedOut = m.episodes().get(0).state();
        handedOut[0] = 0;
        handedOut[1] = 1;
        assertEquals(Optional.of(1.0), m.reward(v(1, 0), A));
        assertArrayEquals(v(1, 0), m.episodes().get(0).state());
    }

    @Test
    void writingTheSameStateAndActionKeepsTheLargerReward() {
        EpisodicMemory m = memory(5, 10, Weighting.SIMILARITY);
        m.write(v(1, 0), A, 0.2);
        m.write(v(1, 0), A, 0.9);
        m.write(v(1, 0), A, 0.5);
        assertEquals(1, m.size());
        assertEquals(Optional.of(0.9), m.reward(v(1, 0), A));
        m.write(v(2, 0), A, 0.1); // same direction: the same unit state
        assertEquals(1, m.size());
        assertEquals(Optional.of(0.9), m.reward(v(1, 0), A));
    }

    @Test
    void pastLTheOldestEntryGoesEvenIfItsRewardWasRaised() {
        EpisodicMemory m = memory(5, 3, Weighting.SIMILARITY);
        m.write(v(1, 0), A, 1.0);   // oldest
        m.write(v(0, 1), B, 1.0);
        m.write(v(1, 1), C, 1.0);
        m.write(v(1, 0), A, 2.0);   // raises the reward, does not make it younger
        m.write(v(1, -1), A, 0.5);  // fourth entry: evicts (1,0)/A
        assertEquals(3, m.size());
        assertEquals(Optional.empty(), m.reward(v(1, 0), A));
        assertEquals(Optional.of(1.0), m.reward(v(0, 1), B));
        assertEquals(3, m.states());
        assertEquals(List.of(B, C, A), m.episodes().stream().map(Episode::action).toList());
    }

    @Test
    void readWeighsEachNeighboursRewardsByItsCosine() {
        EpisodicMemory m = memory(2, 10, Weighting.SIMILARITY);
        float[] near = v(1, 0);
        float[] mid = v(1, 1);
        float[] far = v(-1, 0.1f);
        m.write(near, A, 0.5);
        m.write(mid, B, 1.0);
        m.write(mid, A, 0.2);
        m.write(far, C, 100);   // not among the 2 nearest: ignored
        float[] q = v(1, 0.2f);
        Map<Permutation, Double> values = m.values(q);
        double cNear = Vectors.cosine(q, near), cMid = Vectors.cosine(q, mid);
        assertEquals(2, values.size());
        assertEquals(cNear * 0.5 + cMid * 0.2, values.get(A), 1e-6);
        assertEquals(cMid * 1.0, values.get(B), 1e-6);
        assertEquals(Optional.of(B), m.best(q), "0.707 beats 0.98*0.5 + 0.707*0.2");
    }

    @Test
    void plainWeightingAddsRewardsUnweighted() {
        EpisodicMemory m = memory(2, 10, Weighting.PLAIN);
        m.write(v(1, 0), A, 0.5);
        m.write(v(1, 1), B, 0.6);
        m.write(v(1, 1), A, 0.2);
        assertEquals(0.7, m.values(v(1, 0.2f)).get(A), 1e-9);
        assertEquals(Optional.of(A), m.best(v(1, 0.2f)));
    }

    @Test
    void theReadFollowsTheQueryToItsOwnNeighbourhood() {
        EpisodicMemory m = memory(1, 10, Weighting.SIMILARITY);
        m.write(v(1, 0), A, 1);
        m.write(v(1, 0), B, 0);
        m.write(v(0, 1), B, 1);
        m.write(v(0, 1), A, 0);
        assertEquals(Optional.of(A), m.best(v(0.9f, 0.1f)));
        assertEquals(Optional.of(B), m.best(v(0.1f, 0.9f)));
    }

    @Test
    void nearestMatchesABruteForceSearchAcrossManyTilesAndFreedSlots() {
        int d = 16;
        Random random = new Random(7);
        EpisodicMemory m = EpisodicMemory.builder().dimension(d).k(7).capacity(2500).build();
        List<float[]> all = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {   // 500 evictions free slots that later states reuse
            float[] s = Vectors.unit(gaussian(d, random));
            all.add(s);
            m.write(s, A, 1);
        }
        List<float[]> kept = all.subList(500, 3000);
        for (int trial = 0; trial < 20; trial++) {
            float[] q = Vectors.unit(gaussian(d, random));
            List<float[]> expected = kept.stream()
                    .sorted(Comparator.comparingDouble((float[] s) -> -Vectors.dot(q, s))).limit(7).toList();
            List<Neighbour> got = m.nearest(q, 7);
            for (int i = 0; i < 7; i++) assertArrayEquals(expected.get(i), got.get(i).state(), 1e-6f);
        }
    }

    @Test
    void concurrentWritesAreAllKept() throws Exception {
        EpisodicMemory m = EpisodicMemory.builder().dimension(8).capacity(100_000).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            pool.submit(() -> {
                Random random = new Random(thread);
                for (int i = 0; i < 2000; i++) {
                    m.write(gaussian(8, random), A, 1);
                    m.best(gaussian(8, random));
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(8000, m.size());
        assertEquals(8000, m.states());
    }

    @Test
    void aStateOfTheWrongLengthIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> memory(5, 10, Weighting.SIMILARITY).write(v(1, 2, 3), A, 1));
        assertEquals("state has 3 dimensions, the memory 2", e.getMessage());
    }

    @Test
    void aStateThatIsNotANumberIsRejectedAndCannotCrowdOutNeighbours() {
        EpisodicMemory m = memory(1, 10, Weighting.SIMILARITY);
        m.write(v(1, 0), A, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> m.write(v(Float.NaN, 1), B, 1));
        assertEquals("state value 0 is NaN; a state must be finite", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.write(v(Float.POSITIVE_INFINITY, 0), B, 1));

        assertEquals(1, m.size());
        assertEquals(Optional.of(A), m.best(v(1, 0.1f)));
    }

    static float[] gaussian(int d, Random random) {
        float[] x = new float[d];
        for (int i = 0; i < d; i++) x[i] = (float) random.nextGaussian();
        return x;
    }
}
