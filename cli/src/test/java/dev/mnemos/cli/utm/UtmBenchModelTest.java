package dev.mnemos.cli.utm;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.mnemos.utm.bench.FakeModels.demonstration;
import static dev.mnemos.utm.bench.FakeModels.wrongMove;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** utm-bench against a model served over HTTP (WireMock speaking Ollama's protocol). */
class UtmBenchModelTest {

    static final String MODEL = "llama2";
    static final PromptSet U152 = PromptFiles.u152();
    static final Api API = Api.OLLAMA_GENERATE;

    @RegisterExtension
    final ModelServer server = new ModelServer();

    /** The end of a prompt that tells which transition it asks: its instruction part, after the boot. */
    static String question(String prompt) {
        return prompt.substring(prompt.lastIndexOf("\nresult = "));
    }

    /** Requests on {@code api} whose prompt ends with the question of {@code prompt}, whatever boot comes before. */
    static MappingBuilder asking(Api api, String prompt) {
        return post(urlPathEqualTo(api.path()))
                .withRequestBody(matchingJsonPath(api.promptPath(), matching("(?s).*" + Pattern.quote(question(prompt)))));
    }

    /**
     * A deterministic model: right on every prompt except the pairs in {@code wrong} ("G/0"), where
     * it moves the wrong way; those in {@code learns} it gets right once the prompt's boot holds
     * their demonstration.
     */
    void stubModel(Set<String> wrong, Set<String> learns) {
        for (PromptSet.Transition t : U152.transitions()) {
            server.stubFor(asking(API, t.prompt()).willReturn(API.response(MODEL, t.answer(), false)));
        }
        for (String cell : wrong) {
            String state = cell.split("/")[0];
            String symbol = cell.split("/")[1];
            String prompt = U152.prompt(state, symbol);
            String right = U152.expectedAnswer(state, symbol);
            server.stubFor(asking(API, prompt).willReturn(API.response(MODEL, wrongMove(right), false)));
            if (learns.contains(cell)) {
                server.stubFor(asking(API, prompt)
                        .withRequestBody(matchingJsonPath(API.promptPath(), containing(demonstration(state, symbol))))
                        .willReturn(API.response(MODEL, right, false)));
            }
        }
    }

    int requests() {
        return server.countRequestsMatching(postRequestedFor(urlPathEqualTo(API.path())).build()).getCount();
    }

    String[] args(String... more) {
        return Stream.concat(Stream.of("--model", MODEL, "--base-url", server.baseUrl(), "--retries", "0"), Stream.of(more))
                .toArray(String[]::new);
    }

    /** The (state/symbol) cells of the JSON report below 100%. */
    static Set<String> cellsBelowFull(JsonNode report) {
        Set<String> below = new TreeSet<>();
        report.get("cells").properties().forEach(row -> row.getValue().properties().forEach(cell -> {
            if (cell.getValue().asDouble() < 1.0) below.add(row.getKey() + "/" + cell.getKey());
        }));
        return below;
    }

    static final Pattern HTML_CELL = Pattern.compile(
            "<rect class=\"cell\" data-state=\"([^\"]+)\" data-symbol=\"([^\"]+)\" data-accuracy=\"([0-9.]+)\"");

    @Test
    void aModelWrongOnG0AndN1HasExactlyThoseCellsBelowFullInTheJsonAndTheHtml(@TempDir Path dir) throws Exception {
        stubModel(Set.of("G/0", "N/1"), Set.of());
        Path json = dir.resolve("bench.json");
        Path html = dir.resolve("bench.html");
        UtmRunTest.Outcome o = UtmBenchTest.utmBench(args("--samples", "2", "--json", json.toString(), "--html", html.toString()));
        assertEquals(11, o.code(), o.err());
        assertTrue(o.out().contains("2 of 29 prompts had wrong answers: G/0 (0/2), N/1 (0/2)"), o.out());
        assertTrue(o.out().contains("\n  G/0: 2 x \"\" op=\"%[H]\" %[i]=\"0\" i+=1 \"\": expected op=H, write 0, move L; got op=H, write 0, move R"), o.out());

        JsonNode report = UtmRunTest.JSON.readTree(json.toFile());
        assertEquals(Set.of("G/0", "N/1"), cellsBelowFull(report));
        assertEquals(54, report.get("correct").asInt());
        assertEquals(27, report.get("transitionsPassed").asInt());
        assertFalse(report.get("allPassed").asBoolean());

        String page = Files.readString(html);
        Matcher m = HTML_CELL.matcher(page);
        Set<String> below = new TreeSet<>();
        int cells = 0;
        while (m.find()) {
            cells++;
            if (Double.parseDouble(m.group(3)) < 1.0) below.add(m.group(1) + "/" + m.group(2));
        }
        assertEquals(30, cells, "a 15 x 2 heat map");
        assertEquals(Set.of("G/0", "N/1"), below);
        assertSelfContained(page);
    }

    static void assertSelfContained(String page) {
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        for (String external : List.of("http:", "https:", "<script", "<link", "src=", "@import", "<img")) {
            assertFalse(page.contains(external), "the page holds " + external);
        }
        assertFalse(Pattern.compile("url\\((?!#)").matcher(page).find(), "only url(#...) references inside the page");
    }

    @Test
    void samplesAndTemperatureReachTheServerAndTokensAreCounted() throws Exception {
        stubModel(Set.of(), Set.of());
        UtmRunTest.Outcome o = UtmBenchTest.utmBench(args("--samples", "3", "--temperature", "0.7", "--concurrency", "3", "--json"));
        assertEquals(0, o.code(), o.err());
        assertEquals(87, requests());
        assertEquals(87, server.countRequestsMatching(postRequestedFor(urlPathEqualTo(API.path()))
                .withRequestBody(matchingJsonPath("$.options.temperature", equalTo("0.7"))).build()).getCount());
        JsonNode r = o.json();
        assertEquals(0.7, r.get("temperature").asDouble());
        assertEquals(3, r.get("samples").asInt());
        assertEquals(87, r.get("calls").asInt());
        int outputTokens = U152.transitions().stream().mapToInt(t -> ModelServerStubs.outputTokens(t.answer())).sum() * 3;
        assertEquals(87L * ModelServerStubs.PROMPT_TOKENS, r.get("tokens").get("input").asLong());
        assertEquals(outputTokens, r.get("tokens").get("output").asLong());
        assertEquals(87, r.get("tokens").get("counted").asInt());
        JsonNode latency = r.get("latencyMs");
        assertTrue(latency.get("p50").asDouble() <= latency.get("p90").asDouble() && latency.get("p90").asDouble() <= latency.get("p99").asDouble(),
                latency.toString());
    }

    @Test
    void aServerErrorEndsTheBenchWithExitCode6AndWritesNoReport(@TempDir Path dir) {
        ModelServerStubs.serverError(server, API, 500, "llama runner process has terminated");
        Path json = dir.resolve("bench.json");
        UtmRunTest.Outcome o = UtmBenchTest.utmBench(args("--json", json.toString()));
        assertEquals(6, o.code(), o.err());
        assertTrue(o.err().startsWith("utm-bench: ") && o.err().lines().count() == 1, o.err());
        assertTrue(Files.notExists(json));
    }

    /** No raw control character or bidi override reached what the terminal shows. */
    static void assertPrintable(String shown) {
        for (char c : shown.toCharArray()) {
            assertTrue(c == '\n' || c >= 0x20 && c != 0x7f && !(c >= 0x80 && c <= 0x9f) && !(c >= 0x202a && c <= 0x202e) && !(c >= 0x2066 && c <= 0x2069),
                    "a raw control character reached the terminal: " + (int) c + " in " + shown);
        }
    }

    @Test
    void terminalEscapesInAnswersAreShownEscapedAndHugeAnswersAreCutInTheReports(@TempDir Path dir) throws Exception {
        stubModel(Set.of(), Set.of());
        String evil = "\u001b[2J\u001b[31mPWNED\u202e" + "x".repeat(2_000_000);
        server.stubFor(asking(API, U152.prompt("G", "0")).willReturn(API.response(MODEL, evil, false)));
        Path json = dir.resolve("bench.json");
        Path html = dir.resolve("bench.html");
        UtmRunTest.Outcome o = UtmBenchTest.utmBench(args("--samples", "3", "--json", json.toString(), "--html", html.toString()));
        assertEquals(11, o.code(), o.err());
        assertPrintable(o.out());
        assertPrintable(o.err());
        assertTrue(o.out().contains("\\u001b[2J\\u001b[31mPWNED\\u202e"), o.out());
        assertTrue(Files.size(json) < 100_000, "the JSON keeps a cut answer, not 3 x 2 MB: " + Files.size(json));
        assertTrue(Files.size(html) < 100_000, "the HTML too: " + Files.size(html));
        JsonNode wrong = UtmRunTest.JSON.readTree(json.toFile()).get("transitions").get(U152.transitions().stream()
                .map(PromptSet.Transition::state).toList().indexOf("G")).get("wrongAnswers").get(0);
        assertEquals(3, wrong.get("count").asInt());
        assertEquals(2_000_015, wrong.get("rawLength").asInt(), "the report says how long the answer was");
        assertTrue(wrong.get("raw").asText().length() <= 1_000 && wrong.get("raw").asText().startsWith("\u001b[2J"), wrong.toString());
    }

    @Test
    void anHtmlReportThatCannotBeWrittenIsFoundBeforeAnyModelCall(@TempDir Path dir) throws Exception {
        stubModel(Set.of(), Set.of());
        Path notADirectory = Files.writeString(dir.resolve("notes.txt"), "a file, not a directory");
        Path html = notADirectory.resolve("report.html");
        UtmRunTest.Outcome o = UtmBenchTest.utmBench(args("--html", html.toString()));
        assertEquals(12, o.code(), o.err());
        assertEquals("utm-bench: --html " + html + ": " + notADirectory + " is not a directory\n", o.err());
        assertEquals(0, server.getAllServeEvents().size(), "no model call was made");
    }

    @Test
    void anUnreachableServerAndAnUnknownModelHaveTheirOwnExitCodes() {
        UtmRunTest.Outcome down = UtmBenchTest.utmBench("--model", MODEL, "--base-url", "http://127.0.0.1:1", "--retries", "0");
        assertEquals(4, down.code(), down.err());
        ModelServerStubs.ollamaModelNotFound(server, MODEL);
        UtmRunTest.Outcome missing = UtmBenchTest.utmBench(args());
        assertEquals(5, missing.code(), missing.err());
        assertTrue(missing.err().contains(MODEL), missing.err());
    }

    @Test
    void repairAddsDemonstrationsUntilEveryAnswerIsRightAndUtmRunUsesTheBoot(@TempDir Path dir) throws Exception {
        stubModel(Set.of("G/0", "N/1"), Set.of("G/0", "N/1"));
        Path boot = dir.resolve("boot.llama2.txt");
        Path json = dir.resolve("repair.json");
        Path html = dir.resolve("repair.html");
        UtmRunTest.Outcome o = UtmBenchTest.utmBench(args("--samples", "2", "--repair", "--out-boot", boot.toString(),
                "--json", json.toString(), "--html", html.toString()));
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("repaired: every answer right after 1 repair round (116 calls); boot written to " + boot), o.err());
        assertTrue(o.err().contains("utm-bench: round 0: 27 of 29 prompts always right, 93.1% of answers; failing: G/0, N/1\n"
                + "utm-bench: round 1 (demonstrations of G/0, N/1): 29 of 29 prompts always right, 100.0% of answers\n"), o.err());
        assertEquals(116, requests());
        assertEquals(U152.boot() + demonstration("G", "0") + demonstration("N", "1"), Files.readString(boot));

        JsonNode report = UtmRunTest.JSON.readTree(json.toFile());
        assertTrue(report.get("allPassed").asBoolean());
        JsonNode rounds = report.get("repair").get("rounds");
        assertEquals(2, rounds.size());
        assertEquals("[\"G/0\",\"N/1\"]", rounds.get(0).get("failing").toString());
        assertEquals("[\"G/0\",\"N/1\"]", rounds.get(1).get("added").toString());
        assertEquals("[]", rounds.get(1).get("failing").toString());
        String page = Files.readString(html);
        assertTrue(page.contains("<h2>Repair</h2>"), "the page shows the rounds");
        assertSelfContained(page);

        // the same model runs the worked example clean with the repaired boot, and not without it
        String[] run = {"--model", MODEL, "--base-url", server.baseUrl(), "--json", "--checkpoint", dir.resolve("c.json").toString()};
        UtmRunTest.Outcome repaired = UtmRunTest.utmRun(concat(run, "--boot", boot.toString(), "--cache", dir.resolve("cache.jsonl").toString()));
        assertEquals(0, repaired.code(), repaired.err());
        assertEquals("e2 a1", repaired.json().get("finalWord").asText());
        UtmRunTest.Outcome unrepaired = UtmRunTest.utmRun(concat(run, "--cache", dir.resolve("cache2.jsonl").toString()));
        assertEquals(11, unrepaired.code(), unrepaired.err());
        assertTrue(unrepaired.json().get("error").asText().contains("state G reading 0"), unrepaired.out());
    }

    static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    @Test
    void aRoundBudgetThatRunsOutExitsWith10AndWritesTheBestBootWhole(@TempDir Path dir) throws Exception {
        stubModel(Set.of("G/0", "N/1"), Set.of("N/1"));
        Path boot = dir.resolve("boot.txt");
        Files.writeString(boot, "an older boot");
        UtmRunTest.Outcome o = UtmBenchTest.utmBench(args("--samples", "1", "--repair", "--rounds", "2", "--out-boot", boot.toString()));
        assertEquals(10, o.code(), o.err());
        assertTrue(o.err().contains("utm-bench: repair stopped: the round budget is spent: 2 repair rounds; "
                + "1 of 29 prompts still fail in the best round (1); its boot is in " + boot), o.err());
        assertEquals(87, requests(), "the first bench and two rounds");
        // round 1 fixed N/1; round 2 added G/0 again and fixed nothing more, so round 1's boot is kept
        assertEquals(U152.boot() + demonstration("G", "0") + demonstration("N", "1"), Files.readString(boot));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(boot), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void aCallBudgetThatRunsOutStopsBeforeTheBenchThatWouldPassIt(@TempDir Path dir) {
        stubModel(Set.of("G/0"), Set.of());
        Path boot = dir.resolve("boot.txt");
        UtmRunTest.Outcome o = UtmBenchTest.utmBench(args("--samples", "1", "--repair", "--max-calls", "70", "--out-boot", boot.toString()));
        assertEquals(10, o.code(), o.err());
        assertTrue(o.err().contains("repair stopped: the call budget is spent: 58 of 70 calls made, and a bench takes 29"), o.err());
        assertEquals(58, requests());
    }
}
