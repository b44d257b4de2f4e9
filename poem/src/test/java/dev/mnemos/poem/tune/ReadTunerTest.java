package dev.mnemos.poem.tune;

import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.action.Permutations;
import dev.mnemos.poem.memory.Aggregate;
import dev.mnemos.poem.memory.Episode;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.memory.Weighting;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class ReadTunerTest {

    static final int D = 8;

    /** Queries in D dimensions, each tried with 3 to 6 of the 24 orders of m = 4, rewards 0/1 or graded. */
    static List<Episode> randomEpisodes(int queries, boolean graded, long seed) {
        Random random = new Random(seed);
        List<Episode> out = new ArrayList<>();
        long time = 0;
        for (int q = 0; q < queries; q++) {
            float[] s = new float[D];
            for (int i = 0; i < D; i++) s[i] = (float) random.nextGaussian();
            for (Permutation a : Permutations.distinct(4, 3 + random.nextInt(4), random)) {
                double r = graded ? Math.round(random.nextDouble() * 4) / 4.0 : random.nextInt(2);
                out.add(new Episode(s, a, r, time++));
            }
        }
        return out;
    }

    @Test
    void everyCandidatesScoreIsWhatAMemoryOfTheOtherQueriesEarnsOnTheHeldOutOne() {
        for (boolean graded : new boolean[] {false, true}) {
            EpisodicMemory memory = EpisodicMemory.builder().dimension(D).build();
            memory.addAll(randomEpisodes(40, graded, graded ? 3 : 4));
            TuningReport report = ReadTuner.builder().ks(List.of(1, 3, 10, 39)).build().tune(memory);
            assertEquals(40, report.queries());
            assertEquals(4 * 2 * 2 + 2 * 2, report.candidates().size(), "k = 1, 3, 5 (the memory's), 10, 39; 2 weightings; sum and mean");
            for (TuningReport.Candidate c : report.candidates()) {
                assertEquals(bruteForce(memory.episodes(), c.settings()), c.score(), 1e-12, c.settings().toString());
            }
            assertEquals(bruteForceBestFixed(memory.episodes()), report.bestFixed(), 1e-12);
            double top = report.candidates().stream().mapToDouble(TuningReport.Candidate::score).max().orElseThrow();
            assertEquals(top, report.chosenScore());
        }
    }

    /** The definition: a new memory of every other query's episodes, read with these settings, picks among the held-out query's orders. */
    static double bruteForce(List<Episode> episodes, ReadSettings settings) {
        Map<float[], List<Episode>> byState = byState(episodes);
        double sum = 0;
        for (Map.Entry<float[], List<Episode>> held : byState.entrySet()) {
            EpisodicMemory others = EpisodicMemory.builder().dimension(D).read(settings).build();
            others.addAll(episodes.stream().filter(e -> !java.util.Arrays.equals(e.state(), held.getKey())).toList());
            Map<Permutation, Double> q = others.values(held.getKey());
            Episode pick = null;
            double best = Double.NEGATIVE_INFINITY;
            for (Map.Entry<Permutation, Double> e : q.entrySet()) {
                Episode mine = held.getValue().stream().filter(x -> x.action().equals(e.getKey())).findFirst().orElse(null);
                if (mine != null && e.getValue() > best) {
                    pick = mine;
                    best = e.getValue();
                }
            }
            sum += pick != null ? pick.reward() : held.getValue().stream().mapToDouble(Episode::reward).average().orElseThrow();
        }
        return sum / byState.size();
    }

    static double bruteForceBestFixed(List<Episode> episodes) {
        Map<Permutation, double[]> all = new LinkedHashMap<>();
        for (Episode e : episodes) {
            double[] s = all.computeIfAbsent(e.action(), a -> new double[2]);
            s[0] += e.reward();
            s[1]++;
        }
        int minTries = (int) Math.ceil(0.5 * episodes.size() / all.size());
        Map<float[], List<Episode>> byState = byState(episodes);
        double sum = 0;
        for (List<Episode> mine : byState.values()) {
            Episode pick = null;
            double best = Double.NEGATIVE_INFINITY;
            for (int least : new int[] {Math.max(1, minTries), 1}) {
                for (Episode e : mine) {
                    double[] s = all.get(e.action());
                    if (s[1] - 1 < least) continue;
                    double mean = (s[0] - e.reward()) / (s[1] - 1);
                    if (pick == null || mean > best || (mean == best && e.action().index() < pick.action().index())) {
                        pick = e;
                        best = mean;
                    }
                }
                if (pick != null) break;
            }
            sum += pick != null ? pick.reward() : mine.stream().mapToDouble(Episode::reward).average().orElseThrow();
        }
        return sum / byState.size();
    }

    /** Episodes by state, the states in first-seen order (equal contents: one state; episodes() hands out copies). */
    static Map<float[], List<Episode>> byState(List<Episode> episodes) {
        Map<List<Float>, List<Episode>> out = new HashMap<>();
        Map<float[], List<Episode>> ordered = new LinkedHashMap<>();
        for (Episode e : episodes) {
            List<Float> key = new ArrayList<>();
            for (float x : e.state()) key.add(x);
            List<Episode> l = out.computeIfAbsent(key, s -> new ArrayList<>());
            if (l.isEmpty()) ordered.put(e.state(), l);
            l.add(e);
        }
        return ordered;
    }

    @Test
    void whereTheBestOrderDependsOnTheRegionTheTunedReadBeatsTheBestFixedOrder() {
        // two regions of query space; region A earns reward with [1,2,3,4], region B with [4,3,2,1]; 20% noise
        Random random = new Random(9);
        List<Episode> episodes = new ArrayList<>();
        for (int q = 0; q < 200; q++) {
            boolean a = q % 2 == 0;
            float[] s = new float[D];
            for (int i = 0; i < D; i++) s[i] = (float) (random.nextGaussian() * 0.5);
            s[0] += a ? 2 : -2;
            for (Permutation p : Permutations.distinct(4, 8, random)) {
                boolean right = p.rankAt(a ? 0 : 3) == 1;
                double r = random.nextDouble() < 0.2 ? random.nextInt(2) : right ? 1 : 0;
                episodes.add(new Episode(s, p, r, q));
            }
        }
        TuningReport report = ReadTuner.builder().build().tune(episodes);
        System.out.print(report.table());
        assertTrue(report.tuned());
        assertTrue(report.chosenScore() >= report.bestFixed() + 0.15,
                "a per-region read must beat the best fixed order by far: " + report.chosenScore() + " vs " + report.bestFixed());
        assertTrue(report.chosen().k() > 1, "one neighbour is too noisy here: " + report.chosen());
        assertTrue(report.table().contains("<- chosen"));
    }

    @Test
    void withNothingToHoldOutNothingIsTuned() {
        Permutation a = Permutation.identity(3);
        TuningReport one = ReadTuner.builder().build().tune(List.of(new Episode(new float[] {1, 0}, a, 1, 0)));
        assertFalse(one.tuned());
        assertEquals("read settings not tuned: 1 stored query, 0 of them tried with two or more orders\n", one.table());
        // two queries, each tried with one order only: no query can be scored on another order
        TuningReport single = ReadTuner.builder().build().tune(List.of(
                new Episode(new float[] {1, 0}, a, 1, 0), new Episode(new float[] {0, 1}, Permutation.reversed(3), 0, 1)));
        assertFalse(single.tuned());
        assertEquals(0, single.queries());
    }

    @Test
    void aSampleOfHeldOutQueriesIsTakenWhenThereAreMore() {
        List<Episode> episodes = randomEpisodes(60, false, 5);
        TuningReport report = ReadTuner.builder().maxQueries(25).seed(2).build().tune(episodes);
        assertEquals(25, report.queries());
        assertEquals(60, report.states());
        assertEquals(report, ReadTuner.builder().maxQueries(25).seed(2).build().tune(episodes), "the sample is seeded");
    }

    @Test
    void settingsPrintReadably() {
        ReadSettings s = new ReadSettings(30, Weighting.SIMILARITY, Aggregate.MEAN);
        assertEquals("k = 30, similarity, mean", s.toString());
        assertThrows(IllegalArgumentException.class, () -> s.withK(0));
    }
}
