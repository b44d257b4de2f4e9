package dev.mnemos.utm.sim;

import dev.mnemos.utm.bitag.BiTagCompiler;
import dev.mnemos.utm.bitag.BiTagFormat;
import dev.mnemos.utm.bitag.BiTagProgram;
import dev.mnemos.utm.bitag.U152Tape;
import dev.mnemos.utm.machine.TuringMachine;
import dev.mnemos.utm.machine.U152;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MacroSimulatorTest {

    @Test
    void specExampleHaltsWithTheSameStepsHeadStateAndTapeAsTheSimulator() {
        BiTagProgram p = BiTagFormat.read(Path.of("..", "samples", "bitag", "spec-example.json"));
        U152Tape t = BiTagCompiler.compile(p);
        MacroSimulator macro = new MacroSimulator(U152.machine(), t.tape(), t.head());
        Simulator plain = new Simulator(U152.machine(), t.tape(), t.head());
        assertEquals(120_965, macro.run(Long.MAX_VALUE));
        plain.run(Long.MAX_VALUE);
        assertTrue(macro.halted());
        assertEquals(0, macro.head());
        assertEquals("J", macro.stateName());
        assertSame(plain, macro, "0");
    }

    @Test
    void stopsExactlyAtAnyStepBudget() {
        U152Tape t = BiTagCompiler.compile(BiTagFormat.read(Path.of("..", "samples", "bitag", "worked-example.json")));
        for (long budget : new long[] {0, 1, 7, 8, 9, 100, 1234, 5000, 11_848, 11_849, 11_850}) {
            MacroSimulator macro = new MacroSimulator(U152.machine(), t.tape(), t.head());
            Simulator plain = new Simulator(U152.machine(), t.tape(), t.head());
            assertEquals(plain.run(budget), macro.run(budget), "budget " + budget);
            assertSame(plain, macro, "0");
        }
        MacroSimulator inChunks = new MacroSimulator(U152.machine(), t.tape(), t.head());
        while (!inChunks.halted()) inChunks.run(37);
        assertEquals(11_849, inChunks.steps());
    }

    @Test
    void agreesWithTheSimulatorOnRandomTwoSymbolMachines() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            TuringMachine m = SimulatorTest.randomMachine(rnd, 1 + rnd.nextInt(6), 2);
            if (rnd.nextBoolean()) m = withBlankOne(m);
            Tape input = SimulatorTest.randomTape(rnd, m, rnd.nextInt(40));
            long head = rnd.nextInt(50) - 10;
            long budget = 1 + rnd.nextInt(20_000);
            MacroSimulator macro = new MacroSimulator(m, input, head);
            Simulator plain = new Simulator(m, input, head);
            assertEquals(plain.run(budget), macro.run(budget), "steps, trial " + trial);
            assertSame(plain, macro, m.blank());
        }
    }

    @Test
    void refusesMachinesWithMoreSymbols() {
        TuringMachine three = TuringMachine.builder().symbols("0", "1", "2")
                .on("A", "0", "halt").on("A", "1", "halt").on("A", "2", "halt").build();
        assertThrows(IllegalArgumentException.class, () -> new MacroSimulator(three, new Tape(0, java.util.List.of()), 0));
    }

    private static TuringMachine withBlankOne(TuringMachine m) {
        TuringMachine.Builder b = TuringMachine.builder().symbols("0", "1").blank("1").start(m.start());
        for (String s : m.states()) {
            for (String y : m.symbols()) b.on(s, y, m.action(s, y).map(Object::toString).orElse("halt"));
        }
        return b.build();
    }

    private static void assertSame(Simulator plain, MacroSimulator macro, String blank) {
        assertEquals(plain.steps(), macro.steps());
        assertEquals(plain.head(), macro.head());
        assertEquals(plain.stateName(), macro.stateName());
        assertEquals(plain.halted(), macro.halted());
        assertEquals(plain.tape().trim(blank), macro.tape().trim(blank));
    }
}
