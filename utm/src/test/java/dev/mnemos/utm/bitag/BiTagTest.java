package dev.mnemos.utm.bitag;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BiTagTest {

    /** The spec's worked example: q = 1, h = 2, P(e1,a1) = a1 e2, word e1 a1. */
    static final BiTagProgram WORKED = new BiTagProgram("worked",
            new BiTagSystem(1, 2, Map.of("e1 a1", Word.parse("a1 e2"))), Word.parse("e1 a1"));

    static final String WORKED_TAPE = "1100010101010001000100000000000000000000000000000000000000000100010000000101010101010001000100000001010110010101010101010101010111";

    @Test
    void workedExampleCompilesToTheSpecsTape() {
        U152Tape t = BiTagCompiler.compile(WORKED);
        assertEquals(104, t.programLength());
        assertEquals(105, t.head());
        assertEquals(130, WORKED_TAPE.length());
        assertEquals(WORKED_TAPE, t.cells());
    }

    @Test
    void workedExampleRunsOnU152AndHaltsAtCellZeroInJ() {
        U152Run.Result r = U152Run.run(WORKED, 1_000_000);
        assertTrue(r.halted());
        assertEquals(11_849, r.steps());
        assertEquals(0, r.head());
        assertEquals("J", r.state());
        assertEquals(List.of("e1 a1", "a1 e2", "e2 a1"), r.words().stream().map(Word::toString).toList());
    }

    @Test
    void directTrajectoryOfTheWorkedExample() {
        assertEquals(List.of("e1 a1", "a1 e2", "e2 a1"),
                WORKED.system().trajectory(WORKED.word(), 100).stream().map(Word::toString).toList());
    }

    @Test
    void encodedWordsDecodeBack() {
        BiTagSystem s = new BiTagSystem(3, 3, Map.of(
                "e1 a1", Word.parse("a1 e1"), "e1 a2", Word.parse("a1 e1"), "e1 a3", Word.parse("a1 e1"),
                "e2 a1", Word.parse("a1 e1"), "e2 a2", Word.parse("a1 e1"), "e2 a3", Word.parse("a1 e1")));
        BiTagDecoder d = new BiTagDecoder(s);
        for (String w : List.of("a1 e2 a3", "e3 a2 a2", "a3 a1 e1", "e2 a1", "a2 e3 a1 a3")) {
            String bits = BiTagCompiler.word(s, Word.parse(w));
            assertEquals(w, d.word(0, cell -> cell < 0 || cell >= bits.length() ? 0 : bits.charAt((int) cell) - '0').toString());
        }
    }

    @Test
    void sampleFilesLoad() {
        BiTagProgram p = BiTagFormat.read(Path.of("..", "samples", "bitag", "worked-example.json"));
        assertEquals(WORKED.system().productions(), p.system().productions());
        assertEquals(WORKED.word(), p.word());
        for (String name : List.of("spec-example.json", "three-e.json")) {
            BiTagProgram s = BiTagFormat.read(Path.of("..", "samples", "bitag", name));
            List<Word> direct = s.system().trajectory(s.word(), 10_000);
            U152Run.Result r = U152Run.run(s, 100_000_000);
            assertTrue(r.halted(), name);
            assertEquals(direct, r.words(), name);
        }
    }

    @Test
    void theExamplesOnTheClassPathAreTheSampleFiles() {
        assertEquals(BiTagFormat.toJson(BiTagFormat.read(Path.of("..", "samples", "bitag", "worked-example.json"))),
                BiTagFormat.toJson(BiTagExamples.worked()));
        assertEquals(BiTagFormat.toJson(BiTagFormat.read(Path.of("..", "samples", "bitag", "spec-example.json"))),
                BiTagFormat.toJson(BiTagExamples.spec()));
        assertEquals("worked example", BiTagExamples.worked().name());
    }

    @Test
    void fileErrorsNameTheEntry() {
        assertEquals("p.json: production 'e1 a2' is missing", bad("""
                {"q":2,"h":2,"productions":{"e1 a1":"a1 e2"},"word":"e1 a1"}"""));
        assertEquals("p.json: production 'e2 a1': e2 has no productions (j must be below h = 2)", bad("""
                {"q":1,"h":2,"productions":{"e1 a1":"a1 e2","e2 a1":"a1 e1"},"word":"e1 a1"}"""));
        assertEquals("p.json: production 'e1 a1' -> 'a3 e2': a3 is out of range (q = 1)", bad("""
                {"q":1,"h":2,"productions":{"e1 a1":"a3 e2"},"word":"e1 a1"}"""));
        assertEquals("p.json: production 'e1 a1' -> 'a1 a1 a1 e2': must be 'ak em' or 'ak1 ak2 em'", bad("""
                {"q":1,"h":2,"productions":{"e1 a1":"a1 a1 a1 e2"},"word":"e1 a1"}"""));
        assertEquals("p.json: word 'e1 e2 a1' has 2 e-symbols; a word holds exactly one", bad("""
                {"q":1,"h":2,"productions":{"e1 a1":"a1 e2"},"word":"e1 e2 a1"}"""));
        assertEquals("p.json: word 'a1 a1' has 0 e-symbols; a word holds exactly one", bad("""
                {"q":1,"h":2,"productions":{"e1 a1":"a1 e2"},"word":"a1 a1"}"""));
        assertEquals("p.json: word 'e1 a4': a4 is out of range (q = 1)", bad("""
                {"q":1,"h":2,"productions":{"e1 a1":"a1 e2"},"word":"e1 a4"}"""));
        assertEquals("p.json: 'q' must be a positive integer, got \"1\"", bad("""
                {"q":"1","h":2,"productions":{"e1 a1":"a1 e2"},"word":"e1 a1"}"""));
    }

    @Test
    void aProductionGivenTwiceIsAnErrorNotTheLastOneWins() {
        String message = bad("""
                {"q":1,"h":2,"productions":{"e1 a1":"a1 e2","e1 a1":"a1 a1 e2"},"word":"e1 a1"}""");
        assertTrue(message.startsWith("p.json:1:52: Duplicate field 'e1 a1'"), message);
    }

    private static String bad(String json) {
        return assertThrows(BiTagException.class, () -> BiTagFormat.parse(json, "p.json", "p")).getMessage();
    }
}
