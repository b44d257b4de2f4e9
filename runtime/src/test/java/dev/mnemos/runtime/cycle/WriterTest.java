package dev.mnemos.runtime.cycle;

import dev.mnemos.runtime.memory.Change;
import dev.mnemos.runtime.memory.Memory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class WriterTest {

    private static final String B = "@[boot]result = \" op=\"%[C]\" %[i]=\"1\" i+=1 \"\n$result\n";

    private final Writer writer = new Writer();
    private final InstructionParser parser = new InstructionParser(ParseMode.STRICT);

    @Test
    void theSpecsExampleCycle() throws Exception {
        Memory m = new Memory();
        m.put("B", B);
        m.put("i", 2);
        List<Change> changes = writer.apply(m, parser.parse("\" op=\"%[B]\" %[i]=\"0\" i+=1 \""));
        assertEquals(B, m.read("op"), "op holds the text of B, quotes and references as they are");
        assertEquals("0", m.read("2"));
        assertEquals(3L, m.get("i"));
        assertEquals(List.of(new Change("op", null, B), new Change("2", null, "0"), new Change("i", 2L, 3L)), changes);
    }

    @Test
    void referencesResolveAgainstMemoryBeforeTheWrite() throws Exception {
        Memory m = new Memory();
        m.put("i", 5);
        writer.apply(m, parser.parse("i+=1 %[i]=\"x\" j=\"%[i]\""));
        assertEquals("x", m.read("5"), "cell 5, not 6");
        assertEquals("5", m.read("j"));
        assertEquals(6L, m.get("i"));
    }

    @Test
    void insertedTextIsNotScannedAgain() throws Exception {
        Memory m = new Memory();
        m.put("a", "%[b]");
        m.put("b", "B");
        writer.apply(m, parser.parse("x=\"%[a]\" y=\"<%[a]>\""));
        assertEquals("%[b]", m.read("x"));
        assertEquals("<%[b]>", m.read("y"));
    }

    @Test
    void updatesAddUpWithinOneInstruction() throws Exception {
        Memory m = new Memory();
        m.put("i", 1);
        writer.apply(m, parser.parse("i+=2 i-=5"));
        assertEquals(-2L, m.get("i"));
        writer.apply(m, parser.parse("k+=1"));
        assertEquals(1L, m.get("k"), "an absent label counts as the blank, 0");
    }

    @Test
    void aBadTargetChangesNothing() throws Exception {
        Memory m = new Memory();
        m.put("i", 4);
        m.put("t", "not a label");
        Memory.Snapshot before = m.snapshot();
        WriteException e = assertThrows(WriteException.class, () -> writer.apply(m, parser.parse("i+=1 %[t]=\"1\"")));
        assertTrue(e.getMessage().contains("'not a label'"), e.getMessage());
        assertEquals(before, m.snapshot());
    }

    @Test
    void updatingTextChangesNothing() throws Exception {
        Memory m = new Memory();
        m.put("s", "abc");
        Memory.Snapshot before = m.snapshot();
        WriteException e = assertThrows(WriteException.class, () -> writer.apply(m, parser.parse("x=\"1\" s+=1")));
        assertTrue(e.getMessage().contains("'abc'"), e.getMessage());
        assertEquals(before, m.snapshot());
    }

    @Test
    void overflowChangesNothing() throws Exception {
        Memory m = new Memory();
        m.put("i", Long.MAX_VALUE);
        assertThrows(WriteException.class, () -> writer.apply(m, parser.parse("i+=1")));
        assertEquals(Long.MAX_VALUE, m.get("i"));
    }
}
