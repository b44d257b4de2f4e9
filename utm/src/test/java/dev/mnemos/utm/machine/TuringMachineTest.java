package dev.mnemos.utm.machine;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TuringMachineTest {

    static final Path SAMPLES = Path.of("..", "samples", "machines");

    @Test
    void u152HasTheSpecsTableIncludingBothPitfalls() {
        TuringMachine u = U152.machine();
        assertEquals(15, u.states().size());
        assertEquals("A", u.start());
        assertEquals("0", u.blank());
        assertEquals(new Action("0", Move.L, "H"), u.action("G", "0").orElseThrow(), "G reading 0 moves left");
        assertTrue(u.halts("J", "1"), "halts on J reading 1");
        assertEquals(new Action("1", Move.L, "K"), u.action("J", "0").orElseThrow());
        assertEquals(new Action("0", Move.R, "O"), u.action("N", "1").orElseThrow());
        assertEquals(u.action("F", "0"), u.action("F", "1"));
        long halts = u.states().stream().flatMap(s -> u.symbols().stream().filter(y -> u.halts(s, y))).count();
        assertEquals(1, halts);
    }

    @Test
    void u152RoundTripsThroughTheFileFormat() throws Exception {
        String json = MachineFormat.toJson(U152.machine());
        assertEquals(U152.machine(), MachineFormat.parse(json, "u15_2.json", "x"));
        assertEquals(json, Files.readString(SAMPLES.resolve("u15_2.json")), "samples/machines/u15_2.json is the built-in table");
    }

    @Test
    void samplesLoad() {
        TuringMachine inc = MachineFormat.read(SAMPLES.resolve("binary-increment.json"));
        assertEquals("binary increment", inc.name());
        assertEquals("_", inc.blank());
        assertEquals("right", inc.start());
        assertEquals(3, MachineFormat.read(SAMPLES.resolve("unary-adder.json")).states().size() - 1);
        assertEquals(4, MachineFormat.read(SAMPLES.resolve("busy-beaver-3.json")).states().size());
    }

    @Test
    void errorsNameTheStateAndSymbolAtFault() {
        assertEquals("m.json: state 'B', symbol '1': next state 'Z' is not a state", bad("""
                {"symbols":["0","1"],"transitions":{"A":{"0":"1 R B","1":"halt"},"B":{"0":"halt","1":"0 L Z"}}}"""));
        assertEquals("m.json: state 'B', symbol '1': no transition; give \"<write> <L|R> <next>\" or \"halt\"", bad("""
                {"symbols":["0","1"],"transitions":{"A":{"0":"1 R B","1":"halt"},"B":{"0":"halt"}}}"""));
        assertEquals("m.json: state 'A', symbol '0': move 'S' is not L or R", bad("""
                {"symbols":["0","1"],"transitions":{"A":{"0":"1 S A","1":"halt"}}}"""));
        assertEquals("m.json: state 'A', symbol '0': writes '2', not one of the symbols [0, 1]", bad("""
                {"symbols":["0","1"],"transitions":{"A":{"0":"2 R A","1":"halt"}}}"""));
        assertEquals("m.json: state 'A', symbol '2': not one of the symbols [0, 1]", bad("""
                {"symbols":["0","1"],"transitions":{"A":{"0":"1 R A","1":"halt","2":"halt"}}}"""));
        assertEquals("m.json: state 'op': reserved label (op, i, boot, halt)", bad("""
                {"symbols":["0","1"],"transitions":{"op":{"0":"1 R op","1":"halt"}}}"""));
        assertEquals("m.json: state '7': a state name starts with a letter and uses [A-Za-z0-9_-]", bad("""
                {"symbols":["0","1"],"transitions":{"7":{"0":"1 R 7","1":"halt"}}}"""));
        assertEquals("m.json: blank 'x' is not one of the symbols [0, 1]", bad("""
                {"symbols":["0","1"],"blank":"x","transitions":{"A":{"0":"1 R A","1":"halt"}}}"""));
        assertEquals("m.json: start state 'Q' is not a state", bad("""
                {"symbols":["0","1"],"start":"Q","transitions":{"A":{"0":"1 R A","1":"halt"}}}"""));
        assertEquals("m.json: unknown key 'transition'; known: [blank, description, name, start, symbols, transitions]", bad("""
                {"symbols":["0","1"],"transition":{}}"""));
        assertTrue(bad("{\"symbols\": [\"0\",\n ").startsWith("m.json:2:"), bad("{\"symbols\": [\"0\",\n "));
    }

    @Test
    void aTransitionGivenTwiceIsAnErrorNotTheLastOneWins() {
        String message = bad("""
                {"symbols":["0","1"],"transitions":{"A":{"0":"1 R A","0":"halt","1":"halt"}}}""");
        assertTrue(message.startsWith("m.json:1:57: Duplicate field '0'"), message);
    }

    private static String bad(String json) {
        return assertThrows(MachineException.class, () -> MachineFormat.parse(json, "m.json", "m")).getMessage();
    }
}
