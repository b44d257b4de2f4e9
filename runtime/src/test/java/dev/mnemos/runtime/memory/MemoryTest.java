package dev.mnemos.runtime.memory;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MemoryTest {

    @Test
    void absentLabelReadsAsTheBlank() {
        assertEquals("0", new Memory().read("263"));
        assertEquals("_", new Memory("_").read("263"));
    }

    @Test
    void integersReadAsDecimalText() {
        Memory m = new Memory();
        m.put("i", 263);
        assertEquals("263", m.read("i"));
        assertEquals(263L, m.readLong("i"));
        m.put("-3", "1");
        assertEquals("1", m.read("-3"));
    }

    @Test
    void integerTextCountsAsAnInteger() {
        Memory m = new Memory();
        m.put("n", " 42 ");
        assertEquals(42L, m.readLong("n"));
        assertEquals(0L, m.readLong("absent"));
        m.put("s", "abc");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.readLong("s"));
        assertTrue(e.getMessage().contains("'s'"), e.getMessage());
    }

    @Test
    void labelsOutsideTheAlphabetAreRefused() {
        Memory m = new Memory();
        for (String bad : List.of("", "a b", "x]", "@[i]", "é", "op\n")) {
            BadLabelException e = assertThrows(BadLabelException.class, () -> m.put(bad, "1"), bad);
            assertTrue(e.getMessage().contains("[A-Za-z0-9_-]+"));
        }
        assertEquals(0, m.size());
    }

    @Test
    void snapshotRestoreAndDiff() {
        Memory m = new Memory();
        m.put("a", "1");
        m.put("i", 5);
        Memory.Snapshot before = m.snapshot();
        m.put("a", "2");
        m.put("b", "x");
        m.remove("i");
        List<Change> diff = Memory.diff(before, m.snapshot());
        assertEquals(List.of(new Change("a", "1", "2"), new Change("b", null, "x"), new Change("i", 5L, null)), diff);
        m.restore(before);
        assertEquals("1", m.read("a"));
        assertEquals(5L, m.get("i"));
        assertFalse(m.contains("b"));
    }

    @Test
    void setAcceptsOnlyStringsAndIntegers() {
        Memory m = new Memory();
        m.set("x", 3);
        assertEquals(3L, m.get("x"));
        assertThrows(IllegalArgumentException.class, () -> m.set("y", 1.5));
        m.set("x", null);
        assertFalse(m.contains("x"));
    }
}
