package dev.mnemos.runtime.cycle;

import dev.mnemos.runtime.memory.Memory;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A planned first pass ({@link Template}) does what the Reader's scanning pass does on the same text. */
class TemplateTest {

    /** Texts and values made of the characters that matter: '@', '[', ']', label characters, others. */
    static String random(Random r, int maxLength) {
        String alphabet = "@@[[]]ab0-_ x%\n";
        StringBuilder s = new StringBuilder();
        for (int k = r.nextInt(maxLength + 1); k > 0; k--) s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return s.toString();
    }

    @Test
    void aPlannedPassIsTheScanningPassOnRandomTextsAndValues() {
        Random r = new Random(21);
        Reader reader = new Reader(64, 200);
        for (int trial = 0; trial < 20_000; trial++) {
            Memory memory = new Memory(r.nextBoolean() ? "0" : "");
            for (String label : new String[] {"a", "b", "0", "a0", "-", "_b"}) {
                if (r.nextInt(4) > 0) memory.put(label, random(r, 12));
            }
            String text = random(r, 40);
            Template plan = Template.plan(reader, text);
            if (Reader.find(text, 0) < 0) {
                assertNull(plan, text);
                continue;
            }
            StringBuilder planned = new StringBuilder("pre@");
            StringBuilder scanned = new StringBuilder("pre@");
            Reader.Pass a = plan.substitute(memory, planned, null);
            Reader.Pass b = reader.substitute(memory, text, Reader.find(text, 0), scanned, null);
            assertEquals(scanned.toString(), planned.toString(), text);
            assertEquals(b, a, text);
        }
    }

    @Test
    void aLongValueWithoutAnAtIsLookedAtOnceAndAnotherValueStillIs() throws Exception {
        Reader reader = new Reader();
        Memory memory = new Memory();
        String boot = "x".repeat(2048);
        memory.put("boot", boot);
        memory.put("c", "@[d]");
        memory.put("d", "D");
        memory.put("op", "@[boot]@[c]");
        assertEquals(boot + "D", reader.read(memory, memory.read("op")));
        assertEquals(boot + "D", reader.read(memory, memory.read("op")), "the second read, from the plan and the remembered boot");
        memory.put("boot", "y".repeat(300) + "@[d]");
        assertEquals("y".repeat(300) + "DD", reader.read(memory, memory.read("op")), "a new boot is scanned");
    }
}
