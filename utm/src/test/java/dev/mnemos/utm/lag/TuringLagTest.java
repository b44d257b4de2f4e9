package dev.mnemos.utm.lag;

import dev.mnemos.utm.bitag.BiTagCompiler;
import dev.mnemos.utm.bitag.BiTagFormat;
import dev.mnemos.utm.bitag.U152Tape;
import dev.mnemos.utm.machine.Action;
import dev.mnemos.utm.machine.Move;
import dev.mnemos.utm.machine.TuringMachine;
import dev.mnemos.utm.machine.U152;
import dev.mnemos.utm.sim.Simulator;
import dev.mnemos.utm.sim.Tape;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A Turing machine compiled to a Lag system passes through the machine's own configurations: after
 * every pass over the queue, the decoded tape, head and state are the reference simulator's, one
 * machine step further when the pass is of the head's direction, unchanged when it is not.
 */
class TuringLagTest {

    @Test
    void u152RunsTheWorkedExampleAsOneLagSystemStepForStep() {
        TuringLag c = TuringLag.compile(U152.machine(), "u15_2");
        U152Tape input = BiTagCompiler.compile(BiTagFormat.read(Path.of("..", "samples", "bitag", "worked-example.json")));
        Run r = lockstep(c, input.tape(), input.head(), 20_000);
        assertEquals(11_849, r.machineSteps);
        assertTrue(r.halted, "the Lag system halts where U15,2 does");
        assertEquals(TuringLag.ruleCount(U152.machine()), c.lag().ruleCount());
        assertEquals(328, c.lag().ruleCount(), "2 x 8 rules for plain cells and delimiters, 6 per head symbol: 25 + 27 reachable");
        assertEquals(59, c.lag().symbolCount());
        assertEquals(23_553, r.passes, "U15,2 mostly moves on in one direction, so nearly every step waits one pass");
        assertEquals(4_014_340, r.lagSteps, "a pass is one Lag step per cell and one for the delimiter");
    }

    @Test
    void decodedConfigurationsEqualTheSimulatorsOnRandomMachines() {
        randomMachinesStepForStep(1, 200, new Random(11));
    }

    @Test
    void withTwoCellsPerSymbolTooOnRandomMachines() {
        randomMachinesStepForStep(2, 100, new Random(12));
    }

    @Test
    void andWithThreeCellsPerSymbol() {
        randomMachinesStepForStep(3, 60, new Random(13));
    }

    private static void randomMachinesStepForStep(int width, int machines, Random rnd) {
        int halted = 0;
        int grewLeft = 0;
        int grewRight = 0;
        for (int t = 0; t < machines; t++) {
            TuringMachine m = randomMachine(rnd, width == 1 ? 4 : width == 2 ? 3 : 2);
            Tape tape = randomTape(rnd, m);
            long head = tape.first() - 2 + rnd.nextInt(tape.cells().size() + 5);
            TuringLag c = TuringLag.compile(m, "random", width);
            assertEquals(TuringLag.ruleCount(m, width), c.lag().ruleCount(), m::toString);
            Run r = lockstep(c, tape, head, 120);
            if (r.halted) halted++;
            grewLeft += r.grewLeft;
            grewRight += r.grewRight;
        }
        assertTrue(halted > machines / 7, "enough machines halt: " + halted);
        assertTrue(grewLeft > machines / 4 && grewRight > machines / 4, "the tape grows at both ends: " + grewLeft + " left, " + grewRight + " right");
    }

    @Test
    void withTwoCellsPerSymbolU152TakesOnePassPerStepOnTheWorkedExample() {
        TuringLag c = TuringLag.compile(U152.machine(), "u15_2", 2);
        U152Tape input = BiTagCompiler.compile(BiTagFormat.read(Path.of("..", "samples", "bitag", "worked-example.json")));
        Run r = lockstep(c, input.tape(), input.head(), 20_000);
        assertEquals(11_849, r.machineSteps);
        assertTrue(r.halted);
        assertEquals(TuringLag.ruleCount(U152.machine(), 2), c.lag().ruleCount());
        assertEquals(11_850, r.passes, "a pass for every step but one: U15,2's runs of moves one way alternate inside and across blocks");
        assertEquals(1_020_800, r.lagSteps, "a pass is one Lag step per block of two cells and one for the delimiter");
        assertEquals(1_088, c.lag().ruleCount());
        assertEquals(117, c.lag().symbolCount());
    }

    @Test
    void aMachineThatHaltsAtOnceHaltsTheLagSystemInTheFirstPass() {
        TuringMachine m = TuringMachine.builder().symbols("_", "x").on("A", "_", "x R A").halt("A", "x").build();
        TuringLag c = TuringLag.compile(m, "stop");
        LagInterpreter lag = new LagInterpreter(c.lag(), c.encode(Tape.parse("x_", m), 0));
        lag.run(100);
        assertTrue(lag.halted());
        assertEquals(0, lag.steps(), "the first key (delimiter, A.x) has no rule");
        assertEquals(List.of(".D", "A.x", "_"), names(c, lag.queue()));
    }

    @Test
    void theRulesOfARightMoveAndALeftMoveReadAsTheConstructionSays() {
        TuringMachine m = TuringMachine.builder().symbols("_", "x").on("A", "_", "x R B").on("A", "x", "x L A")
                .on("B", "_", "_ L A").on("B", "x", "halt").build();
        TuringLag c = TuringLag.compile(m, "two");
        LagInterpreter lag = new LagInterpreter(c.lag(), c.encode(Tape.parse("_", m), 0));
        List<String> passes = new ArrayList<>();
        for (int p = 0; p < 6 && !lag.halted(); p++) {
            passes.add(String.join(" ", names(c, lag.queue())));
            do lag.step(); while (!lag.halted() && !c.isDelimiter(lag.at(0)));
        }
        assertEquals(List.of(
                ".D A._",          // A reads _, moves right: waits in the left pass
                ".D+ A._+",        // right pass: writes x, B enters a new blank cell on the right
                ".D x B._",        // B reads _, moves left: acts in the left pass
                ".D+ A.x+ _+",     // A reads x, moves left: waits in the right pass
                ".D A.x _",        // left pass: the delimiter adds a blank cell on the left
                ".D+ A._+ x+ _+"), passes);
    }

    @Test
    void theCompiledU152SurvivesTheKeyValueFormat() {
        TuringLag c = TuringLag.compile(U152.machine(), "u15_2");
        LagSystem letters = Rename.toLetters(c.lag(), 2);
        LagSystem back = RuleFormat.parse(RuleFormat.format(letters), "u15_2.txt", 0);
        assertEquals(c.lag().ruleCount(), back.ruleCount());
        int[] queue = c.encode(Tape.parse("1011", U152.machine()), 0);
        LagInterpreter direct = new LagInterpreter(c.lag(), queue);
        LagInterpreter viaText = new LagInterpreter(back, back.parseQueue(letters.join(queue), "queue"));
        direct.run(5_000);
        viaText.run(5_000);
        assertEquals(direct.steps(), viaText.steps());
        assertEquals(letters.join(direct.queue()), back.join(viaText.queue()));
    }

    @Test
    void aReplayOfTheQueuesHistoryReadsBackTheMachinesTapeHeadAndSteps() {
        Random rnd = new Random(5);
        for (int t = 0; t < 150; t++) {
            TuringMachine m = randomMachine(rnd);
            Tape tape = randomTape(rnd, m);
            long head = tape.first() - 2 + rnd.nextInt(tape.cells().size() + 5);
            int width = 1 + t % 2;
            TuringLag c = TuringLag.compile(m, "random", width);
            int[] start = c.encode(tape, head);
            List<Integer> history = new ArrayList<>();
            for (int s : start) history.add(s);
            LagInterpreter lag = new LagInterpreter(c.lag(), start);
            int lagSteps = rnd.nextInt(1500);
            for (int k = 0; k < lagSteps && !lag.halted(); k++) {
                for (int v : lag.nextRule().value()) history.add(v);
                lag.step();
            }
            TuringLag.Replay r = c.replay(history.stream().mapToInt(Integer::intValue).toArray(), (int) lag.steps(),
                    TuringLag.firstCell(tape, head));
            Simulator sim = new Simulator(m, tape, head);
            sim.run(r.machineSteps());
            String where = m + " after " + lag.steps() + " Lag steps, " + width + " cells per symbol";
            if (width == 1) assertEquals(sim.tape(), r.configuration().tape(r.firstCell()), where);
            assertEquals(sim.tape().trim(m.blank()), r.configuration().tape(r.firstCell()).trim(m.blank()), where);
            assertEquals(sim.head(), r.head(), where);
            assertEquals(sim.stateName(), r.configuration().state(), where);
            if (lag.halted()) assertTrue(sim.halted(), where);
        }
    }

    /** What a lockstep run saw. */
    static final class Run {
        long machineSteps;
        long passes;
        long lagSteps;
        boolean halted;
        int grewLeft;
        int grewRight;
    }

    /**
     * Runs the Lag system pass by pass next to the simulator, for at most {@code maxSteps} machine
     * steps, and fails at the first pass whose decoded configuration is not the expected one.
     */
    static Run lockstep(TuringLag c, Tape tape, long head, long maxSteps) {
        TuringMachine m = c.machine();
        Simulator sim = new Simulator(m, tape, head);
        LagInterpreter lag = new LagInterpreter(c.lag(), c.encode(tape, head));
        Run r = new Run();
        long origin = TuringLag.firstCell(tape, head);
        check(c, sim, c.decode(lag.queue()), origin, 0, "start");
        while (r.machineSteps < maxSteps) {
            int phase = c.phase(lag.at(0));
            int size = (lag.size() - 1) * c.width();
            long lowest = sim.lowestCell();
            long highest = sim.highestCell();
            boolean acts = !sim.halted() && acts(c, sim, origin, phase);
            int generation = lag.size();
            long taken = lag.run(generation);
            r.lagSteps += taken;
            boolean completed = taken == generation;
            if (completed) assertTrue(c.isDelimiter(lag.at(0)), "a pass reads every symbol of the queue once and ends at the new delimiter");
            if (sim.halted()) {
                assertFalse(completed, () -> "the machine halted; the Lag system must halt within the pass, machine " + m);
                r.halted = true;
                return r;
            }
            assertTrue(completed, () -> "the Lag system halted but the machine did not, after " + sim.steps() + " steps of " + m);
            r.passes++;
            if (acts) {
                sim.step();
                r.machineSteps++;
                if (sim.lowestCell() < lowest) r.grewLeft++;
                else if (sim.highestCell() > highest) r.grewRight++;
            }
            TuringLag.Configuration got = c.decode(lag.queue());
            if (got.cells().size() == size + c.width() && got.head() < c.width()) origin -= c.width();
            check(c, sim, got, origin, 1 - phase, "pass " + r.passes);
        }
        return r;
    }

    /** Whether the machine's next step happens in a pass of {@code phase}: inside the head's block, or out of it in the pass's direction. */
    private static boolean acts(TuringLag c, Simulator sim, long origin, int phase) {
        Action a = c.machine().action(sim.state(), sim.symbol());
        int to = (int) Math.floorMod(sim.head() - origin, (long) c.width()) + a.move().delta();
        return to >= 0 && to < c.width() || a.move() == (phase == 0 ? Move.L : Move.R);
    }

    /**
     * The decoded configuration is the simulator's: with one cell per symbol exactly its used tape;
     * with blocks the same cells (the last block may hold blanks past the used tape), head and state.
     */
    private static void check(TuringLag c, Simulator sim, TuringLag.Configuration got, long origin, int phase, String when) {
        Tape t = sim.tape();
        String where = when + ", machine step " + sim.steps() + " of " + c.machine() + " (" + c.width() + " cells per symbol)";
        if (c.width() == 1) {
            TuringLag.Configuration expected = new TuringLag.Configuration(t.cells(), (int) (sim.head() - t.first()), sim.stateName(), phase);
            if (!expected.equals(got)) fail(where + ": expected " + expected + ", got " + got);
            assertEquals(t.first(), origin, where);
            return;
        }
        String blank = c.machine().blank();
        assertEquals(t.trim(blank), got.tape(origin).trim(blank), where);
        assertEquals(sim.head(), origin + got.head(), where);
        assertEquals(sim.stateName(), got.state(), where);
        assertEquals(phase, got.phase(), where);
        assertTrue(origin <= t.first() && origin + got.cells().size() >= t.end(), where + ": the queue holds the used tape");
    }

    private static List<String> names(TuringLag c, int[] queue) {
        List<String> out = new ArrayList<>();
        for (int s : queue) out.add(c.lag().symbol(s));
        return out;
    }

    /** Up to 5 states and 4 symbols (named with one or two characters, any of them the blank), halts now and then. */
    static TuringMachine randomMachine(Random rnd) {
        return randomMachine(rnd, 4);
    }

    static TuringMachine randomMachine(Random rnd, int maxSymbols) {
        int states = 1 + rnd.nextInt(5);
        int symbols = 2 + rnd.nextInt(maxSymbols - 1);
        List<String> ys = new ArrayList<>();
        for (int y = 0; y < symbols; y++) ys.add(rnd.nextBoolean() ? String.valueOf((char) ('a' + y)) : "s" + y);
        TuringMachine.Builder b = TuringMachine.builder().symbols(ys).blank(ys.get(rnd.nextInt(symbols)));
        for (int s = 0; s < states; s++) {
            for (String y : ys) {
                String action = rnd.nextInt(10) == 0 ? "halt"
                        : ys.get(rnd.nextInt(symbols)) + (rnd.nextBoolean() ? " L " : " R ") + "Q" + rnd.nextInt(states);
                b.on("Q" + s, y, action);
            }
        }
        return b.start("Q" + rnd.nextInt(states)).build();
    }

    static Tape randomTape(Random rnd, TuringMachine m) {
        List<String> cells = new ArrayList<>();
        int n = rnd.nextInt(7);
        for (int i = 0; i < n; i++) cells.add(m.symbols().get(rnd.nextInt(m.symbols().size())));
        return new Tape(rnd.nextInt(7) - 3, cells);
    }
}
