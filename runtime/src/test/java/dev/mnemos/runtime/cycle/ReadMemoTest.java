package dev.mnemos.runtime.cycle;

import dev.mnemos.runtime.memory.Memory;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A remembered Read ({@link ReadMemo}) gives what the Reader gives, for any text and any memory. */
class ReadMemoTest {

    private static final String[] LABELS = {"a", "b", "0", "a0", "-", "_b"};

    /** What a read gives: the prompt, or the failure's message. */
    private static String outcome(ThrowingRead read) {
        try {
            return "prompt: " + read.get();
        } catch (SubstitutionException e) {
            return "failed: " + e.getMessage();
        }
    }

    @FunctionalInterface
    private interface ThrowingRead {
        String get() throws SubstitutionException;
    }

    @Test
    void aRememberedReadIsTheReadersOnRandomTextsAndChangingMemories() {
        Random r = new Random(2121);
        for (int trial = 0; trial < 2_000; trial++) {
            // few values, so that the same ones come back and the memo answers from its tree
            String[] pool = new String[4];
            for (int k = 0; k < pool.length; k++) pool[k] = TemplateTest.random(r, 10);
            String[] texts = {TemplateTest.random(r, 30), TemplateTest.random(r, 30), "@[a]x@[@[b]]y@[" + LABELS[r.nextInt(6)] + "]"};
            readBothWays(r, texts, pool, 40);
        }
    }

    /**
     * Values that are labels, so that reads pass them on (@[@[a]]), mixed with values that look
     * like labels but are not whole ones ("a b", "a]", "@[a]", ""), on texts that use a value as a
     * label, as text, or both, and in labels made of two values.
     */
    @Test
    void aValuePassedOnAsALabelGivesTheReadersPromptWhateverTheValue() {
        Random r = new Random(1821);
        String[] texts = {"@[b]if @[@[a]]==1", "@[@[a]]@[b]", "@[@[a]@[b]]", "@[@[@[a]]]x", "@[a]@[@[a]]", "@[@[a]]@[a]",
                "@[@[b]]-@[@[a]]", "@[ @[a]]@[@[a] ]", "@@[@[a]]"};
        String[] pool = {"a", "b", "0", "a0", "-", "_b", "a b", "a]", "@[a]", "", "[b", "b@", "0"};
        for (int trial = 0; trial < 1_000; trial++) readBothWays(r, texts, pool, 60);
    }

    /**
     * One run of {@code cycles} reads of the texts, memory changed before each (a label removed,
     * an integer, or a value of the pool): the memo gives what the Reader gives every time.
     */
    private static void readBothWays(Random r, String[] texts, String[] pool, int cycles) {
        Reader reader = new Reader(8, 200);
        ReadMemo memo = new ReadMemo(reader);
        Memory memory = new Memory(r.nextBoolean() ? "0" : "");
        for (int cycle = 0; cycle < cycles; cycle++) {
            String label = LABELS[r.nextInt(LABELS.length)];
            if (r.nextInt(5) == 0) memory.remove(label);
            else if (r.nextInt(4) == 0) memory.put(label, r.nextInt(3));
            else memory.put(label, pool[r.nextInt(pool.length)]);
            String text = texts[r.nextInt(texts.length)];
            assertEquals(outcome(() -> reader.read(memory, text)), outcome(() -> memo.read(memory, text)),
                    () -> "text " + text + " in " + memory);
        }
    }

    /** U15,2 reads the cell under the head, @[@[i]]: one prompt per symbol read, wherever the head is. */
    @Test
    void aCellReadThroughTheHeadIsBuiltOncePerSymbolNotPerCell() throws Exception {
        Memory memory = new Memory();
        memory.put("boot", "x".repeat(300));
        for (int cell = 0; cell < 100; cell++) memory.put(String.valueOf(cell), cell % 3 == 0 ? "1" : "0");
        ReadMemo memo = new ReadMemo(new Reader());
        String text = "@[boot]if @[@[i]]==1";
        for (int cell = 0; cell < 100; cell++) {
            memory.put("i", cell);
            assertEquals("x".repeat(300) + "if " + (cell % 3 == 0 ? 1 : 0) + "==1", memo.read(memory, text));
        }
        assertEquals(2, memo.built(), "built once for a 1 under the head, once for a 0");
        memory.put("i", "a b");
        assertEquals("x".repeat(300) + "if @[a b]==1", memo.read(memory, text), "a head that names no label: read in full");
        assertEquals(3, memo.built());
    }

    @Test
    void equalPromptsAreOneStringAndANewValueMakesANewPrompt() throws Exception {
        Memory memory = new Memory();
        String boot = "x".repeat(300);
        memory.put("boot", boot);
        memory.put("i", 7);
        memory.put("7", "1");
        memory.put("8", "1");
        memory.put("9", "0");
        ReadMemo memo = new ReadMemo(new Reader());
        String text = "@[boot]if @[@[i]]==1";
        String first = memo.read(memory, text);
        assertEquals(boot + "if 1==1", first);
        memory.put("i", 8);
        assertSame(first, memo.read(memory, text), "cell 8 holds what cell 7 held: the same prompt, not built again");
        memory.put("i", 9);
        String other = memo.read(memory, text);
        assertEquals(boot + "if 0==1", other);
        memory.put("i", 7);
        assertSame(first, memo.read(memory, text));
        memory.put("7", "0");
        assertSame(other, memo.read(memory, text), "a changed cell leads down another branch");
        memory.put("boot", "y");
        assertEquals("yif 0==1", memo.read(memory, text));
        assertNotSame(first, memo.read(memory, "@[boot]if @[@[i]]==1 "));
    }

    /**
     * A value passed on as a label by a read past the eighth (nine reads of the text come before
     * the head's): the remembered path is walked again, and the value must be kept for the read
     * that uses it, wherever on the path it was read.
     */
    @Test
    void aValuePassedOnAfterNineReadsIsKeptForTheReadThatUsesIt() throws Exception {
        Memory memory = new Memory();
        memory.put("a", "x");
        memory.put("i", 7);
        memory.put("7", "1");
        memory.put("8", "0");
        Reader reader = new Reader();
        ReadMemo memo = new ReadMemo(reader);
        String text = "@[a]".repeat(9) + "@[@[i]]";
        assertEquals("x".repeat(9) + "1", memo.read(memory, text));
        memory.put("i", 8);
        assertEquals(reader.read(memory, text), memo.read(memory, text));
    }

    private static final String[] NESTED_LABELS = {"a", "b", "c", "ab", "0", "1", "-", "L".repeat(64), "M".repeat(65), "N".repeat(400)};

    /** A random piece of text: '@[', ']', a label, a reference, or a reference whose label is made of pieces. */
    private static String piece(Random r, int depth) {
        switch (r.nextInt(depth > 3 ? 6 : 10)) {
            case 0: return "@[";
            case 1: return "]";
            case 2: return NESTED_LABELS[r.nextInt(NESTED_LABELS.length)];
            case 3: return String.valueOf("@[] x-".charAt(r.nextInt(6)));
            case 4: return "@[" + NESTED_LABELS[r.nextInt(NESTED_LABELS.length)] + "]";
            case 5: return "@";
            default: {
                StringBuilder s = new StringBuilder("@[");
                for (int k = r.nextInt(3) + 1; k > 0; k--) s.append(piece(r, depth + 1));
                return s.append("]").toString();
            }
        }
    }

    /**
     * Nested references several passes deep, values that are labels of up to 64 characters and
     * past it, values that are pieces of references, few or many passes allowed, a length bound
     * from tight to the default: the memo gives what the Reader gives, failures included. (With
     * ReadMemo's growth of 'passed' mended it passes; it fails with the cap of 64 or the length
     * bound taken out of ReadMemo.)
     */
    @Test
    void aRememberedReadIsTheReadersOnNestedTextsLongLabelsAndAnyBounds() {
        for (int trial = 0; trial < 3_000; trial++) {
            Random r = new Random(1_000_003L + trial);
            int maxPasses = 1 + r.nextInt(8);
            int maxLength = r.nextInt(3) == 0 ? Reader.DEFAULT_MAX_LENGTH : 20 + r.nextInt(600);
            Reader reader = new Reader(maxPasses, maxLength);
            ReadMemo memo = new ReadMemo(reader);
            Memory memory = new Memory(r.nextBoolean() ? "0" : (r.nextBoolean() ? "" : "a"));
            String[] texts = new String[1 + r.nextInt(3)];
            for (int k = 0; k < texts.length; k++) {
                StringBuilder t = new StringBuilder();
                for (int p = r.nextInt(5) + 1; p > 0; p--) t.append(piece(r, 0));
                texts[k] = t.toString();
            }
            String[] pool = new String[3 + r.nextInt(5)];
            for (int k = 0; k < pool.length; k++) {
                int kind = r.nextInt(8);
                pool[k] = kind < 3 ? NESTED_LABELS[r.nextInt(NESTED_LABELS.length)] : kind == 3 ? ""
                        : kind == 4 ? "x".repeat(r.nextInt(80)) : kind == 5 ? piece(r, 2) : TemplateTest.random(r, 8);
            }
            for (String label : NESTED_LABELS) if (r.nextBoolean()) memory.put(label, pool[r.nextInt(pool.length)]);
            for (int cycle = 0; cycle < 80; cycle++) {
                for (int change = r.nextInt(3); change > 0; change--) {
                    String label = NESTED_LABELS[r.nextInt(NESTED_LABELS.length)];
                    if (r.nextInt(6) == 0) memory.remove(label);
                    else if (r.nextInt(6) == 0) memory.put(label, r.nextInt(3));
                    else memory.put(label, pool[r.nextInt(pool.length)]);
                }
                String text = texts[r.nextInt(texts.length)];
                int t = trial;
                assertEquals(outcome(() -> reader.read(memory, text)), outcome(() -> memo.read(memory, text)),
                        () -> "trial " + t + ": text " + text + " in " + memory);
            }
        }
    }
}
