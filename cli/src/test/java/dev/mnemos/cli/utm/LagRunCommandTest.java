package dev.mnemos.cli.utm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mnemos.runtime.model.ModelServer;
import dev.mnemos.runtime.model.ModelServerStubs.Api;
import dev.mnemos.utm.bitag.BiTagFormat;
import dev.mnemos.utm.bitag.BiTagProgram;
import dev.mnemos.utm.bitag.Word;
import dev.mnemos.utm.lag.BiTagLag;
import dev.mnemos.utm.lag.LagInterpreter;
import dev.mnemos.utm.lag.LagSystem;
import dev.mnemos.utm.lag.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** lag-run: the reference backend, a stand-in model server (Ollama chat), mismatches, checkpoint and resume, bad input. */
class LagRunCommandTest {

    static final String SPEC = Path.of("..", "samples", "bitag", "spec-example.json").toString();
    static final BiTagProgram PROGRAM = BiTagFormat.read(Path.of(SPEC));
    static final BiTagLag COMPILED = BiTagLag.compile(PROGRAM.system(), PROGRAM.name());
    static final LagSystem LAG = COMPILED.lag();
    static final List<Word> DIRECT = PROGRAM.system().trajectory(PROGRAM.word(), 10_000);
    static final Api API = Api.OLLAMA_CHAT;

    @RegisterExtension
    final ModelServer server = new ModelServer();

    static UtmRunTest.Outcome lagRun(String... args) {
        return UtmRunTest.capture(LagRunCommand::run, args);
    }

    String[] model(String... more) {
        return Stream.concat(Stream.of("--bitag", SPEC, "--model", "llama3.1", "--base-url", server.baseUrl(), "--style", "chat", "--retries", "0"),
                Stream.of(more)).toArray(String[]::new);
    }

    void stubRight() {
        for (Rule r : LAG.rules()) {
            server.stubFor(LagCheckModelTest.asking(API, LAG.keyText(r)).willReturn(API.response("llama3.1", LAG.valueText(r), false)));
        }
    }

    int requests() {
        return server.countRequestsMatching(postRequestedFor(urlPathEqualTo(API.path())).build()).getCount();
    }

    @Test
    void aBiTagProgramRunsAsALagSystemOnTheReferenceBackend() throws Exception {
        UtmRunTest.Outcome o = lagRun("--bitag", SPEC, "--json");
        assertEquals(0, o.code(), o.err());
        JsonNode s = o.json();
        assertTrue(s.get("halted").asBoolean());
        assertEquals(DIRECT.size() - 1, s.get("steps").asInt());
        assertEquals(DIRECT.get(DIRECT.size() - 1).toString(), s.get("finalWord").asText());
        assertEquals(0, s.get("mismatches").asInt());
        assertTrue(o.err().contains("lag-run: verification: the " + (DIRECT.size()) + " cycles matched the reference interpreter"), o.err());
    }

    @Test
    void aModelServerRightOnEveryLookupCostsOneCallPerRuleUsedAndNoneWithAWarmCache(@TempDir Path dir) throws Exception {
        stubRight();
        Path cache = dir.resolve("cache.jsonl");
        Path trace = dir.resolve("run.jsonl");
        UtmRunTest.Outcome o = lagRun(model("--cache", cache.toString(), "--trace", trace.toString()));
        assertEquals(0, o.code(), o.err());
        assertEquals("final word: " + DIRECT.get(DIRECT.size() - 1) + "\n", o.out());
        int used = requests();
        assertTrue(used > 0 && used <= LAG.ruleCount(), used + " calls");
        assertEquals(DIRECT.size(), Files.readAllLines(trace).size(), "one trace line per cycle, the halt included");
        assertTrue(o.err().contains(String.format("%,d model calls", used)), o.err());

        server.resetRequests();
        UtmRunTest.Outcome again = lagRun(model("--cache", cache.toString()));
        assertEquals(0, again.code(), again.err());
        assertEquals(0, requests());
    }

    @Test
    void theHaltNeedsNoModelSoItIsNeitherAModelCallNorACacheHit(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache.jsonl");
        UtmRunTest.Outcome first = lagRun("--bitag", SPEC, "--cache", cache.toString(), "--json");
        assertEquals(0, first.code(), first.err());
        assertEquals(8, first.json().get("cycles").asLong());
        assertEquals(7, first.json().get("modelCalls").asLong());
        UtmRunTest.Outcome again = lagRun("--bitag", SPEC, "--cache", cache.toString(), "--json");
        assertEquals(0, again.code(), again.err());
        assertEquals(0, again.json().get("modelCalls").asLong());
        assertEquals(7, again.json().get("cacheHits").asLong(), "7 lookups, all from the cache; the halt is neither: " + again.out());
        assertTrue(again.err().contains("(8 cycles, 0 model calls, 7 cache hits"), again.err());
    }

    @Test
    void aModelWrongOnOneKeyStopsAtTheFirstStepThatUsesIt() {
        stubRight();
        LagInterpreter lag = new LagInterpreter(LAG, COMPILED.encode(PROGRAM.word()));
        for (int k = 0; k < 3; k++) lag.step();
        Rule rule = lag.nextRule();
        String key = LAG.keyText(rule);
        String wrong = LAG.valueText(rule).equals("a1") ? "a2" : "a1";
        server.stubFor(LagCheckModelTest.asking(API, key).willReturn(API.response("llama3.1", wrong, false)));
        long first = 0;
        LagInterpreter scan = new LagInterpreter(LAG, COMPILED.encode(PROGRAM.word()));
        while (scan.nextRule() != rule) {
            scan.step();
            first++;
        }
        UtmRunTest.Outcome o = lagRun(model());
        assertEquals(11, o.code(), o.err());
        assertTrue(o.err().contains("mismatch at step " + first + ", key '" + key + "': expected '" + LAG.valueText(rule) + "', got '" + wrong
                + "' (raw answer \"" + wrong + "\")"), o.err());
    }

    @Test
    void aRunCutByAStepLimitResumesFromItsCheckpoint(@TempDir Path dir) throws Exception {
        Path ckpt = dir.resolve("lag.checkpoint.json");
        UtmRunTest.Outcome part = lagRun("--bitag", SPEC, "--max-steps", "5", "--checkpoint", ckpt.toString());
        assertEquals(10, part.code(), part.err());
        assertTrue(part.err().contains("not halted: limit reached after 5 steps; checkpoint in " + ckpt), part.err());
        UtmRunTest.Outcome rest = lagRun("--bitag", SPEC, "--resume", ckpt.toString());
        assertEquals(0, rest.code(), rest.err());
        assertEquals("final word: " + DIRECT.get(DIRECT.size() - 1) + "\n", rest.out());
        UtmRunTest.Outcome other = lagRun("--bitag", SPEC, "--resume", ckpt.toString(), "--seed", "3");
        assertEquals(3, other.code());
        assertTrue(other.err().contains("the checkpoint's dictionary is not the one of these rules"), other.err());
    }

    @Test
    void theRunOptionsAreCheckedAsUtmRunChecksThemAndATraceIsLeftAlone(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("lag.jsonl");
        Files.writeString(trace, "{\"step\":0}\n");
        String[][] cases = {{"--max-value", "-7"}, {"--max-value", "0"}, {"--max-steps", "-1"}, {"--max-time", "-5"}, {"--cycle-retries", "-1"}};
        for (String[] c : cases) {
            UtmRunTest.Outcome o = lagRun("--bitag", SPEC, "--trace", trace.toString(), c[0], c[1]);
            assertEquals(2, o.code(), c[0] + " " + c[1] + ": " + o.err());
            assertEquals("lag-run: " + c[0] + " must be " + (c[0].equals("--max-value") ? "1" : "0") + " or more, got " + c[1] + "\n", o.err());
            assertEquals("{\"step\":0}\n", Files.readString(trace));
        }
        UtmRunTest.Outcome bounded = lagRun("--bitag", SPEC, "--max-value", "1", "--no-verify");
        assertEquals(9, bounded.code(), "the write bound applies to lag-run's writes: " + bounded.err());
    }

    @Test
    void verifiedIsTrueOnlyForARunThatHaltedWithEveryCycleCheckedAndMatched() throws Exception {
        UtmRunTest.Outcome failed = lagRun("--bitag", SPEC, "--model", "llama3.1", "--base-url", "http://127.0.0.1:1", "--retries", "0", "--json");
        assertEquals("failed", failed.json().get("status").asText(), failed.out());
        assertFalse(failed.json().get("verified").asBoolean(), "a failed run is not verified: " + failed.out());
        UtmRunTest.Outcome limited = lagRun("--bitag", SPEC, "--max-steps", "3", "--json");
        assertEquals(10, limited.code(), limited.err());
        assertFalse(limited.json().get("verified").asBoolean(), "a run that did not halt is not verified: " + limited.out());
        UtmRunTest.Outcome off = lagRun("--bitag", SPEC, "--no-verify", "--json");
        assertEquals(0, off.code(), off.err());
        assertFalse(off.json().get("verified").asBoolean(), off.out());
        assertFalse(off.json().get("checked").asBoolean(), off.out());
        UtmRunTest.Outcome clean = lagRun("--bitag", SPEC, "--json");
        assertEquals(0, clean.code(), clean.err());
        assertTrue(clean.json().get("verified").asBoolean(), clean.out());
        assertTrue(clean.json().get("checked").asBoolean(), clean.out());
    }

    @Test
    void aRunThatFailsBeforeItsFirstCycleClaimsNoVerification() throws Exception {
        UtmRunTest.Outcome failed = lagRun("--bitag", SPEC, "--model", "llama3.1", "--base-url", "http://127.0.0.1:1", "--retries", "0");
        assertEquals(4, failed.code(), "the server is unreachable: " + failed.err());
        assertTrue(failed.err().contains("lag-run: verification: none, no cycle ran"), failed.err());
        assertFalse(failed.err().contains("matched"), failed.err());
        assertEquals("", failed.out(), "no word is shown as decoded when no cycle ran");

        UtmRunTest.Outcome json = lagRun("--bitag", SPEC, "--model", "llama3.1", "--base-url", "http://127.0.0.1:1", "--retries", "0", "--json");
        assertEquals(4, json.code(), json.err());
        assertTrue(json.json().get("finalWord").isNull(), "no cycle ran, no word: " + json.out());
        assertTrue(json.json().get("queue").isNull() && json.json().get("queueLength").isNull(), "nor a queue: " + json.out());

        UtmRunTest.Outcome machine = lagRun("--machine", "../samples/machines/binary-increment.json", "--tape", "1011", "--model", "llama3.1",
                "--base-url", "http://127.0.0.1:1", "--retries", "0", "--json");
        assertEquals(4, machine.code(), machine.err());
        for (String uncomputed : new String[] {"machineSteps", "finalTape", "matchesReference"}) {
            assertFalse(machine.json().has(uncomputed), uncomputed + ": no cycle ran, nothing decoded: " + machine.out());
        }
        assertFalse(machine.err().contains("decoded"), machine.err());
    }

    @Test
    void anEditedCacheEntryIsCaughtWhateverElseTheCycleChanged(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("lag.cache");
        assertEquals(0, lagRun("--bitag", SPEC, "--cache", cache.toString()).code());
        List<String> clean = Files.readAllLines(cache);
        String[][] edits = { // what is appended to the cached instruction of key a1 a1, and what the report names
                {" i-=1 \"", "i = "}, {" q=\"1\" \"", "q = 1"}, {" t1+=7 \"", "t1 = "}};
        for (String[] edit : edits) {
            editEntry(cache, clean, "a1 a1", a -> a.substring(0, a.length() - 2) + edit[0]);
            UtmRunTest.Outcome o = lagRun("--bitag", SPEC, "--cache", cache.toString(), "--json");
            assertEquals(11, o.code(), edit[0] + ": " + o.err());
            String error = o.json().get("error").asText();
            assertTrue(error.contains("key 'a1 a1'") && error.contains(edit[1]), error);
            assertTrue(!o.json().get("verified").asBoolean(), o.out());
        }
        editEntry(cache, clean, "a1 a1", a -> a.replace("%[t]=", "%[t1]=")); // the right value in the wrong cell
        UtmRunTest.Outcome o = lagRun("--bitag", SPEC, "--cache", cache.toString());
        assertEquals(11, o.code(), o.err());
    }

    /** Writes {@code lines} back to the cache with the answer for {@code key} changed by {@code edit}. */
    static void editEntry(Path cache, List<String> lines, String key, java.util.function.UnaryOperator<String> edit) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        for (String line : lines) {
            com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode) UtmRunTest.JSON.readTree(line);
            if (o.get("prompt").asText().endsWith("KEY: " + key + "\nVALUE: ")) o.put("answer", edit.apply(o.get("answer").asText()));
            out.add(o.toString());
        }
        assertTrue(!out.equals(lines), "no entry for " + key);
        Files.write(cache, out);
    }

    @Test
    void oneFileInTwoRolesIsRefusedBeforeAnythingIsOpened(@TempDir Path dir) throws Exception {
        Path same = Files.writeString(dir.resolve("same"), "kept\n");
        String[][] cases = {{"--trace", same.toString(), "--checkpoint", same.toString()}, {"--trace", same.toString(), "--cache", same.toString()},
                {"--checkpoint", same.toString(), "--cache", same.toString()}};
        for (String[] c : cases) {
            UtmRunTest.Outcome o = lagRun(Stream.concat(Stream.of("--bitag", SPEC), Stream.of(c)).toArray(String[]::new));
            assertEquals(2, o.code(), o.err());
            assertEquals("kept\n", Files.readString(same));
        }
        UtmRunTest.Outcome program = lagRun("--bitag", SPEC, "--trace", SPEC);
        assertEquals(2, program.code(), program.err());
        assertTrue(program.err().contains("--bitag " + SPEC + " and --trace " + SPEC + " are the same file"), program.err());
    }

    @Test
    void anAnswerThatIsNotAValueIsReportedAsTheModelGaveItEscaped() {
        stubRight();
        Rule first = LAG.rule(COMPILED.encode(PROGRAM.word())[0], COMPILED.encode(PROGRAM.word())[1]);
        String raw = "\u001b[31mthe value is " + LAG.valueText(first) + "\u202e";
        server.stubFor(LagCheckModelTest.asking(API, LAG.keyText(first)).willReturn(API.response("llama3.1", raw, false)));
        UtmRunTest.Outcome o = lagRun(model());
        assertEquals(7, o.code(), o.err());
        UtmBenchModelTest.assertPrintable(o.err());
        assertTrue(o.err().contains("step 0, key '" + LAG.keyText(first) + "': the model's answer is not a value of the dictionary"
                + " (symbols of " + LAG.name() + "): \"\\u001b[31mthe value is " + LAG.valueText(first) + "\\u202e\""), o.err());
        assertFalse(o.err().contains("expected name=\"value\""), "not the runtime's instruction parser's words: " + o.err());
        assertFalse(o.err().contains("not a value of the dictionary: not a value"), o.err());
    }

    @Test
    void badInput(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("r.txt");
        Files.writeString(rules, "aBgJ:vD\ngJvD:aB\nvDaB:gJ\n");
        assertEquals("lag-run: --queue: the queue is empty; a Lag system needs at least two symbols to take a step\n",
                lagRun("--rules", rules.toString(), "--queue", " ").err());
        assertEquals("lag-run: no queue: give --queue SYMBOLS (the rule file has none)\n", lagRun("--rules", rules.toString()).err());
        assertEquals("lag-run: --queue: symbol 2 'xx' of the queue is not a symbol of " + rules + "\n",
                lagRun("--rules", rules.toString(), "--queue", "aBxx").err());
        assertEquals("lag-run: give --rules FILE, --bitag FILE or --machine FILE|u15_2 (one of them)\n", lagRun().err());
        UtmRunTest.Outcome ok = lagRun("--rules", rules.toString(), "--queue", "aBgJ", "--max-steps", "4");
        assertEquals(10, ok.code(), ok.err());
        assertEquals("queue so far (not halted): gJvD\n", ok.out());
    }
}
