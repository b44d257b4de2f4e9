package dev.mnemos.cli;

import dev.mnemos.cli.poem.PoemCommand;
import dev.mnemos.cli.run.MnemosCommand;
import dev.mnemos.cli.utm.LagCheck;
import dev.mnemos.cli.utm.UtmRun;
import dev.mnemos.cli.utm.UtmVerify;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A malformed JSON file is reported in one format by every command, {@code FILE:LINE:COLUMN: what
 * is wrong}, with none of the parser's internals (class names, "[Source: ...]").
 */
class JsonPositionMessagesTest {

    static final List<String> INTERNALS = List.of("com.fasterxml", "jackson", "Jackson", "[Source", "for input source",
            "JsonToken", "REDACTED", "`", "StreamReadFeature");

    @TempDir
    Path dir;

    interface Command {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    String fails(Command command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(3, code, message);
        return message;
    }

    static void assertPosition(String message, String command, Path file, int line, int column) {
        String at = command + ": " + file + ":" + line + ":" + column + ": ";
        assertTrue(message.startsWith(at), "expected " + at + "...\n got " + message);
        assertEquals(1, message.lines().count(), message);
        for (String internal : INTERNALS) assertFalse(message.contains(internal), internal + " in: " + message);
    }

    @Test
    void aMemoryFileWithAMissingComma() throws Exception {
        Path file = Files.writeString(dir.resolve("program.json"), "{\"blank\": \"0\",\n \"memory\": {\"op\": \"x\" \"n\": 3}}\n");
        String m = fails((a, o, e) -> Cli.execute(new MnemosCommand(), a, o, e), "run", file.toString(), "--model", "m");
        assertPosition(m, "mnemos run", file, 2, 23);
        assertTrue(m.endsWith("was expecting comma to separate Object entries"), m);
    }

    @Test
    void aMachineFileThatEndsTooSoon() throws Exception {
        Path file = Files.writeString(dir.resolve("machine.json"), "{\"name\": \"m\",\n \"symbols\": [\"_\", \"1\"\n");
        assertPosition(fails(UtmRun::run, "--machine", file.toString()), "utm-run", file, 3, 1);
    }

    @Test
    void aBiTagProgramWithAStrayCharacter() throws Exception {
        Path file = Files.writeString(dir.resolve("bitag.json"), "{ \"q\": 2, \"h\": 2,\n  \"productions\": x }\n");
        assertPosition(fails(UtmRun::run, "--bitag", file.toString()), "utm-run", file, 2, 18);
    }

    @Test
    void aTraceWhoseFirstLineIsCut() throws Exception {
        Path file = Files.writeString(dir.resolve("run.jsonl"), "{\"step\": 0, \"op\n{\"step\": 1}\n");
        String m = fails(UtmVerify::run, file.toString());
        assertPosition(m, "utm-verify", file, 1, 16);
    }

    @Test
    void aLagRuleFileInJson() throws Exception {
        Path file = Files.writeString(dir.resolve("rules.json"), "{ \"name\": \"r\",\n  \"rules\": { \"a1 b\": \"b\",, } }\n");
        assertPosition(fails(LagCheck::run, "--rules", file.toString()), "lag-check", file, 2, 26);
    }

    @Test
    void poemDataAndTaskFiles() throws Exception {
        Path data = Files.writeString(dir.resolve("d.jsonl"),
                "{\"input\": \"a\", \"output\": \"x\"}\n{\"input\": \"b\", \"output\": \"y\"}\n{\"input\": \"c\" \"output\": \"x\"}\n");
        Path task = Files.writeString(dir.resolve("t.task.json"), "{\"instruction\": \"i\", \"example\": \"{input} {output}\",\n \"query\": \"{input}\", \"labels\": [\"x\", \"y\"]}\n");
        Command poem = (a, o, e) -> Cli.execute(new PoemCommand(), a, o, e);
        assertPosition(fails(poem, "train", "--data", data.toString(), "--task", task.toString(), "--model", "m",
                "--memory", dir.resolve("m.poem").toString()), "poem train", data, 3, 15);
        Files.writeString(data, "{\"input\": \"a\", \"output\": \"x\"}\n");
        Files.writeString(task, "{\"instruction\": \"i\",\n \"labels\": [\"x\" \"y\"]}\n");
        assertPosition(fails(poem, "train", "--data", data.toString(), "--task", task.toString(), "--model", "m",
                "--memory", dir.resolve("m.poem").toString()), "poem train", task, 2, 17);
    }
}
