package dev.mnemos.runtime.cycle;

import dev.mnemos.runtime.memory.Memory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ReaderTest {

    private final Reader reader = new Reader();

    @Test
    void theSpecsExampleResolvesTheInnerReferenceFirst() throws Exception {
        Memory m = new Memory();
        m.put("i", 263);
        assertEquals("if 0==1 then", reader.read(m, "if @[@[i]]==1 then"));
        m.put("263", "1");
        assertEquals("if 1==1 then", reader.read(m, "if @[@[i]]==1 then"));
    }

    @Test
    void substitutedTextIsReadAgainUntilNoReferenceRemains() throws Exception {
        Memory m = new Memory();
        m.put("boot", "[demo @[x]]");
        m.put("x", "X");
        assertEquals("[demo X] go", reader.read(m, "@[boot] go"));
    }

    @Test
    void referencesFormedWhereTextMeetsAnInsertedValueAreReadByTheNextPass() throws Exception {
        Memory m = new Memory();
        m.put("open", "[x");
        m.put("at", "@");
        m.put("x", "X");
        m.put("k", "x]");
        assertEquals("X", reader.read(m, "@@[open]]"), "a kept '@' meets a value starting with '['");
        assertEquals("X", reader.read(m, "@[at][x]"), "a value ending in '@' meets a kept '['");
        assertEquals("X!", reader.read(m, "@[@[k]!"), "a kept '@[' meets a value closing it");
        assertEquals("@[x y] X", reader.read(m, "@[x y] @[x]"), "a kept '@[' before a reference");
        m.put("none", "");
        assertEquals("X", reader.read(m, "@@[none][x]"), "a kept '@' meets a kept '[' once an empty value is gone");
    }

    @Test
    void anAtSignInAnInsertedValueThatStartsNoReferenceIsText() throws Exception {
        Memory m = new Memory();
        m.put("contact", "write to me@x1] or @y]");
        m.put("1", "ONE");
        m.put("y", "WHY");
        assertEquals("contact: write to me@x1] or @y]", reader.read(m, "contact: @[contact]"));
    }

    @Test
    void manyReferencesInOnePassAndDeepNesting() throws Exception {
        Memory m = new Memory();
        for (int k = 0; k < 100; k++) m.put("v" + k, "(" + k + ")");
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < 100; k++) text.append("@[v").append(k).append("] ");
        String read = reader.read(m, text.toString());
        assertTrue(read.startsWith("(0) (1) (2)") && read.endsWith("(99) "), read);
        m.put("d0", "end");
        for (int k = 1; k <= 20; k++) m.put("d" + k, "d" + (k - 1));
        String nested = "@[".repeat(21) + "d20" + "]".repeat(21);
        assertEquals("end", new Reader(30, 1000).read(m, nested));
    }

    @Test
    void anAtBracketThatStartsNoReferenceIsText() throws Exception {
        Memory m = new Memory();
        m.put("a", "A");
        assertEquals("@[not a label] @[ A @[", reader.read(m, "@[not a label] @[ @[a] @["));
        assertEquals("no references", reader.read(m, "no references"));
    }

    @Test
    void percentReferencesAreLeftForTheWriteStage() throws Exception {
        Memory m = new Memory();
        m.put("i", 2);
        assertEquals("op=\"%[B]\" %[i]=\"0\" 0", reader.read(m, "op=\"%[B]\" %[i]=\"0\" @[@[i]]"));
    }

    @Test
    void aReadThatSettlesInItsLastAllowedPassIsNotARunaway() throws Exception {
        Memory m = new Memory();
        m.put("x", "write to me@x1] or see @[not a label]");
        m.put("y", "@[x]");
        assertEquals("write to me@x1] or see @[not a label]", new Reader(1, 1000).read(m, "@[x]"));
        assertEquals("write to me@x1] or see @[not a label]", new Reader(2, 1000).read(m, "@[y]"));
    }

    @Test
    void aSelfReferenceIsStoppedAndNamed() {
        Memory m = new Memory();
        m.put("x", "@[x]");
        SubstitutionException e = assertThrows(SubstitutionException.class, () -> new Reader(10, 1000).read(m, "@[x]"));
        assertEquals(10, e.chain().size());
        assertTrue(e.getMessage().contains("@[x] -> @[x]"), e.getMessage());
        assertTrue(e.getMessage().contains("10 passes"), e.getMessage());
    }

    @Test
    void aLoopThroughTwoLabelsIsNamedInOrder() {
        Memory m = new Memory();
        m.put("a", "@[b]");
        m.put("b", "@[a]");
        SubstitutionException e = assertThrows(SubstitutionException.class, () -> new Reader(4, 1000).read(m, "@[a]"));
        assertEquals(List.of("a", "b", "a", "b"), e.chain());
    }

    @Test
    void aDoublingReferenceHitsTheLengthBound() {
        Memory m = new Memory();
        m.put("x", "@[x]@[x]");
        SubstitutionException e = assertThrows(SubstitutionException.class, () -> new Reader(1000, 10_000).read(m, "@[x]"));
        assertTrue(e.getMessage().contains("10000 characters"), e.getMessage());
    }
}
