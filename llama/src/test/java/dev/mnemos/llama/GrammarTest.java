package dev.mnemos.llama;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The GBNF check: llama.cpp would decode unconstrained after a grammar that does not parse. */
class GrammarTest {

    static String refused(String grammar) {
        return assertThrows(IllegalArgumentException.class, () -> Grammar.check(grammar, "g.gbnf")).getMessage();
    }

    @Test
    void aWellFormedGrammarPassesUnchanged() {
        String g = "# an instruction\nroot ::= \" op=\" quote name quote (\" \" update)* \" \"\n"
                + "name ::= \"%[\" [A-O] \"]\" | \"halt\"\nquote ::= \"\\\"\"\nupdate ::= \"i\" (\"+=\" | \"-=\") [0-9]{1,3}\n";
        assertEquals(g, Grammar.check(g, "g.gbnf"));
    }

    @Test
    void aRuleUsedButNotDefinedIsNamedWithItsLine() {
        assertEquals("g.gbnf:2: rule 'oops' is used but not defined", refused("root ::= \"a\"\n  | oops\n"));
    }

    @Test
    void aGrammarWithoutRootIsRefused() {
        assertEquals("g.gbnf: no 'root' rule (decoding starts there)", refused("start ::= \"a\"\n"));
    }

    @Test
    void unclosedLiteralsClassesAndGroupsAreRefused() {
        assertEquals("g.gbnf:1: a literal is not closed on its line", refused("root ::= \"a\n"));
        assertEquals("g.gbnf:1: a character class is not closed on its line", refused("root ::= [a-z\n"));
        assertEquals("g.gbnf:1: a group '(' is not closed", refused("root ::= (\"a\" | \"b\""));
        assertEquals("g.gbnf:1: ')' without an open group", refused("root ::= \"a\")"));
        assertEquals("g.gbnf:1: a repetition must read {m}, {m,} or {m,n}", refused("root ::= \"a\"{x}"));
        assertEquals("g.gbnf:1: unexpected character '_'", refused("root ::= my_rule"));
    }
}
