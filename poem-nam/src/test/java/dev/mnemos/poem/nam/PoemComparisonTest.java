package dev.mnemos.poem.nam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemos.poem.data.JsonLinesReader;
import dev.mnemos.poem.eval.EvalReport;
import dev.mnemos.poem.prompt.Task;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * NAM against the k-NN memory in poem's evaluation, on the sample reviews with the simulated model
 * (answers with the last example's label 90% of the time, so the order matters).
 */
class PoemComparisonTest {

    private static final Path SAMPLES = Path.of("..", "samples", "poem");

    @Test
    void namLearnsTheOrderBiasInConstantMemory() throws Exception {
        PoemComparison.Result result = PoemComparison.builder()
                .data(new JsonLinesReader(0.5, 1).read(SAMPLES.resolve("reviews.jsonl")))
                .task(Task.read(SAMPLES.resolve("reviews.task.json")))
                .build().run();
        EvalReport report = result.report();
        System.out.println(report.table());
        System.out.println(result.growthTable());

        double nam = score(report, "NAM");
        assertTrue(nam > score(report, "most-similar-first"), "NAM " + nam + " vs most-similar-first");
        assertTrue(nam > score(report, "random"), "NAM " + nam + " vs random");

        List<PoemComparison.Growth> growth = result.growth();
        PoemComparison.Growth first = growth.get(0);
        PoemComparison.Growth last = growth.get(growth.size() - 1);
        assertTrue(last.episodes() > 3 * first.episodes());
        assertTrue(last.knnEntries() > 3 * first.knnEntries(), "k-NN grows with the episodes");
        assertTrue(last.namBytes() <= 24 * 4 * 384, "at most m! = 24 memories of 384 floats");
        assertEquals(first.namBytes(), last.namBytes(), "every action was tried in the first quarter already");
    }

    private static double score(EvalReport report, String method) {
        return report.method(method).orElseThrow().score().mean();
    }
}
