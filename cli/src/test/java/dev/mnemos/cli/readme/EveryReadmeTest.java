package dev.mnemos.cli.readme;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Every README has a test that runs its commands; one without commands shows none. */
class EveryReadmeTest {

    static final Set<String> RUN_BY_A_TEST = Set.of("README.md", "utm/README.md", "poem/README.md", "nam/README.md",
            "facts/README.md");

    @Test
    void everyReadmeWithCommandsHasItsTest() throws Exception {
        List<String> readmes;
        try (Stream<Path> s = Files.list(ReadmeRunner.ROOT)) {
            readmes = s.map(d -> ReadmeRunner.ROOT.relativize(d.resolve("README.md")).toString())
                    .filter(r -> Files.isRegularFile(ReadmeRunner.ROOT.resolve(r))).sorted().toList();
        }
        assertTrue(readmes.contains("runtime/README.md"), readmes.toString());
        for (String readme : readmes) {
            if (RUN_BY_A_TEST.contains(readme)) continue;
            assertEquals(List.of(), Readme.read(ReadmeRunner.ROOT, readme).examples(), readme + " shows commands; give it a test");
        }
        assertTrue(Files.isRegularFile(ReadmeRunner.ROOT.resolve("README.md")));
    }

    @Test
    void aCommandItsOutputAndAContinuationAreRead() {
        List<Readme.Example> examples = Readme.examples(List.of(
                "```", "$ bin/utm-run --word \"a1 e1\"   # a comment", "final word: e2", "...", "$ bin/lag-run", "```",
                "```java", "bin/not-a-command", "```",
                "```sh", "bin/poem train --data d.jsonl \\", "    --m 4", "bin/utm-verify TRACE.json [--json]", "bin/        the layout", "```"));
        assertEquals(List.of(
                new Readme.Example(2, "bin/utm-run --word \"a1 e1\"", List.of("final word: e2", "...")),
                new Readme.Example(5, "bin/lag-run", List.of()),
                new Readme.Example(11, "bin/poem train --data d.jsonl --m 4", null)), examples);
    }

    @Test
    void durationsAreNormalisedAndDotsStandForLines() {
        ReadmeRunner.assertOutput("x", List.of("ran 7 steps (0.17 s), p50 2.0 ms", "...", "done in 1m 10s"),
                "ran 7 steps (3.92 s), p50 14.5 ms\nmore\nlines\ndone in 1m 3s\n");
        assertThrows(AssertionError.class, () -> ReadmeRunner.assertOutput("x", List.of("ran 7 steps"), "ran 8 steps\n"));
        assertThrows(AssertionError.class, () -> ReadmeRunner.assertOutput("x", List.of("a", "b"), "a\n"));
    }
}
