package dev.mnemos.cli.readme;

import dev.mnemos.cli.readme.ReadmeRunner.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** poem/README.md's commands, run as written against the {@link StandIn}'s classifier (see {@link ReadmeRunner}). */
class PoemReadmeTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandRunsAsTheReadmeSays() throws Exception {
        Plan plan = Plan.of()
                .notRun("mvn ", "a build command (the benchmarks jar), not one of ours")
                .notRun("java -jar bench/", "JMH benchmarks: minutes each, run under the benchmark lock (bench/run)")
                .notRun("java -Xmx14g --add-modules jdk.incubator.vector -cp bench/", "builds the 1,000,000-state graph for the benchmark: over 20 minutes on 2 cores")
                .notRun("bin/poem train --data samples/poem/reviews.jsonl --model smollm2-135m --threads 1",
                        "the real-model measurement: 320 calls of the real SmolLM2, about 12 minutes here (RealModelTest runs a short one)")
                .notRun("bin/poem eval --data samples/poem/reviews.jsonl --model smollm2-135m --threads 1",
                        "the real-model measurement's evaluation: 200 calls of the real SmolLM2, about 8 minutes here");
        try (ReadmeRunner runner = new ReadmeRunner(dir)) {
            runner.runAll(Readme.read(ReadmeRunner.ROOT, "poem/README.md"), plan);
            assertTrue(runner.ran() >= 5, "ran " + runner.ran());
        }
    }
}
