package dev.mnemos.utm.lag;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RuleFormatTest {

    /** A tiny system in their format: two-character symbols, one value of two symbols. */
    static final String TINY = """
            aBgJ:vD
            gJvD:aBgJ
            vDaB:gJ

            aBvD:vD
            """;

    @Test
    void readsKeyValueLinesAndDetectsTheSymbolWidth() {
        LagSystem s = RuleFormat.parse(TINY, "tiny.txt", 0);
        assertEquals(2, s.symbolWidth());
        assertEquals(List.of("aB", "gJ", "vD"), s.symbols());
        assertEquals(4, s.ruleCount());
        Rule r = s.rule(s.id("gJ"), s.id("vD"));
        assertEquals("aBgJ", s.valueText(r));
        assertEquals("tiny.txt line 2", r.where());
        assertEquals(null, s.rule(s.id("vD"), s.id("vD")));
    }

    @Test
    void aGivenWidthReadsOtherwise() {
        LagSystem s = RuleFormat.parse("ab:c\nbc:a\nca:b\n", "w1.txt", 1);
        assertEquals(List.of("a", "b", "c"), s.symbols());
        assertEquals("w1.txt line 1: key 'ab' has 2 characters; keys are two 2-character symbols (4 characters)",
                assertThrows(LagException.class, () -> RuleFormat.parse("ab:c\n", "w1.txt", 2)).getMessage());
        LagSystem w2 = RuleFormat.parse("abcd:ab\ncdab:cd\n", "w2.txt", 2);
        assertEquals(List.of("ab", "cd"), w2.symbols());
    }

    @Test
    void formatWritesWhatParseReads() {
        LagSystem s = RuleFormat.parse("#halt: zz\n" + TINY + "aBaB:zz\n", "t.txt", 0);
        String text = RuleFormat.format(s);
        assertEquals("aBgJ:vD\ngJvD:aBgJ\nvDaB:gJ\naBvD:vD\naBaB:zz\n#halt: zz\n", text);
        LagSystem back = RuleFormat.parse(text, "back.txt", 0);
        assertEquals(text, RuleFormat.format(back));
    }

    @Test
    void theSameRuleTwiceIsARepeatAsInARepairedDictionary() {
        LagSystem s = RuleFormat.parse(TINY + "gJvD:aBgJ\n", "repaired.txt", 0);
        assertEquals(4, s.ruleCount());
        assertEquals(1, s.repeatedRules());
        assertEquals(5, s.listing().size());
        assertEquals(TINY.strip().replace("\n\n", "\n") + "\ngJvD:aBgJ\n", RuleFormat.format(s, s.listing()));
    }

    @Test
    void errorsNameTheFileAndLine() {
        assertEquals("bad.txt line 3: key 'aBg' has 3 characters; keys are two 2-character symbols (4 characters)",
                message("aBgJ:vD\ngJvD:aB\naBg:vD\n", 0));
        assertEquals("bad.txt line 1: key 'aBg' has 3 characters; a key is two symbols of one width, so its length must be even (give the width to read it otherwise)",
                message("aBg:vD\n", 0));
        assertEquals("bad.txt line 2: key 'gJvD' is given again with another value ('gJ'; bad.txt line 1 gave 'aB')",
                message("gJvD:aB\ngJvD:gJ\naBgJ:vD\n", 0));
        assertEquals("bad.txt line 2: value symbol 'xY' is read by no key (a typo? a symbol where the system should stop must be declared a halt symbol)",
                message("aBgJ:vD\ngJvD:aBxY\n", 0));
        assertEquals("bad.txt line 2: value 'aBg' has 3 characters, not a whole number of 2-character symbols",
                message("aBgJ:vD\ngJvD:aBg\n", 0));
        assertEquals("bad.txt line 2: 'gJvD aB' is not KEY:VALUE (exactly one ':')", message("aBgJ:gJ\ngJvD aB\n", 0));
        assertEquals("bad.txt line 1: 'aB:gJ:vD' is not KEY:VALUE (exactly one ':')", message("aB:gJ:vD\n", 1));
        assertEquals("bad.txt: no rules (expected lines KEY:VALUE)", message("\n# nothing\n", 0));
    }

    @Test
    void aHaltDeclarationAcceptsASymbolNoKeyReads() {
        LagSystem s = RuleFormat.parse("aBgJ:vD\ngJvD:aBxY\n#halt: xY\n", "h.txt", 0);
        assertEquals(List.of(s.id("xY")), s.haltSymbols());
    }

    private static String message(String text, int width) {
        return assertThrows(LagException.class, () -> RuleFormat.parse(text, "bad.txt", width)).getMessage();
    }
}
