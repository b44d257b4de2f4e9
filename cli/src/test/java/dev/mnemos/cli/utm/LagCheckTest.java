package dev.mnemos.cli.utm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mnemos.utm.lag.RuleFormat;
import dev.mnemos.utm.lag.Synthetic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** lag-check with the reference backend, and its answers to bad input. */
class LagCheckTest {

    static UtmRunTest.Outcome lagCheck(String... args) {
        return UtmRunTest.capture(LagCheck::run, args);
    }

    static Path rules(Path dir, int count) throws Exception {
        Path file = dir.resolve("rules-" + count + ".txt");
        Files.writeString(file, RuleFormat.format(Synthetic.dictionary(count, 2027)));
        return file;
    }

    @Test
    void theReferenceBackendPassesEveryRuleOfASyntheticTwoThousandRuleDictionary(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("check.html");
        UtmRunTest.Outcome o = lagCheck("--rules", rules(dir, 2_000).toString(), "--json", "--html", html.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().startsWith("reference backend on " + dir.resolve("rules-2000.txt")
                + ": 2000 rules, dictionary of 2,000 lines (16,032 characters), 1 answer per rule, exact match, 2,000 calls"), o.err());
        assertTrue(o.err().endsWith("every rule passed\n"), o.err());
        JsonNode r = o.json();
        assertEquals(2_000, r.get("rulesPassed").asInt());
        assertEquals(1.0, r.get("accuracy").asDouble());
        assertEquals(2_000, r.get("rules").size());
        assertTrue(r.get("tokens").isNull());
        String page = Files.readString(html);
        assertEquals(2_000, page.split("<span style=").length - 1);
        assertFalse(page.contains("http"), "self-contained");
    }

    @Test
    void badRuleFilesAreOneLineNamingTheLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "aBgJ:vD\ngJvD:aB\ngJvD:gJ\n");
        UtmRunTest.Outcome o = lagCheck("--rules", bad.toString());
        assertEquals(3, o.code());
        assertEquals("lag-check: " + bad + " line 3: key 'gJvD' is given again with another value ('gJ'; " + bad + " line 2 gave 'aB')\n", o.err());
        Files.writeString(bad, "aBgJ:vD\ngJv:aB\n");
        assertEquals("lag-check: " + bad + " line 2: key 'gJv' has 3 characters; keys are two 2-character symbols (4 characters)\n",
                lagCheck("--rules", bad.toString()).err());
        Files.writeString(bad, "");
        assertEquals("lag-check: " + bad + ": no rules (expected lines KEY:VALUE)\n", lagCheck("--rules", bad.toString()).err());
        UtmRunTest.Outcome missing = lagCheck("--rules", dir.resolve("none.txt").toString());
        assertEquals(3, missing.code());
        assertEquals("lag-check: " + dir.resolve("none.txt") + ": no such file\n", missing.err());
    }

    @Test
    void aReportThatCannotBeWrittenIsExitTwelve(@TempDir Path dir) throws Exception {
        Path blocker = Files.writeString(dir.resolve("a-file"), "not a directory\n");
        Path report = blocker.resolve("check.json");
        UtmRunTest.Outcome o = lagCheck("--rules", rules(dir, 30).toString(), "--json", report.toString());
        assertEquals(12, o.code(), o.err());
        assertEquals("lag-check: --json " + report + ": " + blocker + " is not a directory\n", o.err());
    }

    @Test
    void everyOutputInAMissingDirectoryIsRefusedBeforeTheFirstCallAndNoDirectoryIsMade(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("no-such-directory");
        String rules = rules(dir, 30).toString();
        String[][] cases = {{"--html", "check.html"}, {"--json", "check.json"}, {"--repair", "--out", "repaired.txt"}};
        for (String[] c : cases) {
            String option = c[c.length - 2];
            Path file = missing.resolve(c[c.length - 1]);
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--rules", rules));
            args.addAll(java.util.List.of(c).subList(0, c.length - 1));
            args.add(file.toString());
            UtmRunTest.Outcome o = lagCheck(args.toArray(String[]::new));
            assertEquals(12, o.code(), o.err());
            assertEquals("lag-check: " + option + " " + file + ": " + missing + " does not exist (create it first)\n", o.err());
            assertEquals("", o.out(), "refused before the check, which prints its table");
        }
        assertFalse(Files.exists(missing), "no directory is made from what may be a typo");
    }

    @Test
    void usageErrors(@TempDir Path dir) throws Exception {
        String rules = rules(dir, 30).toString();
        assertEquals("lag-check: --repair needs --out FILE (where the repaired dictionary goes)\n", lagCheck("--rules", rules, "--repair").err());
        assertEquals("lag-check: --rounds goes with --repair\n", lagCheck("--rules", rules, "--rounds", "2").err());
        assertEquals("lag-check: --samples must be 1 or more, not 0\n", lagCheck("--rules", rules, "--samples", "0").err());
        UtmRunTest.Outcome budget = lagCheck("--rules", rules, "--repair", "--out", dir.resolve("o.txt").toString(), "--samples", "2", "--max-calls", "50");
        assertEquals(2, budget.code());
        assertEquals("lag-check: --max-calls 50 is less than one check: 30 rules x 2 samples = 60 calls\n", budget.err());
        assertEquals(2, lagCheck().code());
    }
}
