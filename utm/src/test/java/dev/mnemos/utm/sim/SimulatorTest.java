package dev.mnemos.utm.sim;

import dev.mnemos.utm.machine.MachineFormat;
import dev.mnemos.utm.machine.TuringMachine;
import dev.mnemos.utm.machine.U152;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatorTest {

    static TuringMachine sample(String name) {
        return MachineFormat.read(Path.of("..", "samples", "machines", name + ".json"));
    }

    @Test
    void binaryIncrementAddsOne() {
        TuringMachine inc = sample("binary-increment");
        Simulator sim = new Simulator(inc, Tape.parse("1011", inc), 0);
        sim.run(1000);
        assertTrue(sim.halted());
        assertEquals("1100", sim.tape().trim("_").text());
        assertEquals("done", sim.stateName());
        assertEquals(0, sim.head());
        assertEquals(8, sim.steps());
    }

    @Test
    void binaryIncrementGrowsTheTapeLeft() {
        TuringMachine inc = sample("binary-increment");
        Simulator sim = new Simulator(inc, Tape.parse("111", inc), 0);
        sim.run(1000);
        assertEquals(new Tape(-1, java.util.List.of("1", "0", "0", "0")), sim.tape().trim("_"));
    }

    @Test
    void busyBeaverWritesSixOnesInFourteenSteps() {
        Simulator sim = new Simulator(sample("busy-beaver-3"));
        assertEquals(14, sim.run(1_000_000));
        assertTrue(sim.halted());
        assertEquals("111111", sim.tape().trim("0").text());
    }

    @Test
    void unaryAdderAddsThreeAndTwo() {
        TuringMachine add = sample("unary-adder");
        Simulator sim = new Simulator(add, Tape.parse("111011", add), 0);
        sim.run(1000);
        assertTrue(sim.halted());
        assertEquals("11111", sim.tape().trim("0").text());
    }

    @Test
    void stepLimitStopsWithoutHalting() {
        Simulator sim = new Simulator(U152.machine());
        assertEquals(1000, sim.run(1000));
        assertFalse(sim.halted());
        assertEquals(1000, sim.steps());
        assertEquals(500, sim.run(500));
        assertEquals(1500, sim.steps());
    }

    @Test
    void fastLoopAgreesWithANaiveSimulatorOnRandomMachines() {
        Random rnd = new Random(42);
        for (int trial = 0; trial < 200; trial++) {
            TuringMachine m = randomMachine(rnd, 1 + rnd.nextInt(5), 2 + rnd.nextInt(3));
            Tape input = randomTape(rnd, m, rnd.nextInt(20));
            long head = rnd.nextInt(20) - 5;
            Simulator fast = new Simulator(m, input, head);
            NaiveSimulator slow = new NaiveSimulator(m, input, head);
            fast.run(5000);
            slow.run(5000);
            assertEquals(slow.steps, fast.steps(), "steps, trial " + trial);
            assertEquals(slow.head, fast.head(), "head, trial " + trial);
            assertEquals(slow.state, fast.stateName(), "state, trial " + trial);
            assertEquals(slow.tape().trim(m.blank()), fast.tape().trim(m.blank()), "tape, trial " + trial);
        }
    }

    @Test
    void runsOnARunawayTapeFarBothWays() {
        TuringMachine right = TuringMachine.builder().symbols("0", "1").on("A", "0", "1 R A").on("A", "1", "1 R A").build();
        Simulator sim = new Simulator(right);
        sim.run(3_000_000);
        assertEquals(3_000_000, sim.head());
        assertEquals(1, sim.at(2_999_999));
        assertEquals(0, sim.at(3_000_001));
        TuringMachine left = TuringMachine.builder().symbols("0", "1").on("A", "0", "1 L A").on("A", "1", "1 L A").build();
        Simulator back = new Simulator(left);
        back.run(3_000_000);
        assertEquals(-3_000_000, back.head());
        assertEquals(1, back.at(-2_999_999));
    }

    @Test
    void tapeSymbolsAreChecked() {
        TuringMachine m = U152.machine();
        assertEquals("tape cell 2: '2' is not one of the symbols [0, 1] of U15,2",
                assertThrows(IllegalArgumentException.class, () -> Tape.parse("012", m)).getMessage());
    }

    static TuringMachine randomMachine(Random rnd, int states, int symbols) {
        TuringMachine.Builder b = TuringMachine.builder();
        String[] ys = new String[symbols];
        for (int y = 0; y < symbols; y++) ys[y] = String.valueOf(y);
        b.symbols(ys);
        for (int s = 0; s < states; s++) {
            for (int y = 0; y < symbols; y++) {
                String action = rnd.nextInt(12) == 0 ? "halt"
                        : ys[rnd.nextInt(symbols)] + (rnd.nextBoolean() ? " L " : " R ") + "S" + rnd.nextInt(states);
                b.on("S" + s, ys[y], action);
            }
        }
        return b.build();
    }

    static Tape randomTape(Random rnd, TuringMachine m, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(m.symbols().get(rnd.nextInt(m.symbols().size())));
        return Tape.parse(sb.toString(), m);
    }

    /** A deliberately plain simulator on a map, to check the fast one against. */
    static final class NaiveSimulator {
        final TuringMachine m;
        final java.util.Map<Long, String> cells = new java.util.HashMap<>();
        long head;
        String state;
        long steps;
        long lo;
        long hi;

        NaiveSimulator(TuringMachine m, Tape t, long head) {
            this.m = m;
            for (int i = 0; i < t.cells().size(); i++) cells.put(t.first() + i, t.cells().get(i));
            this.head = head;
            this.state = m.start();
            lo = Math.min(head, t.first());
            hi = Math.max(head, t.end() - 1);
        }

        void run(long max) {
            while (steps < max) {
                var a = m.action(state, cells.getOrDefault(head, m.blank()));
                if (a.isEmpty()) return;
                cells.put(head, a.get().write());
                head += a.get().move().delta();
                state = a.get().next();
                lo = Math.min(lo, head);
                hi = Math.max(hi, head);
                steps++;
            }
        }

        Tape tape() {
            java.util.List<String> out = new java.util.ArrayList<>();
            for (long c = lo; c <= hi; c++) out.add(cells.getOrDefault(c, m.blank()));
            return new Tape(lo, out);
        }
    }
}
