package dev.mnemos.cli.utm;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.mnemos.runtime.model.ModelServer;
import dev.mnemos.runtime.model.ModelServerStubs;
import dev.mnemos.runtime.model.ModelServerStubs.Api;
import dev.mnemos.utm.lag.LagSystem;
import dev.mnemos.utm.lag.Rule;
import dev.mnemos.utm.lag.RuleFormat;
import dev.mnemos.utm.lag.Synthetic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** lag-check against stand-in model servers (WireMock) speaking Ollama's /api/generate and /api/chat and the OpenAI-compatible protocol. */
class LagCheckModelTest {

    static final String MODEL = "llama3.1";
    static final LagSystem RULES = Synthetic.dictionary(24, 11);

    @RegisterExtension
    final ModelServer server = new ModelServer();

    static String key(Rule r) {
        return RULES.keyText(r);
    }

    static String value(Rule r) {
        return RULES.valueText(r);
    }

    /** Requests on {@code api} asking for {@code key}'s value (the end of the prompt). */
    static MappingBuilder asking(Api api, String key) {
        return post(urlPathEqualTo(api.path()))
                .withRequestBody(matchingJsonPath(api.promptPath(), matching("(?s).*\nKEY: " + Pattern.quote(key) + "\nVALUE: $")));
    }

    /** The same, when the dictionary in the prompt lists {@code line} twice (a repair repeated it). */
    static MappingBuilder askingWithRepeat(Api api, String key, String line) {
        String l = Pattern.quote(line);
        return post(urlPathEqualTo(api.path()))
                .withRequestBody(matchingJsonPath(api.promptPath(),
                        matching("(?s).*\n" + l + "\n(.*\n)?" + l + "\n.*\nKEY: " + Pattern.quote(key) + "\nVALUE: $")));
    }

    /** A model answering every key with {@code answer.apply(rule)}. */
    void stubModel(Api api, Function<Rule, String> answer) {
        for (Rule r : RULES.rules()) server.stubFor(asking(api, key(r)).willReturn(api.response(MODEL, answer.apply(r), false)));
    }

    int requests(Api api) {
        return server.countRequestsMatching(postRequestedFor(urlPathEqualTo(api.path())).build()).getCount();
    }

    String[] args(Api api, Path rules, String... more) {
        String base = api.isOllama() ? server.baseUrl() : server.baseUrl() + "/v1";
        String style = api == Api.OLLAMA_CHAT || api == Api.OPENAI_CHAT ? "chat" : "completion";
        return Stream.concat(Stream.of("--rules", rules.toString(), "--model", MODEL, "--backend", api.isOllama() ? "ollama" : "openai",
                "--base-url", base, "--style", style, "--retries", "0"), Stream.of(more)).toArray(String[]::new);
    }

    static Path rulesFile(Path dir) throws Exception {
        Path file = dir.resolve("rules.txt");
        Files.writeString(file, RuleFormat.format(RULES));
        return file;
    }

    @Test
    void aModelRightOnEveryLookupPassesOnAllFourProtocols(@TempDir Path dir) throws Exception {
        Path rules = rulesFile(dir);
        for (Api api : Api.values()) {
            server.resetAll();
            stubModel(api, LagCheckModelTest::value);
            UtmRunTest.Outcome o = LagCheckTest.lagCheck(args(api, rules, "--temperature", "0.5", "--json"));
            assertEquals(0, o.code(), api + ": " + o.err());
            JsonNode r = o.json();
            assertEquals(24, r.get("rulesPassed").asInt(), api.toString());
            assertEquals(24, r.get("calls").asInt());
            assertEquals(24, requests(api), api.toString());
            assertEquals(24L * ModelServerStubs.PROMPT_TOKENS, r.get("tokens").get("input").asLong());
            assertEquals(0.5, r.get("temperature").asDouble());
        }
    }

    @Test
    void terminalEscapesInAnswersAreShownEscapedAndTheHtmlSaysWhatItMeans(@TempDir Path dir) throws Exception {
        Api api = Api.OLLAMA_GENERATE;
        Path rules = rulesFile(dir);
        stubModel(api, LagCheckModelTest::value);
        Rule hit = RULES.rules().get(3);
        server.stubFor(asking(api, key(hit)).willReturn(api.response(MODEL, "\u001b]0;pwned\u0007\u202e" + value(hit), false)));
        Path html = dir.resolve("check.html");
        UtmRunTest.Outcome o = LagCheckTest.lagCheck(args(api, rules, "--html", html.toString()));
        assertEquals(11, o.code(), o.err());
        UtmBenchModelTest.assertPrintable(o.out());
        UtmBenchModelTest.assertPrintable(o.err());
        assertTrue(o.out().contains("\\u001b]0;pwned\\u0007\\u202e"), o.out());
        String page = Files.readString(html);
        assertTrue(page.contains("1 answer per rule;"), "not \"1 answers\": " + page);
        assertTrue(page.contains("; tokens in/out per call 26.0 / 1."), page);
        assertTrue(page.contains("1 answer wrapped in prose;"), page);
        server.resetAll();
        stubModel(api, LagCheckModelTest::value);
        UtmRunTest.Outcome ref = LagCheckTest.lagCheck("--rules", rules.toString(), "--html", html.toString());
        assertEquals(0, ref.code(), ref.err());
        assertFalse(Files.readString(html).contains("per call -;"), "a dash and a semicolon say nothing");
        assertTrue(Files.readString(html).contains("tokens not reported by the backend"), Files.readString(html));
    }

    @Test
    void aModelWrongOnChosenKeysFailsThemAndRepairFixesThemWithinItsBudget(@TempDir Path dir) throws Exception {
        Api api = Api.OLLAMA_GENERATE;
        Path rules = rulesFile(dir);
        stubModel(api, LagCheckModelTest::value);
        List<Rule> hard = List.of(RULES.rules().get(5), RULES.rules().get(19));
        for (Rule r : hard) {
            server.stubFor(asking(api, key(r)).willReturn(api.response(MODEL, "zz", false)));
            server.stubFor(askingWithRepeat(api, key(r), key(r) + ":" + value(r)).willReturn(api.response(MODEL, value(r), false)));
        }
        UtmRunTest.Outcome plain = LagCheckTest.lagCheck(args(api, rules));
        assertEquals(11, plain.code(), plain.err());
        assertTrue(plain.out().contains("rules passed 22 of 24"), plain.out());
        assertTrue(plain.out().contains("\n  " + key(hard.get(0)) + ": expected \"" + value(hard.get(0)) + "\", 0/1 right; got 1 x \"zz\"\n"), plain.out());

        server.resetRequests();
        Path out = dir.resolve("repaired.txt");
        Path json = dir.resolve("repair.json");
        UtmRunTest.Outcome o = LagCheckTest.lagCheck(args(api, rules, "--repair", "--out", out.toString(), "--rounds", "2", "--json", json.toString()));
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("lag-check: round 0: 22 of 24 rules passed, 91.7% of answers; failing: " + key(hard.get(0)) + " " + key(hard.get(1))), o.err());
        assertTrue(o.err().contains("lag-check: round 1 (2 rules repeated, dictionary of 26 lines): 24 of 24 rules passed, 100.0% of answers"), o.err());
        assertTrue(o.err().endsWith("lag-check: repaired: every rule passed after 1 repair round (48 calls); dictionary of 26 lines written to " + out + "\n"), o.err());
        assertEquals(48, requests(api));
        LagSystem repaired = RuleFormat.read(out, 0);
        assertEquals(24, repaired.ruleCount());
        assertEquals(2, repaired.repeatedRules());
        JsonNode report = UtmRunTest.JSON.readTree(json.toFile());
        assertTrue(report.get("repair").get("passed").asBoolean());
        assertEquals(1, report.get("repair").get("bestRound").asInt());

        server.resetRequests();
        UtmRunTest.Outcome again = LagCheckTest.lagCheck(args(api, out, "--no-shuffle"));
        assertEquals(0, again.code(), "the repaired dictionary as it is passes: " + again.out());
    }

    @Test
    void aRepairThatCannotFixAKeyStopsAtItsBudgetAndSaysSo(@TempDir Path dir) throws Exception {
        Api api = Api.OLLAMA_CHAT;
        Path rules = rulesFile(dir);
        stubModel(api, LagCheckModelTest::value);
        Rule hard = RULES.rules().get(7);
        server.stubFor(asking(api, key(hard)).willReturn(api.response(MODEL, "no idea", false)));
        Path out = dir.resolve("repaired.txt");
        Files.writeString(out, "old contents\n");
        UtmRunTest.Outcome o = LagCheckTest.lagCheck(args(api, rules, "--repair", "--out", out.toString(), "--rounds", "1"));
        assertEquals(10, o.code(), o.err());
        assertTrue(o.err().endsWith("lag-check: repair stopped: the round budget is spent: 1 repair round; 1 of 24 rules still fail in the best round (0); its dictionary is in " + out + "\n"), o.err());
        assertEquals(24, RuleFormat.read(out, 0).listing().size(), "the best round's dictionary replaced the old file whole");
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left");
        }
    }

    @Test
    void aModelWrappingAnswersInProseFailsExactMatchAndPassesLenientlyWhichIsReported(@TempDir Path dir) throws Exception {
        Api api = Api.OPENAI_CHAT;
        Path rules = rulesFile(dir);
        stubModel(api, r -> "The value for " + key(r) + " is **" + value(r) + "**.");
        UtmRunTest.Outcome exact = LagCheckTest.lagCheck(args(api, rules, "--json"));
        assertEquals(11, exact.code());
        JsonNode e = exact.json();
        assertEquals(0, e.get("rulesPassed").asInt());
        assertEquals(24, e.get("wrapped").asInt());
        assertEquals("exact", e.get("match").asText());
        assertTrue(exact.err().contains("24 answers wrapped the right value in other text (counted wrong: exact match; --lenient accepts them)"), exact.err());

        UtmRunTest.Outcome lenient = LagCheckTest.lagCheck(args(api, rules, "--lenient", "--json"));
        assertEquals(0, lenient.code(), lenient.err());
        assertEquals(24, lenient.json().get("rulesPassed").asInt());
        assertEquals("lenient", lenient.json().get("match").asText());
        assertTrue(lenient.err().contains("24 answers wrapped the right value in other text (accepted: lenient match)"), lenient.err());
    }

    @Test
    void aRuleFileTooLargeForTheContextOllamaReportsIsRefusedBeforeAnyCall(@TempDir Path dir) throws Exception {
        Path big = LagCheckTest.rules(dir, 2_000);
        server.stubFor(post(urlPathEqualTo("/api/show")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"license\":\"LLAMA 3.1 COMMUNITY LICENSE\",\"modelfile\":\"FROM llama3.1\\nPARAMETER num_ctx 4096\\n\","
                        + "\"parameters\":\"num_ctx                        4096\\nstop                           \\\"<|eot_id|>\\\"\","
                        + "\"template\":\"{{ .Prompt }}\",\"details\":{\"format\":\"gguf\",\"family\":\"llama\",\"parameter_size\":\"8.0B\",\"quantization_level\":\"Q4_K_M\"},"
                        + "\"model_info\":{\"general.architecture\":\"llama\",\"llama.context_length\":131072},\"capabilities\":[\"completion\"]}")));
        ModelServerStubs.answer(server, Api.OLLAMA_GENERATE, MODEL, "aa", false);
        UtmRunTest.Outcome o = LagCheckTest.lagCheck(args(Api.OLLAMA_GENERATE, big));
        assertEquals(3, o.code(), o.err());
        assertEquals("lag-check: " + big + ": too large for llama3.1: a prompt is about 5,413 tokens (16,238 characters at 3 per token) and the server reports"
                + " a context of 4,096 tokens (/api/show); no call was made (use a model with a larger context, or raise its num_ctx)\n", o.err());
        assertEquals(0, requests(Api.OLLAMA_GENERATE));
        assertFalse(o.out().contains("accuracy"));
    }

    @Test
    void modelErrorsEndTheCheckWithTheirExitCodes(@TempDir Path dir) throws Exception {
        Path rules = rulesFile(dir);
        ModelServerStubs.ollamaModelNotFound(server, MODEL);
        assertEquals(5, LagCheckTest.lagCheck(args(Api.OLLAMA_GENERATE, rules)).code());
        server.resetAll();
        ModelServerStubs.serverError(server, Api.OLLAMA_GENERATE, 500, "boom");
        UtmRunTest.Outcome o = LagCheckTest.lagCheck(args(Api.OLLAMA_GENERATE, rules, "--json", dir.resolve("r.json").toString()));
        assertEquals(6, o.code());
        assertFalse(Files.exists(dir.resolve("r.json")), "no report");
    }
}
