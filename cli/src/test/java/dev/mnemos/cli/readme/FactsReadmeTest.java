package dev.mnemos.cli.readme;

import dev.mnemos.cli.readme.ReadmeRunner.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** facts/README.md's commands, run as written (see {@link ReadmeRunner}). */
class FactsReadmeTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandRunsAsTheReadmeSays() throws Exception {
        Plan plan = Plan.of()
                .notRun("bin/nam facts --people 750", "the benchmark of the table: 7,244 texts embedded, 3,297 facts written"
                        + " into four memories, over half an hour on the shared machine, as the README says");
        try (ReadmeRunner runner = new ReadmeRunner(dir)) {
            runner.runAll(Readme.read(ReadmeRunner.ROOT, "facts/README.md"), plan);
            assertTrue(runner.ran() >= 1, "ran " + runner.ran());
        }
    }
}
