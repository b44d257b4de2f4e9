package dev.mnemos.cli.utm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mnemos.runtime.model.ModelServer;
import dev.mnemos.runtime.model.ModelServerStubs;
import dev.mnemos.runtime.model.ModelServerStubs.Api;
import dev.mnemos.utm.prompt.PromptFiles;
import dev.mnemos.utm.prompt.PromptSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** utm-run with a model served over HTTP (WireMock speaking Ollama's protocol). */
class UtmRunModelTest {

    static final String MODEL = "llama2";
    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    static final PromptSet U152 = PromptFiles.u152();

    @RegisterExtension
    final ModelServer server = new ModelServer();

    /** A deterministic model that knows U15,2: each of the 29 prompts gets its correct answer. */
    void stubAll29(Api api, java.util.function.UnaryOperator<String> dress) {
        for (PromptSet.Transition t : U152.transitions()) {
            server.stubFor(UtmBenchModelTest.asking(api, t.prompt()).willReturn(api.response(MODEL, dress.apply(t.answer()), false)));
        }
    }

    @Test
    void withThePromptCacheAWholeRunCostsAtMost29ModelCalls(@TempDir Path dir) throws Exception {
        stubAll29(Api.OLLAMA_GENERATE, a -> a);
        Path cache = dir.resolve("cache.jsonl");
        UtmRunTest.Outcome o = UtmRunTest.utmRun("--model", MODEL, "--base-url", server.baseUrl(), "--cache", cache.toString(),
                "--bitag", "../samples/bitag/spec-example.json", "--json", "--checkpoint", dir.resolve("c.json").toString());
        assertEquals(0, o.code(), o.err());
        JsonNode s = o.json();
        assertEquals(120_965, s.get("steps").asLong());
        long calls = s.get("modelCalls").asLong();
        assertTrue(calls <= 29, calls + " model calls");
        assertEquals(calls, server.countRequestsMatching(postRequestedFor(urlPathEqualTo(Api.OLLAMA_GENERATE.path())).build()).getCount());
        assertEquals(120_966 - calls, s.get("cacheHits").asLong());
        assertEquals("e2 a2 a1 a1", s.get("finalWord").asText());
        assertEquals(0, s.get("mismatches").asLong());

        // a second run with the same cache file makes no model call at all
        UtmRunTest.Outcome again = UtmRunTest.utmRun("--model", MODEL, "--base-url", server.baseUrl(), "--cache", cache.toString(),
                "--bitag", "../samples/bitag/spec-example.json", "--json", "--checkpoint", dir.resolve("c.json").toString());
        assertEquals(0, again.json().get("modelCalls").asLong(), again.err());
        assertTrue(Files.notExists(dir.resolve("c.json")) || again.json().get("halted").asBoolean());
    }

    @Test
    void anOpenAiCompatibleServerRunsTheWorkedExample(@TempDir Path dir) throws Exception {
        stubAll29(Api.OPENAI_COMPLETIONS, a -> a);
        UtmRunTest.Outcome o = UtmRunTest.utmRun("--backend", "openai", "--model", MODEL, "--base-url", server.baseUrl() + "/v1",
                "--cache", dir.resolve("cache.jsonl").toString(), "--json", "--checkpoint", dir.resolve("c.json").toString());
        assertEquals(0, o.code(), o.err());
        assertEquals(11_849, o.json().get("steps").asLong());
        assertEquals("e2 a1", o.json().get("finalWord").asText());
        assertTrue(o.json().get("modelCalls").asLong() <= 29);
        assertTrue(Files.exists(dir.resolve("c.json")), "a checkpoint file asked for is kept");
    }

    @Test
    void aChatModelThatWrapsItsAnswerInProseRunsInLenientMode(@TempDir Path dir) throws Exception {
        stubAll29(Api.OLLAMA_CHAT, a -> "Sure! Following the pattern, the result is:\n" + a + "\nLet me know if you need more.");
        UtmRunTest.Outcome o = UtmRunTest.utmRun("--model", MODEL, "--base-url", server.baseUrl(), "--style", "chat",
                "--cache", dir.resolve("cache.jsonl").toString(), "--json", "--checkpoint", dir.resolve("c.json").toString());
        assertEquals(0, o.code(), o.err());
        assertEquals("e2 a1", o.json().get("finalWord").asText());
        assertEquals(0, o.json().get("mismatches").asLong());
    }

    @Test
    void aModelThatGetsOneTransitionWrongIsCaughtAtThatStep(@TempDir Path dir) throws Exception {
        stubAll29(Api.OLLAMA_GENERATE, a -> a);
        // G reading 0 answered with the wrong move (the pitfall of public copies of the table)
        server.stubFor(UtmBenchModelTest.asking(Api.OLLAMA_GENERATE, U152.prompt("G", "0"))
                .willReturn(Api.OLLAMA_GENERATE.response(MODEL, "\" op=\"%[H]\" %[i]=\"0\" i+=1 \"", false)));
        UtmRunTest.Outcome o = UtmRunTest.utmRun("--model", MODEL, "--base-url", server.baseUrl(), "--json",
                "--checkpoint", dir.resolve("c.json").toString());
        assertEquals(11, o.code(), o.err());
        JsonNode s = o.json();
        assertEquals(1, s.get("mismatches").asLong());
        long step = s.get("firstMismatchStep").asLong();
        assertTrue(s.get("error").asText().startsWith("verification: step " + step + ": state G reading 0"), s.get("error").asText());
        assertTrue(s.get("error").asText().contains("expected op=H, cell"), s.get("error").asText());
        assertTrue(Files.exists(dir.resolve("c.json")), "a run that did not halt keeps its checkpoint");

        Path trace = dir.resolve("run.jsonl");
        UtmRunTest.Outcome goOn = UtmRunTest.utmRun("--model", MODEL, "--base-url", server.baseUrl(), "--json",
                "--continue-on-mismatch", "--cache", dir.resolve("cache.jsonl").toString(), "--checkpoint", dir.resolve("c2.json").toString(),
                "--trace", trace.toString());
        assertEquals(11, goOn.code(), goOn.err());
        assertTrue(goOn.json().get("halted").asBoolean());
        long mismatches = goOn.json().get("mismatches").asLong();
        assertTrue(mismatches > 1, goOn.out());
        assertEquals(step, goOn.json().get("firstMismatchStep").asLong());
        assertEquals("e2 a1", goOn.json().get("finalWord").asText(), "resynchronised runs still compute the right word");
        assertTrue(goOn.err().contains("utm-run: mismatch: step " + step + ": state G reading 0"), goOn.err());

        // the offline check of the trace finds the same mismatches
        UtmRunTest.Outcome offline = UtmVerifyTest.utmVerify(trace.toString(), "--json");
        assertEquals(11, offline.code(), offline.err());
        JsonNode report = JSON.readTree(offline.out().lines().reduce((a, b) -> b).orElseThrow());
        assertEquals(mismatches, report.get("mismatches").asLong());
        assertEquals(step, report.get("firstMismatchStep").asLong());
        assertTrue(report.get("referenceHalted").asBoolean());
    }

    @Test
    void verifiedIsTrueOnlyForARunThatHaltedWithEveryCycleCheckedAndMatched(@TempDir Path dir) throws Exception {
        stubAll29(Api.OLLAMA_GENERATE, a -> a);
        server.stubFor(UtmBenchModelTest.asking(Api.OLLAMA_GENERATE, U152.prompt("G", "0"))
                .willReturn(Api.OLLAMA_GENERATE.response(MODEL, "\" op=\"%[H]\" %[i]=\"0\" i+=1 \"", false)));
        UtmRunTest.Outcome wrong = UtmRunTest.utmRun("--model", MODEL, "--base-url", server.baseUrl(), "--json", "--continue-on-mismatch",
                "--cache", dir.resolve("cache.jsonl").toString(), "--checkpoint", dir.resolve("c1.json").toString());
        assertEquals(11, wrong.code(), wrong.err());
        assertTrue(wrong.json().get("mismatches").asLong() > 0);
        assertFalse(wrong.json().get("verified").asBoolean(), "a run with mismatches is not verified: " + wrong.out());
        assertTrue(wrong.json().get("checked").asBoolean(), wrong.out());

        UtmRunTest.Outcome failed = UtmRunTest.utmRun("--model", MODEL, "--base-url", "http://127.0.0.1:1", "--retries", "0", "--json",
                "--checkpoint", dir.resolve("c2.json").toString());
        assertEquals("failed", failed.json().get("status").asText(), failed.out());
        assertFalse(failed.json().get("verified").asBoolean(), "a failed run is not verified: " + failed.out());

        UtmRunTest.Outcome limited = UtmRunTest.utmRun("--max-steps", "10", "--json");
        assertEquals(10, limited.code(), limited.err());
        assertFalse(limited.json().get("verified").asBoolean(), "a run that did not halt is not verified: " + limited.out());

        UtmRunTest.Outcome off = UtmRunTest.utmRun("--no-verify", "--json");
        assertEquals(0, off.code(), off.err());
        assertFalse(off.json().get("verified").asBoolean(), off.out());
        assertFalse(off.json().get("checked").asBoolean(), off.out());

        UtmRunTest.Outcome clean = UtmRunTest.utmRun("--json");
        assertEquals(0, clean.code(), clean.err());
        assertTrue(clean.json().get("verified").asBoolean(), clean.out());
        assertTrue(clean.json().get("checked").asBoolean(), clean.out());
    }

    @Test
    void anUnreachableServerHasItsOwnExitCode(@TempDir Path dir) throws Exception {
        Path checkpoint = dir.resolve("run.ckpt");
        UtmRunTest.Outcome o = UtmRunTest.utmRun("--model", MODEL, "--base-url", "http://127.0.0.1:1", "--retries", "0",
                "--checkpoint", checkpoint.toString());
        assertEquals(4, o.code(), o.err());
        assertTrue(o.err().contains("cannot reach Ollama at http://127.0.0.1:1 (model " + MODEL + ")"), o.err());
        assertFalse(o.err().contains("--resume"), "at cycle 0 there is nothing to go on from: run it again: " + o.err());
        assertTrue(o.err().contains("; verification: none, no cycle ran"), "nothing is said to have matched: " + o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        assertEquals("", o.out(), "no word is shown as decoded when no cycle ran");
        assertTrue(Files.exists(checkpoint));

        UtmRunTest.Outcome json = UtmRunTest.utmRun("--model", MODEL, "--base-url", "http://127.0.0.1:1", "--retries", "0", "--json",
                "--checkpoint", checkpoint.toString());
        assertEquals(4, json.code(), json.err());
        JsonNode s = json.json();
        assertEquals(0, s.get("cycles").asLong(), json.out());
        for (String uncomputed : new String[] {"finalWord", "finalTape", "finalTapeStart"}) {
            assertTrue(s.get(uncomputed).isNull(), uncomputed + ": no cycle ran, no result: " + json.out());
        }
        assertFalse(s.has("words"), json.out());
    }
}
