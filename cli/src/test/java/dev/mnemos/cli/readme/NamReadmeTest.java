package dev.mnemos.cli.readme;

import dev.mnemos.cli.readme.ReadmeRunner.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** nam/README.md's commands, run as written (see {@link ReadmeRunner}). */
class NamReadmeTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandRunsAsTheReadmeSays() throws Exception {
        Plan plan = Plan.of()
                .notRun("mvn ", "a build or test command, not one of ours")
                .notRun("java -jar bench/", "JMH benchmarks: minutes each, run under the benchmark lock (bench/run)")
                .notRun("java --add-modules jdk.incubator.vector -cp", "the batched-training A/B harness: a minute of CPU, "
                        + "run under the benchmark lock like JMH")
                .notRun("bin/nam capacity", "30 to 40 s of CPU each, as the README says")
                .notRun("bin/nam experiment", "108 training runs, about 25 minutes, as the README says")
                .notRun("bin/nam few-shot", "432 texts embedded and 1,000 episodes, about 40 s, as the README says");
        try (ReadmeRunner runner = new ReadmeRunner(dir)) {
            runner.runAll(Readme.read(ReadmeRunner.ROOT, "nam/README.md"), plan);
            assertTrue(runner.ran() >= 5, "ran " + runner.ran());
        }
    }
}
