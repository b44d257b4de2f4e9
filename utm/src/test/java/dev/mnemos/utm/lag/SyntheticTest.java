package dev.mnemos.utm.lag;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticTest {

    @Test
    void aTwoThousandRuleDictionaryShapedLikeThePublishedOne() {
        LagSystem s = Synthetic.dictionary(2_000, 2027);
        assertEquals(2_000, s.ruleCount());
        assertEquals(45, s.symbolCount());
        assertEquals(2, s.symbolWidth());
        long twos = s.rules().stream().filter(r -> r.valueLength() == 2).count();
        assertEquals(16, twos);
        String text = RuleFormat.format(s);
        assertEquals(2_000, text.lines().count());
        assertTrue(text.length() > 15_000 && text.length() < 17_000, "about the published size: " + text.length());
        assertEquals(text, RuleFormat.format(RuleFormat.parse(text, "synthetic.txt", 0)));
    }

    @Test
    void itsRunsNeverHalt() {
        LagSystem s = Synthetic.dictionary(2_000, 2027);
        LagInterpreter lag = new LagInterpreter(s, Synthetic.queue(s, 1_000, 1));
        assertEquals(200_000, lag.run(200_000));
        assertTrue(lag.size() > 1_000);
    }
}
