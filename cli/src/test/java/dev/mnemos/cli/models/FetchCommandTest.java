package dev.mnemos.cli.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.run.MnemosCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mnemos models fetch}'s refusals: one line naming the value, exit 2, before any download or directory. */
class FetchCommandTest {

    @TempDir
    Path dir;

    @Test
    void anIndexUrlThatIsNotAWebUrlIsAUsageErrorNamingIt() {
        for (String url : new String[] {"notaurl", "ftp://mirror.example/pypi", "http://", "https://exa mple.org"}) {
            Path models = dir.resolve("models");
            Outcome o = fetch("smollm2-135m", "--model-dir", models.toString(), "--index-url", url);
            assertEquals(2, o.code, o.err);
            assertEquals("mnemos models fetch: --index-url must be an http:// or https:// URL, got '" + url + "'\n", o.err);
            assertFalse(Files.exists(models), "nothing made for " + url);
        }
    }

    @Test
    void aNameOutsideTheCatalogIsAUsageErrorNamingIt() {
        Outcome o = fetch("llama2", "--model-dir", dir.toString());
        assertEquals(2, o.code, o.err);
        assertEquals("mnemos models fetch: no model 'llama2' in the catalog; known: smollm2-135m, gemma3-270m\n", o.err);
    }

    @Test
    void aModelDirectoryThatIsAFileIsAUsageErrorNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("models"), "not a directory");
        Outcome fetched = fetch("smollm2-135m", "--model-dir", file.toString(), "--index-url", "http://127.0.0.1:1");
        assertEquals(2, fetched.code, fetched.err);
        assertEquals("mnemos models fetch: --model-dir " + file + " is not a directory\n", fetched.err);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int listed = Cli.execute(new MnemosCommand(), new String[] {"models", "list", "--model-dir", file.toString()},
                new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true));
        assertEquals(2, listed, err.toString(StandardCharsets.UTF_8));
        assertEquals("mnemos models list: --model-dir " + file + " is not a directory", err.toString(StandardCharsets.UTF_8).strip());
        assertEquals("not a directory", Files.readString(file));
    }

    @Test
    void aFetchRefusedByTheNetworkLeavesNoModelDirectory() {
        Path models = dir.resolve("cache").resolve("models");
        Outcome o = fetch("smollm2-135m", "--model-dir", models.toString(), "--index-url", "http://127.0.0.1:1");
        assertEquals(4, o.code, o.err);
        assertTrue(o.err.startsWith("mnemos models fetch: cannot reach http://127.0.0.1:1"), o.err);
        assertFalse(Files.exists(dir.resolve("cache")), "nothing the fetch made is left");
    }

    private record Outcome(int code, String err) {
    }

    private static Outcome fetch(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "models";
        all[1] = "fetch";
        System.arraycopy(args, 0, all, 2, args.length);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.execute(new MnemosCommand(), all, new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true));
        return new Outcome(code, err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}
