package dev.mnemos.cli.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.run.MnemosCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mnemos models list}: every row that is not a verified model says what to do. */
class ListCommandTest {

    @TempDir
    Path dir;

    @Test
    void aCatalogFileWithOtherContentsNamesTheFetchThatReplacesIt() throws Exception {
        Files.writeString(dir.resolve("SmolLM2-135M-Instruct.Q4_1.gguf"), "GGUF but not SmolLM2");
        Files.writeString(dir.resolve("mine.gguf"), "GGUF of my own");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Cli.execute(new MnemosCommand(), new String[] {"models", "list", "--model-dir", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true));
        assertEquals(0, code);
        List<String> rows = out.toString(StandardCharsets.UTF_8).lines().map(l -> l.strip().replaceAll(" {2,}", " | ")).toList();
        assertEquals(List.of("models in " + dir + ":",
                "smollm2-135m | SmolLM2-135M-Instruct.Q4_1.gguf | 0.0 MB | SHA-256 differs: bin/mnemos models fetch smollm2-135m --model-dir "
                        + dir + " replaces it",
                "mine | mine.gguf | 0.0 MB | not in the catalog",
                "gemma3-270m | (not fetched) | 253.1 MB | bin/mnemos models fetch gemma3-270m --model-dir " + dir), rows);
    }
}
