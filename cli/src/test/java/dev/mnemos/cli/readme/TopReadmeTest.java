package dev.mnemos.cli.readme;

import dev.mnemos.cli.readme.ReadmeRunner.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The top README's commands, run as written (see {@link ReadmeRunner}); a README that drifts fails here. */
class TopReadmeTest {

    static final Plan PLAN = Plan.of()
            .notRun("mvn -B verify", "the build and tests themselves, which run this test")
            .notRun("bin/nam capacity", "about 30 s of CPU (12 sizes x 2 cosines x 3 trials of 384-d writes); the README says so")
            .exit("bin/utm-run --model smollm2-135m --trace smollm2.jsonl", 11) // the real model in-process: wrong at step 0, as the README says
            .after("bin/utm-run --model llama2 --trace run.jsonl", "bin/utm-verify run.jsonl", 0); // its comment: then: bin/utm-verify run.jsonl

    @TempDir
    Path dir;

    @Test
    void everyCommandRunsAndEndsAsTheReadmeSays() throws Exception {
        try (ReadmeRunner runner = new ReadmeRunner(dir)) {
            runner.runAll(Readme.read(ReadmeRunner.ROOT, "README.md"), PLAN
                    .after("bin/nam train --task reverse --model namtm", "bin/nam eval reverse-namtm.model --task reverse --n 5", 0));
            assertTrue(runner.ran() >= 10, "ran " + runner.ran());
        }
    }
}
