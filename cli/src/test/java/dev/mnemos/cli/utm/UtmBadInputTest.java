package dev.mnemos.cli.utm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnemos.runtime.model.ModelServer;
import dev.mnemos.runtime.model.ModelServerStubs.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad checkpoints, traces and model output: one line naming the file and field, its own exit code, nothing changed. */
class UtmBadInputTest {

    @RegisterExtension
    final ModelServer server = new ModelServer();

    @TempDir
    Path dir;

    static UtmRunTest.Outcome verify(String... args) {
        return UtmVerifyTest.utmVerify(args);
    }

    /** A checkpoint of the worked example after 100 cycles, and its trace. */
    Path checkpoint() {
        Path c = dir.resolve("c.json");
        UtmRunTest.Outcome o = UtmRunTest.utmRun("--max-steps", "100", "--checkpoint", c.toString(), "--trace", dir.resolve("t.jsonl").toString());
        assertEquals(10, o.code(), o.err());
        return c;
    }

    void edit(Path checkpoint, java.util.function.Consumer<ObjectNode> change) throws Exception {
        ObjectNode root = (ObjectNode) UtmRunTest.JSON.readTree(checkpoint.toFile());
        change.accept(root);
        Files.writeString(checkpoint, root.toString());
    }

    void assertRefused(Path checkpoint, String expected) throws Exception {
        String before = Files.readString(checkpoint);
        UtmRunTest.Outcome o = UtmRunTest.utmRun("--resume", checkpoint.toString(), "--trace", dir.resolve("t.jsonl").toString());
        assertEquals(3, o.code(), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().startsWith("utm-run: " + checkpoint + ": " + expected), o.err());
        assertEquals(before, Files.readString(checkpoint), "a refused checkpoint is left as it was");
    }

    @Test
    void checkpointValuesOfTheWrongTypeAndAbsurdCountersAreBadInputNamingTheField() throws Exception {
        Path c = checkpoint();
        String good = Files.readString(c);
        edit(c, root -> ((ObjectNode) root.get("memory")).put("i", "notanumber"));
        assertRefused(c, "memory.i must be an integer");
        for (String bad : new String[]{"1000000000000000000", "-5", "\"12\"", "1.5"}) {
            Files.writeString(c, good);
            var value = UtmRunTest.JSON.readTree(bad);
            edit(c, root -> ((ObjectNode) root.get("progress")).set("cycles", value));
            assertRefused(c, "progress.cycles must be an integer from 0 to ");
        }
        Files.writeString(c, good);
        edit(c, root -> ((ObjectNode) root.get("sections").get("verifier")).put("head", "x"));
        assertRefused(c, "sections.verifier.head must be an integer");
    }

    @Test
    void aResumeWithAnotherInputOrTamperedWordsIsRefused() throws Exception {
        Path c = dir.resolve("w.ckpt");
        UtmRunTest.Outcome first = UtmRunTest.utmRun("--bitag", "../samples/bitag/worked-example.json", "--max-steps", "2000", "--checkpoint", c.toString());
        assertEquals(10, first.code(), first.err());
        String saved = Files.readString(c);

        UtmRunTest.Outcome other = UtmRunTest.utmRun("--resume", c.toString(), "--bitag", "../samples/bitag/spec-example.json");
        assertEquals(3, other.code(), other.err());
        assertTrue(other.err().startsWith("utm-run: " + c + ": its run started from another input: the tape from cell 0"), other.err());
        assertTrue(other.err().contains("give the run's own --bitag, --word or --tape, or none"), other.err());
        UtmRunTest.Outcome word = UtmRunTest.utmRun("--resume", c.toString(), "--bitag", "../samples/bitag/worked-example.json", "--word", "a1 e1 a1 a1");
        assertEquals(3, word.code(), word.err());
        assertEquals(saved, Files.readString(c));

        edit(c, root -> ((ObjectNode) root.get("sections")).putArray("words").add("e1 a1").add("e2 a1")); // a word left out
        UtmRunTest.Outcome tampered = UtmRunTest.utmRun("--resume", c.toString());
        assertEquals(3, tampered.code(), tampered.err());
        assertEquals("utm-run: " + c + ": sections.words[1] 'e2 a1' does not follow 'e1 a1' in the bi-tag program (it gives 'a1 e2')\n", tampered.err());
        Files.writeString(c, saved);
        edit(c, root -> ((ObjectNode) root.get("sections")).putArray("words").add("a1 e1"));
        UtmRunTest.Outcome start = UtmRunTest.utmRun("--resume", c.toString());
        assertEquals(3, start.code(), start.err());
        assertEquals("utm-run: " + c + ": sections.words[0] 'a1 e1' is not the program's start word 'e1 a1'\n", start.err());

        Files.writeString(c, saved);
        UtmRunTest.Outcome same = UtmRunTest.utmRun("--resume", c.toString(), "--bitag", "../samples/bitag/worked-example.json");
        assertEquals(0, same.code(), same.err());
        assertEquals("words: e1 a1 -> a1 e2 -> e2 a1\nfinal word: e2 a1\n", same.out());
    }

    @Test
    void aTraceLineWhoseChangesHoldAnObjectIsBadInputNamingTheLine() throws Exception {
        Path c = checkpoint();
        Path trace = dir.resolve("t.jsonl");
        Files.writeString(trace, "{\"step\":100,\"changes\":{\"i\":{\"x\":1}}}\n", java.nio.file.StandardOpenOption.APPEND);
        UtmRunTest.Outcome o = UtmRunTest.utmRun("--resume", c.toString(), "--trace", trace.toString());
        assertEquals(3, o.code(), o.err());
        assertEquals("utm-run: " + trace + ":" + Files.readAllLines(trace).size() + ": changes.i holds object {\"x\":1}; a value is a string, an integer or null\n", o.err());

        UtmRunTest.Outcome v = verify(trace.toString());
        assertEquals(3, v.code(), v.err());
        assertEquals("utm-verify: " + trace + ":101: changes.i holds object {\"x\":1}; a value is a string, an integer or null\n", v.err());
    }

    @Test
    void utmVerifyNamesTheFileItCannotRead() throws Exception {
        Path latin1 = dir.resolve("latin1.jsonl");
        Files.write(latin1, "{\"step\":0,\"raw\":\"caf\u00e9\",\"changes\":{}}\n".getBytes(StandardCharsets.ISO_8859_1));
        UtmRunTest.Outcome o = verify(latin1.toString());
        assertEquals(3, o.code(), o.err());
        assertEquals("utm-verify: " + latin1 + ":1: not UTF-8 text (a trace is written in UTF-8)\n", o.err());

        UtmRunTest.Outcome d = verify(dir.toString());
        assertEquals(3, d.code(), d.err());
        assertEquals("utm-verify: " + dir + ": is a directory, not a trace\n", d.err());
    }

    @Test
    void wrongStepNumbersAndAnEmptyTraceAreReported() throws Exception {
        Path trace = dir.resolve("run.jsonl");
        assertEquals(0, UtmRunTest.utmRun("--machine", "../samples/machines/binary-increment.json", "--tape", "1011", "--trace", trace.toString()).code());
        List<String> lines = new ArrayList<>(Files.readAllLines(trace));
        lines.remove(1); // a lost line: the second line now says step 2
        Files.write(trace, lines);
        UtmRunTest.Outcome o = verify(trace.toString(), "--machine", "../samples/machines/binary-increment.json", "--tape", "1011");
        assertEquals(3, o.code(), o.err());
        assertEquals("utm-verify: " + trace + ":2: step 2 where step 1 was expected (a line lost, repeated or out of order)\n", o.err());

        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "");
        UtmRunTest.Outcome e = verify(empty.toString());
        assertEquals(3, e.code(), e.err());
        assertEquals("utm-verify: " + empty + ": empty trace: no cycle to verify\n", e.err());
    }

    @Test
    void modelOutputWithTerminalEscapesIsPrintedEscapedOnOneLine() throws Exception {
        String evil = "\u001b[2J\u001b]0;pwned\u0007 op=\"halt\"\r\nrm -rf";
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(Api.OLLAMA_GENERATE.path()))
                .willReturn(Api.OLLAMA_GENERATE.response("llama2", evil, false)));
        UtmRunTest.Outcome o = UtmRunTest.utmRun("--model", "llama2", "--base-url", server.baseUrl(), "--retries", "0",
                "--checkpoint", dir.resolve("c.json").toString());
        assertEquals(7, o.code(), o.err());
        assertEquals(1, o.err().lines().count(), "one line: " + o.err());
        for (char c : o.err().strip().toCharArray()) assertTrue(c >= 0x20 && c != 0x7f, "a raw control character reached the terminal: " + o.err());
        assertTrue(o.err().contains("\\u001b[2J\\u001b]0;pwned\\u0007"), o.err());
    }

    @Test
    void aFailedRunPrintsOneLine() {
        UtmRunTest.Outcome o = UtmRunTest.utmRun("--model", "llama2", "--base-url", "http://127.0.0.1:1", "--retries", "0",
                "--checkpoint", dir.resolve("c.json").toString());
        assertEquals(4, o.code(), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().contains("verification: none, no cycle ran"), o.err());
        assertEquals("", o.out());
    }

    @Test
    void everyFileOptionRefusesAMissingDirectoryTheSameWay() {
        Path missing = dir.resolve("no-such-directory");
        for (String option : new String[]{"--trace", "--checkpoint", "--cache"}) {
            Path file = missing.resolve("file.json");
            UtmRunTest.Outcome o = UtmRunTest.utmRun(option, file.toString());
            assertEquals(12, o.code(), o.err());
            assertEquals("utm-run: " + option + " " + file + ": " + missing.toAbsolutePath() + " does not exist (create it first)\n", o.err());
        }
        assertFalse(Files.exists(missing));
    }

    @Test
    void oneFileInTwoRolesIsRefusedBeforeAnythingIsOpened() throws Exception {
        Path same = Files.writeString(dir.resolve("same.json"), "an earlier run's file\n");
        Path bitag = dir.resolve("program.json");
        Files.copy(Path.of("..", "samples", "bitag", "worked-example.json"), bitag);
        String program = Files.readString(bitag);
        String[][] cases = {
                {"--trace", same.toString(), "--checkpoint", same.toString()},
                {"--trace", same.toString(), "--cache", same.toString()},
                {"--checkpoint", same.toString(), "--cache", same.toString()},
                {"--trace", dir.resolve("x/../same.json").toString(), "--checkpoint", same.toString()},
                {"--bitag", bitag.toString(), "--trace", bitag.toString()}};
        for (String[] c : cases) {
            UtmRunTest.Outcome o = UtmRunTest.utmRun(c);
            assertEquals(2, o.code(), String.join(" ", c) + ": " + o.err());
            assertTrue(o.err().startsWith("utm-run: " + c[0] + " " + c[1] + " and " + c[2] + " " + c[3] + " are the same file; give each its own"), o.err());
            assertEquals("an earlier run's file\n", Files.readString(same));
            assertEquals(program, Files.readString(bitag));
        }
    }

    @Test
    void aMissingInputIsRefusedBeforeTheTraceIsTouched() throws Exception {
        Path trace = dir.resolve("run.jsonl");
        Files.writeString(trace, "{\"step\":0}\n");
        UtmRunTest.Outcome o = UtmRunTest.utmRun("--machine", "../samples/machines/binary-increment.json", "--trace", trace.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith("utm-run: give the input: --tape CELLS"), o.err());
        assertEquals("{\"step\":0}\n", Files.readString(trace), "an earlier run's trace is not truncated by a refused command");
    }
}
