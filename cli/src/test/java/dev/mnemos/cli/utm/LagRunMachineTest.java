package dev.mnemos.cli.utm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mnemos.utm.lag.LagJson;
import dev.mnemos.utm.lag.LagProgram;
import dev.mnemos.utm.lag.LagSystem;
import dev.mnemos.utm.lag.RuleFormat;
import dev.mnemos.utm.lag.TuringLag;
import dev.mnemos.utm.machine.U152;
import dev.mnemos.utm.sim.Tape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.mnemos.cli.utm.LagRunCommandTest.lagRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** lag-run --machine: a Turing machine compiled to one Lag system, run on the runtime, its tape read back from the queue. */
class LagRunMachineTest {

    static final String INCREMENT = Path.of("..", "samples", "machines", "binary-increment.json").toString();
    static final String WORKED = Path.of("..", "samples", "bitag", "worked-example.json").toString();

    @Test
    void binaryIncrementAsALagSystemEndsWithUtmRunsTape() throws Exception {
        UtmRunTest.Outcome lag = lagRun("--machine", INCREMENT, "--tape", "1011", "--json");
        assertEquals(0, lag.code(), lag.err());
        JsonNode l = lag.json();
        JsonNode u = UtmRunTest.capture(UtmRun::run, "--machine", INCREMENT, "--tape", "1011", "--json").json();
        assertEquals(u.get("steps").asLong(), l.get("machineSteps").asLong());
        assertEquals(u.get("finalTape").asText(), l.get("finalTape").asText());
        assertEquals(u.get("finalTapeStart").asLong(), l.get("finalTapeStart").asLong());
        assertEquals(u.get("head").asLong(), l.get("head").asLong());
        assertEquals("done", l.get("state").asText());
        assertTrue(l.get("matchesReference").asBoolean());
        assertEquals(0, l.get("mismatches").asInt());
        UtmRunTest.Outcome text = lagRun("--machine", INCREMENT, "--tape", "1011");
        assertEquals("final tape (from cell 0): 1100\n", text.out());
        assertTrue(text.err().contains("lag-run: decoded: 8 machine steps in 15 whole passes"), text.err());
    }

    @Test
    void twoCellsPerSymbolGiveTheSameTapeInFewerLagSteps() throws Exception {
        JsonNode one = lagRun("--machine", INCREMENT, "--tape", "1011", "--json").json();
        UtmRunTest.Outcome o = lagRun("--machine", INCREMENT, "--tape", "1011", "--cells-per-symbol", "2", "--json");
        assertEquals(0, o.code(), o.err());
        JsonNode two = o.json();
        for (String field : new String[] {"machineSteps", "finalTape", "finalTapeStart", "head", "state"}) assertEquals(one.get(field), two.get(field), field);
        assertTrue(two.get("matchesReference").asBoolean());
        assertTrue(two.get("steps").asLong() < one.get("steps").asLong(), two.get("steps") + " Lag steps against " + one.get("steps"));
    }

    @Test
    void u152OnTheWorkedExampleIsReadBackAtTheLastWholePassWhenAStepLimitCutsTheRun() {
        UtmRunTest.Outcome o = lagRun("--machine", "u15_2", "--bitag", WORKED, "--max-steps", "20000");
        assertEquals(10, o.code(), o.err());
        assertTrue(o.err().contains("lag-run: verification: the 20,000 cycles matched the reference interpreter"), o.err());
        assertTrue(o.err().contains("the reference machine is in the same configuration after as many steps"), o.err());
        assertTrue(o.out().startsWith("tape so far (not halted; at the last whole pass) (from cell 0): 1100"), o.out());
    }

    @Test
    void theCompiledU152IsWrittenAsKeyValueAndAsJsonAndRunsFromTheFile(@TempDir Path dir) throws Exception {
        Path txt = dir.resolve("u15_2.txt");
        UtmRunTest.Outcome w = lagRun("--machine", "u15_2", "--tape", "1011", "--write-rules", txt.toString());
        assertEquals(0, w.code(), w.err());
        long rules = TuringLag.ruleCount(U152.machine());
        assertEquals("lag-run: wrote " + rules + " rules over 59 symbols to " + txt + " (KEY:VALUE, symbols renamed to 2 letters)\n", w.err());
        LagSystem read = RuleFormat.read(txt, 0);
        assertEquals(rules, read.ruleCount());
        String queue = w.out().substring("start queue: ".length()).strip();
        UtmRunTest.Outcome run = lagRun("--rules", txt.toString(), "--queue", queue, "--max-steps", "3000");
        assertEquals(10, run.code(), run.err());
        assertTrue(run.err().contains("the 3,000 cycles matched the reference interpreter"), run.err());

        Path json = dir.resolve("u15_2.json");
        assertEquals(0, lagRun("--machine", "u15_2", "--tape", "1011", "--write-rules", json.toString()).code());
        LagProgram p = LagJson.read(json);
        TuringLag c = TuringLag.compile(U152.machine(), "u15_2");
        assertEquals(String.join(" ", names(c, c.encode(Tape.parse("1011", U152.machine()), 0))), String.join(" ", names(p.system(), p.queue())));
        assertEquals(rules, p.system().ruleCount());

        Path bare = dir.resolve("bare.txt");
        UtmRunTest.Outcome noInput = lagRun("--machine", "u15_2", "--write-rules", bare.toString());
        assertEquals(0, noInput.code(), noInput.err());
        assertEquals("", noInput.out(), "no input, no start queue");
        assertEquals(Files.readString(txt), Files.readString(bare), "the rules do not depend on the input");
    }

    @Test
    void writeRulesIntoAMissingDirectoryIsRefusedAndNoDirectoryIsMade(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("no-such-directory");
        Path file = missing.resolve("u15_2-lag.txt");
        UtmRunTest.Outcome o = LagRunCommandTest.lagRun("--machine", "u15_2", "--write-rules", file.toString());
        assertEquals(12, o.code(), o.err());
        assertEquals("lag-run: --write-rules " + file + ": " + missing + " does not exist (create it first)\n", o.err());
        assertFalse(Files.exists(missing));
    }

    @Test
    void aMachineRunCutByAStepLimitResumesAndEndsWithTheSameTape(@TempDir Path dir) throws Exception {
        Path ckpt = dir.resolve("tm.checkpoint.json");
        UtmRunTest.Outcome part = lagRun("--machine", INCREMENT, "--tape", "1011", "--max-steps", "40", "--checkpoint", ckpt.toString());
        assertEquals(10, part.code(), part.err());
        UtmRunTest.Outcome rest = lagRun("--machine", INCREMENT, "--tape", "1011", "--resume", ckpt.toString());
        assertEquals(0, rest.code(), rest.err());
        assertEquals("final tape (from cell 0): 1100\n", rest.out());
        UtmRunTest.Outcome other = lagRun("--machine", INCREMENT, "--tape", "1111", "--resume", ckpt.toString());
        assertEquals(3, other.code(), other.err());
        assertTrue(other.err().contains("the checkpoint's run did not start from this input"), other.err());
    }

    @Test
    void optionsThatDoNotGoTogetherAreUsageErrors(@TempDir Path dir) throws Exception {
        assertEquals("lag-run: --tape, --head and --cells-per-symbol go with --machine\n", lagRun("--bitag", WORKED, "--tape", "1").err());
        UtmRunTest.Outcome wide = lagRun("--machine", INCREMENT, "--tape", "1", "--cells-per-symbol", "9");
        assertEquals(2, wide.code());
        assertTrue(wide.err().startsWith("lag-run: --cells-per-symbol: binary increment: 9 cells per symbol: give 1 or more, with at most 4096 blocks"), wide.err());
        assertEquals("lag-run: --bitag with --machine runs on U15,2: give --machine u15_2\n",
                lagRun("--machine", INCREMENT, "--bitag", WORKED).err());
        assertEquals("lag-run: give the machine's input: --tape CELLS (or, with --machine u15_2, --bitag FILE)\n",
                lagRun("--machine", "u15_2").err());
        UtmRunTest.Outcome both = lagRun("--machine", "u15_2", "--rules", "r.txt", "--tape", "1");
        assertEquals(2, both.code());
        assertEquals("lag-run: give --rules FILE, --bitag FILE or --machine FILE|u15_2 (one of them)\n", both.err());
        UtmRunTest.Outcome symbol = lagRun("--machine", INCREMENT, "--tape", "12");
        assertEquals(2, symbol.code());
        assertTrue(symbol.err().startsWith("lag-run: --tape: tape cell 1: '2' is not one of the symbols"), symbol.err());
        Path bad = dir.resolve("m.json");
        Files.writeString(bad, "{\"symbols\": [\"0\"], \"transitions\": {\"A\": {\"0\": \"0 R Z\"}}}");
        UtmRunTest.Outcome file = lagRun("--machine", bad.toString(), "--tape", "0");
        assertEquals(3, file.code());
        assertTrue(file.err().contains("next state 'Z' is not a state"), file.err());
    }

    private static String[] names(Object system, int[] queue) {
        LagSystem s = system instanceof TuringLag t ? t.lag() : (LagSystem) system;
        String[] out = new String[queue.length];
        for (int k = 0; k < queue.length; k++) out[k] = s.symbol(queue[k]);
        return out;
    }
}
