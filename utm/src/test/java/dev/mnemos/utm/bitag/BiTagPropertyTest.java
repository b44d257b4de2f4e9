package dev.mnemos.utm.bitag;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** For random small bi-tag systems that halt, U15,2 passes through exactly the direct trajectory. */
class BiTagPropertyTest {

    static final int SYSTEMS = 300;

    @Test
    void decodedU152RunEqualsTheDirectTrajectoryStepForStep() {
        Random rnd = new Random(2009);
        int tested = 0;
        long u152Steps = 0;
        for (int attempt = 0; tested < SYSTEMS && attempt < 100 * SYSTEMS; attempt++) {
            BiTagProgram p = randomProgram(rnd);
            List<Word> direct = p.system().trajectory(p.word(), 40);
            if (!p.system().halts(direct.get(direct.size() - 1))) continue;
            U152Run.Result r = U152Run.run(p, 20_000_000);
            assertTrue(r.halted(), () -> "U15,2 did not halt on " + BiTagFormat.toJson(p));
            assertEquals(direct, r.words(), () -> BiTagFormat.toJson(p));
            assertEquals(0, r.head(), "halts at cell 0");
            assertEquals("J", r.state());
            tested++;
            u152Steps += r.steps();
        }
        assertEquals(SYSTEMS, tested);
        assertTrue(u152Steps > SYSTEMS * 10_000L, "the systems are not trivial: " + u152Steps + " U15,2 steps");
    }

    static BiTagProgram randomProgram(Random rnd) {
        int q = 1 + rnd.nextInt(3);
        int h = 2 + rnd.nextInt(2);
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
        int as = 1 + rnd.nextInt(3);
        for (int t = 0; t < as; t++) word.add(Sym.a(1 + rnd.nextInt(q)));
        word.add(rnd.nextInt(word.size() + 1), Sym.e(1 + rnd.nextInt(h - 1)));
        return new BiTagProgram("random", new BiTagSystem(q, h, prods), new Word(word));
    }
}
