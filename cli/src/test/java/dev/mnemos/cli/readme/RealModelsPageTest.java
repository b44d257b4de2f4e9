package dev.mnemos.cli.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * utm/docs/real-models.md's in-process tables say what the raw results in
 * bench/results/real-models/ hold: right answers and seconds per call as utm-bench and lag-check
 * reported them (the mean latency, to a tenth of a second).
 */
class RealModelsPageTest {

    private static final Path RESULTS = ReadmeRunner.ROOT.resolve("bench/results/real-models");

    @Test
    void theFreeDecodingTableIsItsRawResults() throws IOException {
        assertTableIsItsRawResults(section("### Free decoding, default boot"), 4);
    }

    /** Section (6): every boot size, seed and aid a column, each its raw result. */
    @Test
    void theBalancedBootTableIsItsRawResults() throws IOException {
        String table = section("## (6) A balanced many-shot boot");
        assertTableIsItsRawResults(table, 11);
        List<JsonNode> reports = new ArrayList<>();
        for (String cell : cells(row(table, "raw result"))) reports.add(report(linkedFile(cell)));
        reports.get(0).path("answers").fieldNames().forEachRemaining(transition -> assertEquals(
                reports.stream().map(r -> "right".equals(r.path("answers").path(transition).asText()) ? "right" : "wrong").toList(),
                cells(row(table, transition)), transition));
        for (String said : section("### The balanced boot with the grammar").split("\n")) {
            if (!said.contains("bench/results/real-models/")) continue;
            String file = linkedFile(said);
            JsonNode report = report(file);
            assertEquals(report(file.replace("-grammar", "")).path("answers"), report.path("answers"), file);
            assertTrue(said.contains("| " + report.path("correct").asInt() + "/29, every answer the same")
                    && said.contains("(" + secondsPerCall(report) + " s per call)"), said);
        }
    }

    private static void assertTableIsItsRawResults(String table, int columns) throws IOException {
        List<String> files = cells(row(table, "raw result")).stream().map(RealModelsPageTest::linkedFile).toList();
        List<String> right = new ArrayList<>();
        List<String> seconds = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (String file : files) {
            JsonNode report = report(file);
            right.add("**" + report.path("correct").asInt() + "/29**");
            seconds.add(secondsPerCall(report));
            tokens.add(Math.round(report.path("tokens").path("inputPerCall").asDouble()) + " / "
                    + tenths(report.path("tokens").path("outputPerCall").asDouble()));
        }
        assertEquals(columns, files.size(), table);
        assertEquals(right, cells(row(table, "**right**")));
        assertEquals(seconds, cells(row(table, "s per call (mean)")));
        assertEquals(tokens, cells(row(table, "tokens in / out per call")));
    }

    @Test
    void theGrammarAndLagCheckTablesAreTheirRawResults() throws IOException {
        String grammar = section("### The instruction grammar in-process");
        String lag = section("### lag-check on");
        Map<String, String> rows = Map.of("smol-grammar", row(grammar, "SmolLM2-135M"), "gemma-grammar", row(grammar, "Gemma 3 270M"),
                "smol-lag", row(lag, "SmolLM2"), "gemma-lag", row(lag, "Gemma"));
        for (Map.Entry<String, String> e : rows.entrySet()) {
            JsonNode report = report(e.getKey() + ".json");
            String said = e.getValue();
            int right = report.has("rulesPassed") ? report.path("rulesPassed").asInt() : report.path("correct").asInt();
            String of = report.has("rulesPassed") ? "/24" : "/29";
            assertTrue(said.contains(right + of), e.getKey() + ": " + said);
            assertTrue(said.contains(secondsPerCall(report) + " s per call"), e.getKey() + " (" + secondsPerCall(report) + " s per call): " + said);
        }
    }

    /** poem/README's "On a real model": each held-out table is the eval's raw result, method by method. */
    @Test
    void poemsHeldOutTablesAreTheirRawResults() throws IOException {
        String page = Files.readString(ReadmeRunner.ROOT.resolve("poem/README.md"));
        String real = page.substring(page.indexOf("\n## On a real model"), page.indexOf("\n## ", page.indexOf("\n## On a real model") + 1));
        List<String> tables = new ArrayList<>();
        Matcher block = Pattern.compile("```\n(40 held-out queries.*?)```", Pattern.DOTALL).matcher(real);
        while (block.find()) tables.add(block.group(1));
        List<String> expected = new ArrayList<>();
        for (String file : List.of("smol-poem-eval.json", "gemma-poem-eval.json")) {
            StringBuilder rows = new StringBuilder();
            for (JsonNode m : report(file).path("methods")) {
                rows.append(String.format(java.util.Locale.ROOT, "%-20s %-16s %6.3f   [%6.3f, %6.3f] %8d%n", m.path("method").asText(),
                        m.path("order").asText(), m.path("mean").asDouble(), m.path("low").asDouble(), m.path("high").asDouble(),
                        m.path("outside").asInt()));
            }
            expected.add(rows.toString());
        }
        assertEquals(expected, tables.stream().map(t -> t.substring(t.indexOf("outside\n") + "outside\n".length())).toList());
    }

    private static String section(String heading) throws IOException {
        String page = Files.readString(ReadmeRunner.ROOT.resolve("utm/docs/real-models.md"));
        int start = page.indexOf("\n" + heading);
        assertTrue(start >= 0, heading);
        int end = page.indexOf("\n#", start + 1);
        return page.substring(start, end < 0 ? page.length() : end);
    }

    /** The table row whose first cell is {@code first}, without that cell. */
    private static String row(String table, String first) {
        for (String line : table.split("\n")) {
            if (line.startsWith("| " + first + " |")) return line.substring(("| " + first + " |").length());
        }
        throw new AssertionError("no row '" + first + "' in:\n" + table);
    }

    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        for (String cell : row.split("\\|")) if (!cell.isBlank()) cells.add(cell.strip());
        return cells;
    }

    private static String linkedFile(String cell) {
        Matcher m = Pattern.compile("\\(\\.\\./\\.\\./bench/results/real-models/([^)]+)\\)").matcher(cell);
        assertTrue(m.find(), cell);
        return m.group(1);
    }

    private static JsonNode report(String file) throws IOException {
        JsonNode report = new ObjectMapper().readTree(RESULTS.resolve(file).toFile()).path("report");
        assertTrue(report.isObject(), file);
        return report;
    }

    private static String secondsPerCall(JsonNode report) {
        return tenths(report.path("latencyMs").path("mean").asDouble() / 1000);
    }

    private static String tenths(double x) {
        return BigDecimal.valueOf(x).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
