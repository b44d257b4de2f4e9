package dev.mnemos.runtime.cycle;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class InstructionParserTest {

    private final InstructionParser strict = new InstructionParser(ParseMode.STRICT);
    private final InstructionParser lenient = new InstructionParser(ParseMode.LENIENT);

    @Test
    void schuurmansInstructionParsesIntoItsThreeParts() throws Exception {
        Instruction ins = strict.parse(" \" op=\"%[B]\" %[i]=\"0\" i+=1 \"\n");
        assertEquals(List.of(new Instruction.Assign("op", "%[B]"), new Instruction.Assign("%[i]", "0"),
                new Instruction.Update("i", 1)), ins.parts());
    }

    @Test
    void theHaltFormAndLeftMoves() throws Exception {
        assertEquals(List.of(new Instruction.Assign("op", "halt")), strict.parse("\" op=\"halt\" \"").parts());
        assertEquals(List.of(new Instruction.Update("i", -1)), strict.parse("i-=1").parts());
        assertEquals(List.of(new Instruction.Assign("cell_%[i]", "a b c")), strict.parse("cell_%[i]=\"a b c\"").parts());
    }

    @Test
    void anInstructionIsOneLineInStrictModeAsInLenient() throws Exception {
        String twoLines = "i+=1\nop=\"halt\"";
        ParseException e = assertThrows(ParseException.class, () -> strict.parse(twoLines));
        assertTrue(e.getMessage().contains("line break at column 5"), e.getMessage());
        assertEquals(List.of(new Instruction.Update("i", 1)), lenient.parse(twoLines).parts(), "lenient mode takes the first line");
    }

    @Test
    void strictModeRefusesProse() {
        ParseException e = assertThrows(ParseException.class, () -> strict.parse("Sure! Here it is:\n\" op=\"%[B]\" \""));
        assertTrue(e.getMessage().contains("strict"), e.getMessage());
        assertTrue(e.getMessage().contains("Sure! Here it is"), "the raw text is in the message");
        assertEquals("Sure! Here it is:\n\" op=\"%[B]\" \"", e.raw());
    }

    @Test
    void lenientModeTakesTheFirstLineThatParsesAndKeepsTheRest() throws Exception {
        Instruction ins = lenient.parse("Sure! Here is the next instruction:\n`\" op=\"%[B]\" %[i]=\"0\" i+=1 \"`\nHope that helps.");
        assertEquals(3, ins.parts().size());
        assertEquals("Sure! Here is the next instruction:\nHope that helps.", ins.skipped());
    }

    @Test
    void lenientModeFindsTheInstructionAfterProseOnItsLine() throws Exception {
        Instruction ins = lenient.parse("The answer is \" op=\"%[A]\" %[i]=\"1\" i+=1 \"");
        assertEquals("\" op=\"%[A]\" %[i]=\"1\" i+=1 \"", ins.text());
    }

    @Test
    void lenientModeStillFailsWhenNoLineParses() {
        ParseException e = assertThrows(ParseException.class, () -> lenient.parse("I cannot do that.\nSorry."));
        assertTrue(e.getMessage().contains("lenient"), e.getMessage());
    }

    @Test
    void malformedInstructionsAreRefusedWithAReason() {
        for (String bad : List.of("", "   ", "\"\"", "op=\"unclosed", "\" op=\"x\"", "i+=", "i+=x", "=\"v\"",
                "%[=\"v\"", "a=\"1\"b=\"2\"junk", "i+=1x=\"2\"", "op=\"x\" \" trailing")) {
            assertThrows(ParseException.class, () -> strict.parse(bad), bad);
        }
    }

    @Test
    void quotesInsideTheOuterQuotesAreValuesNotEnds() throws Exception {
        Instruction ins = strict.parse("\" a=\"1\" b=\"2\" \"");
        assertEquals(2, ins.parts().size());
    }

    @Test
    void aMegabyteOfAdversarialOutputReturnsPromptly() {
        int n = 1 << 20;
        List<String> attacks = List.of(
                "\"".repeat(n),
                "%[".repeat(n / 2),
                "a=\"%[".repeat(n / 5),
                "[".repeat(n / 2) + "]".repeat(n / 2),
                "x%[y%[z".repeat(n / 7),
                ("op=\"" + "\\\"".repeat(100) + "\n").repeat(n / 206),
                "a=\"1\" ".repeat(n / 7) + "oops",
                ("\" op=\"%[B]\" " + "%[i]=\"0\" ").repeat(n / 22));
        for (String attack : attacks) {
            for (InstructionParser p : List.of(strict, lenient)) {
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                    try {
                        p.parse(attack);
                    } catch (ParseException expected) {
                        // refusing is fine; hanging is not
                    }
                }, "adversarial input of " + attack.length() + " chars starting " + attack.substring(0, 12));
            }
        }
    }
}
