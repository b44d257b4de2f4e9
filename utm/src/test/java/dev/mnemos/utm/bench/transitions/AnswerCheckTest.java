package dev.mnemos.utm.bench.transitions;

import dev.mnemos.runtime.cycle.ParseMode;
import dev.mnemos.utm.bench.transitions.AnswerCheck.Outcome;
import dev.mnemos.utm.bench.transitions.AnswerCheck.Verdict;
import dev.mnemos.utm.prompt.PromptFiles;
import dev.mnemos.utm.prompt.PromptSet;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerCheckTest {

    static final PromptSet U152 = PromptFiles.u152();
    final AnswerCheck strict = new AnswerCheck(U152, ParseMode.STRICT);

    @Test
    void theReferenceAnswerToEachOfThe29PromptsIsCorrect() {
        assertEquals(29, U152.transitions().size());
        for (PromptSet.Transition t : U152.transitions()) {
            assertTrue(strict.check(t, t.answer()).correct(), t.state() + "/" + t.symbols());
        }
    }

    @Test
    void anAnswerSpeltDifferentlyWithTheSameEffectIsCorrect() {
        // G reading 0 is 0 L H; parts in another order, no outer quotes, other spacing
        assertEquals(Outcome.CORRECT, strict.check("G", "0", "i-=1   %[i]=\"0\" op=\"%[H]\"").outcome());
        assertEquals(Outcome.CORRECT, strict.check("G", "0", "  \" op=\"%[H]\" %[i]=\"0\" i-=1 \"  ").outcome());
    }

    @Test
    void gReading0MovingRightIsWrongAndTheProblemSaysHow() {
        Verdict v = strict.check("G", "0", "\" op=\"%[H]\" %[i]=\"0\" i+=1 \"");
        assertEquals(Outcome.WRONG, v.outcome());
        assertEquals("expected op=H, write 0, move L; got op=H, write 0, move R", v.problem());
    }

    @Test
    void aWrongStateOrSymbolIsWrong() {
        assertEquals(Outcome.WRONG, strict.check("A", "0", "\" op=\"%[C]\" %[i]=\"0\" i+=1 \"").outcome());
        assertEquals(Outcome.WRONG, strict.check("A", "0", "\" op=\"%[B]\" %[i]=\"1\" i+=1 \"").outcome());
        // B reading 0 writes 1: leaving the cell alone leaves the 0
        assertEquals(Outcome.WRONG, strict.check("B", "0", "\" op=\"%[C]\" i+=1 \"").outcome());
    }

    @Test
    void leavingOutAWriteThatChangesNothingHasTheSameEffect() {
        // A reading 0 writes 0 back: the effect is the same without the write
        assertEquals(Outcome.CORRECT, strict.check("A", "0", "\" op=\"%[B]\" i+=1 \"").outcome());
    }

    @Test
    void writingAnyOtherLabelIsWrong() {
        Verdict v = strict.check("A", "0", "\" op=\"%[B]\" %[i]=\"0\" i+=1 x=\"1\" \"");
        assertEquals(Outcome.WRONG, v.outcome());
        assertTrue(v.problem().endsWith("also x = 1"), v.problem());
    }

    @Test
    void theHaltAnswerIsRightOnlyForJReading1() {
        String halt = "\" op=\"halt\" \"";
        assertTrue(strict.check("J", "1", halt).correct());
        assertEquals(Outcome.WRONG, strict.check("J", "0", halt).outcome());
        assertEquals(Outcome.WRONG, strict.check("J", "1", "\" op=\"%[K]\" %[i]=\"1\" i-=1 \"").outcome());
    }

    @Test
    void fsSharedPromptIsCheckedForBothSymbols() {
        PromptSet.Transition f = U152.transitions().stream().filter(t -> t.state().equals("F")).findFirst().orElseThrow();
        assertEquals(java.util.List.of("0", "1"), f.symbols());
        assertTrue(strict.check(f, "\" op=\"%[D]\" %[i]=\"1\" i-=1 \"").correct());
        assertEquals(Outcome.WRONG, strict.check(f, "\" op=\"%[D]\" %[i]=\"0\" i-=1 \"").outcome());
    }

    @Test
    void proseAroundTheAnswerDoesNotParseInStrictModeButDoesInLenient() {
        String chatty = "Sure! The result is:\n\" op=\"%[B]\" %[i]=\"0\" i+=1 \"\nHope that helps.";
        assertEquals(Outcome.UNPARSEABLE, strict.check("A", "0", chatty).outcome());
        assertTrue(new AnswerCheck(U152, ParseMode.LENIENT).check("A", "0", chatty).correct());
        assertEquals(Outcome.UNPARSEABLE, strict.check("A", "0", "").outcome());
    }

    @Test
    void aTargetOutsideTheLabelAlphabetIsABadWrite() {
        // %[op] names the text of A, which is not a label
        Verdict v = strict.check("A", "0", "%[op]=\"1\"");
        assertEquals(Outcome.BAD_WRITE, v.outcome());
        assertTrue(v.problem().contains("not in the label alphabet"), v.problem());
    }
}
