package dev.mnemos.cli.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
