package dev.mnemos.utm.lag;

import dev.mnemos.utm.bitag.BiTagFormat;
import dev.mnemos.utm.bitag.BiTagProgram;
import dev.mnemos.utm.bitag.BiTagSystem;
import dev.mnemos.utm.bitag.Sym;
import dev.mnemos.utm.bitag.Word;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bi-tag system compiled to a Lag system passes through exactly the bi-tag trajectory, one Lag step per bi-tag step. */
class BiTagLagTest {

    @Test
    void theWorkedExampleRunsAsALagSystem() {
        BiTagProgram p = BiTagFormat.read(Path.of("..", "samples", "bitag", "worked-example.json"));
        BiTagLag c = BiTagLag.compile(p.system(), "worked");
        assertEquals(List.of("e1 a1", "a1 e2", "e2 a1"), words(c, c.encode(p.word()), 100));
        assertEquals(BiTagLag.ruleCount(1, 2), c.lag().ruleCount());
        assertEquals(1 + 2 + 2, c.lag().ruleCount());
    }

    @Test
    void decodedLagTrajectoryEqualsTheDirectOneOnRandomSystems() {
        Random rnd = new Random(2024);
        int halting = 0;
        for (int t = 0; t < 500; t++) {
            BiTagProgram p = randomProgram(rnd);
            BiTagLag c = BiTagLag.compile(p.system(), "random");
            List<Word> direct = p.system().trajectory(p.word(), 300);
            List<String> expected = direct.stream().map(Word::toString).toList();
            assertEquals(expected, words(c, c.encode(p.word()), 300), () -> BiTagFormat.toJson(p));
            assertEquals(BiTagLag.ruleCount(p.system().q(), p.system().h()), c.lag().ruleCount());
            if (p.system().halts(direct.get(direct.size() - 1))) halting++;
        }
        assertTrue(halting > 100, "enough of the systems halt: " + halting);
    }

    @Test
    void theCompiledSystemSurvivesTheKeyValueFormat() {
        BiTagProgram p = BiTagFormat.read(Path.of("..", "samples", "bitag", "spec-example.json"));
        BiTagLag c = BiTagLag.compile(p.system(), "spec");
        LagSystem letters = Rename.toLetters(c.lag(), 2);
        LagSystem back = RuleFormat.parse(RuleFormat.format(letters), "spec.txt", 0);
        assertEquals(c.lag().ruleCount(), back.ruleCount());
        int[] queue = c.encode(p.word());
        LagInterpreter direct = new LagInterpreter(c.lag(), queue);
        LagInterpreter viaText = new LagInterpreter(back, back.parseQueue(letters.join(queue), "queue"));
        direct.run(100_000);
        viaText.run(100_000);
        assertTrue(direct.halted());
        assertEquals(direct.steps(), viaText.steps());
        assertEquals(letters.join(direct.queue()), back.join(viaText.queue()));
    }

    /** The decoded words: the start and one per Lag step, until the halt or {@code max} steps. */
    static List<String> words(BiTagLag c, int[] queue, int max) {
        LagInterpreter lag = new LagInterpreter(c.lag(), queue);
        List<String> words = new ArrayList<>();
        words.add(c.decode(lag.queue()).toString());
        for (int k = 0; k < max && lag.step(); k++) words.add(c.decode(lag.queue()).toString());
        return words;
    }

    /** Like BiTagPropertyTest's, with longer words and the e-symbol anywhere, the last place included. */
    static BiTagProgram randomProgram(Random rnd) {
        int q = 1 + rnd.nextInt(4);
        int h = 2 + rnd.nextInt(3);
        Map<String, Word> prods = new LinkedHashMap<>();
        for (int j = 1; j < h; j++) {
            for (int i = 1; i <= q; i++) {
                List<Sym> rhs = new ArrayList<>();
                int as = 1 + rnd.nextInt(2);
                for (int t = 0; t < as; t++) rhs.add(Sym.a(1 + rnd.nextInt(q)));
                rhs.add(Sym.e(1 + rnd.nextInt(h)));
                prods.put("e" + j + " a" + i, new Word(rhs));
            }
        }
        List<Sym> word = new ArrayList<>();
        int as = 1 + rnd.nextInt(5);
        for (int t = 0; t < as; t++) word.add(Sym.a(1 + rnd.nextInt(q)));
        word.add(rnd.nextInt(word.size() + 1), Sym.e(1 + rnd.nextInt(h)));
        return new BiTagProgram("random", new BiTagSystem(q, h, prods), new Word(word));
    }
}
