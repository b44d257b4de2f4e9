package dev.mnemos.cli.utm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** utm-bench with the reference backend (no LLM), and its usage errors. */
class UtmBenchTest {

    static UtmRunTest.Outcome utmBench(String... args) {
        return UtmRunTest.capture(UtmBench::run, args);
    }

    @Test
    void withNoArgumentsTheReferenceBackendScoresAllOf29Prompts() {
        UtmRunTest.Outcome o = utmBench();
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("reference backend on U15,2: 5 answers per prompt, strict parsing, 145 calls"), o.out());
        assertTrue(o.out().contains("\nG/0              5/5    100.0%"), o.out());
        assertTrue(o.out().contains("\nF/0,1            5/5    100.0%"), o.out());
        assertTrue(o.out().contains("\nall 29       145/145    100.0%"), o.out());
        assertTrue(o.out().endsWith("every answer was correct\n"), o.out());
    }

    @Test
    void numbersAreGroupedAlikeInTheTableAndTheHtml(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("b.html");
        UtmRunTest.Outcome o = utmBench("--samples", "50", "--html", html.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("reference backend on U15,2: 50 answers per prompt, strict parsing, 1,450 calls"), o.out());
        assertTrue(o.out().contains("\nall 29     1,450/1,450    100.0%"), o.out());
        String page = Files.readString(html);
        assertTrue(page.contains("100.0% (1,450 of 1,450 answers)"), page);
        assertFalse(page.contains("1450"), "1450 beside 1,450: " + page);
    }

    @Test
    void jsonOnStandardOutputHasEveryCellAtOneAndTheTableGoesToStandardError() throws Exception {
        UtmRunTest.Outcome o = utmBench("--samples", "2", "--json");
        assertEquals(0, o.code(), o.err());
        JsonNode r = o.json();
        assertEquals("reference", r.get("backend").asText());
        assertEquals(58, r.get("calls").asInt());
        assertEquals(58, r.get("correct").asInt());
        assertEquals(1.0, r.get("accuracy").asDouble());
        assertTrue(r.get("allPassed").asBoolean());
        assertEquals(29, r.get("transitions").size());
        assertEquals(15, r.get("cells").size());
        r.get("cells").properties().forEach(row -> {
            assertEquals(1.0, row.getValue().get("0").asDouble(), row.getKey());
            assertEquals(1.0, row.getValue().get("1").asDouble(), row.getKey());
        });
        assertTrue(r.get("tokens").get("input").isNull(), "the reference backend counts no tokens");
        assertTrue(o.err().contains("all 29         58/58"), o.err());
    }

    @Test
    void aRepairOfTheReferenceBackendStopsAtOnceAndWritesTheBootUnchanged(@TempDir Path dir) throws Exception {
        Path boot = dir.resolve("boot.txt");
        UtmRunTest.Outcome o = utmBench("--repair", "--out-boot", boot.toString(), "--samples", "1");
        assertEquals(0, o.code(), o.err());
        assertEquals(Files.readString(Path.of("..", "prompts", "u15_2", "boot.txt")), Files.readString(boot));
        assertTrue(o.err().contains("repaired: every answer right after 0 repair rounds (29 calls)"), o.err());
    }

    @Test
    void demonstrateAllAppendsEveryTransitionToTheBootAndWritesIt(@TempDir Path dir) throws Exception {
        Path boot = dir.resolve("all.txt");
        UtmRunTest.Outcome o = utmBench("--demonstrate-all", "--out-boot", boot.toString(), "--samples", "1", "--json");
        assertEquals(0, o.code(), o.err());
        String written = Files.readString(boot);
        assertEquals(written.length(), o.json().get("bootChars").asInt());
        assertTrue(written.startsWith(Files.readString(Path.of("..", "prompts", "u15_2", "boot.txt"))));
        assertTrue(written.endsWith("if 1==1 then result = \" op=\"%[N]\" %[i]=\"1\" i+=1 \"\n$result\n\" op=\"%[N]\" %[i]=\"1\" i+=1 \"\n"), written);
        assertEquals(29 + 5, written.split("\\$result\n", -1).length - 1);
    }

    @Test
    void aBootFileReplacesTheCompiledOne(@TempDir Path dir) throws Exception {
        Path boot = dir.resolve("short-boot.txt");
        Files.writeString(boot, "result = \" op=\"%[B]\" %[i]=\"0\" i+=1 \"\n$result\n\" op=\"%[B]\" %[i]=\"0\" i+=1 \"\n");
        UtmRunTest.Outcome o = utmBench("--boot", boot.toString(), "--samples", "1", "--json");
        assertEquals(0, o.code(), o.err());
        assertEquals(Files.readString(boot).length(), o.json().get("bootChars").asInt());
    }

    @Test
    void anotherMachineHasItsOwnPrompts() throws Exception {
        UtmRunTest.Outcome o = utmBench("--machine", "../samples/machines/binary-increment.json", "--samples", "1", "--json");
        assertEquals(0, o.code(), o.err());
        assertEquals("binary increment", o.json().get("machine").asText());
        assertEquals(3, o.json().get("cells").get("carry").size());
    }

    @Test
    void oneAnswerPerPromptIsSaidInTheSingular() {
        UtmRunTest.Outcome o = utmBench("--samples", "1");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("reference backend on U15,2: 1 answer per prompt, strict parsing, 29 calls"), o.out());
    }

    @Test
    void badOptionsAreUsageErrorsInOneLine() {
        assertUsage("utm-bench: --samples must be 1 or more, not 0", "--samples", "0");
        assertUsage("utm-bench: --concurrency must be 1 or more, not 0", "--concurrency", "0");
        assertUsage("utm-bench: --repair needs --out-boot FILE (where the repaired boot goes)", "--repair");
        assertUsage("utm-bench: --rounds goes with --repair", "--rounds", "3");
        assertUsage("utm-bench: --backend ollama needs --model NAME", "--backend", "ollama");
        assertUsage("utm-bench: --max-calls 100 is less than one bench: 29 prompts x 5 samples = 145 calls",
                "--repair", "--out-boot", "x.txt", "--max-calls", "100");
    }

    private static void assertUsage(String message, String... args) {
        UtmRunTest.Outcome o = utmBench(args);
        assertEquals(2, o.code(), o.err());
        assertEquals(message + "\n", o.err());
        assertEquals("", o.out());
    }

    @Test
    void aMissingBootFileIsABadInputNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope.txt");
        UtmRunTest.Outcome o = utmBench("--boot", missing.toString());
        assertEquals(3, o.code(), o.err());
        assertTrue(o.err().startsWith("utm-bench: " + missing + ": cannot read"), o.err());
        assertFalse(o.err().contains("\n\t"), "no stack trace");
    }

    @Test
    void aReportThatCannotBeWrittenIsAnIoErrorNamingTheFile(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        Path html = notADirectory.resolve("bench.html");
        UtmRunTest.Outcome o = utmBench("--samples", "1", "--html", html.toString());
        assertEquals(12, o.code(), o.err());
        assertEquals("utm-bench: --html " + html + ": " + notADirectory + " is not a directory\n", o.err());
    }

    @Test
    void helpIsForPeople() {
        UtmRunTest.Outcome o = utmBench("--help");
        assertEquals(0, o.code());
        for (String option : new String[] {"--samples", "--concurrency", "--temperature", "--json", "--html", "--repair", "--out-boot",
                "--rounds", "--max-calls", "--boot", "--model", "--backend"}) {
            assertTrue(o.out().contains(option), option);
        }
        assertTrue(o.out().lines().allMatch(l -> l.length() <= 100), "lines fit a terminal");
    }
}
