package dev.mnemos.utm.prompt;

import dev.mnemos.runtime.cycle.InstructionParser;
import dev.mnemos.runtime.cycle.ParseException;
import dev.mnemos.runtime.cycle.ParseMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code prompts/instruction.gbnf}, the grammar that constrains a model's decoding to the runtime's
 * instruction syntax: every right answer of U15,2 is in it, prose is not, and everything in it is
 * an instruction the runtime's strict parser reads.
 */
class InstructionGrammarTest {

    static final Gbnf GRAMMAR = Gbnf.parse(resource("prompts/instruction.gbnf"));
    static final InstructionParser STRICT = new InstructionParser(ParseMode.STRICT);

    @Test
    void everyReferenceAnswerOfTheTwentyNineTransitionsIsInTheLanguage() {
        var transitions = PromptFiles.u152().transitions();
        assertEquals(29, transitions.size());
        for (PromptSet.Transition t : transitions) {
            assertTrue(GRAMMAR.matches(t.answer()), t.state() + "/" + t.symbols() + ": " + t.answer());
            assertTrue(GRAMMAR.matches(t.answer() + "\n"), "with the line break a completion ends on");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "op=\"%[B]\" %[i]=\"0\" i+=1",
            "\"op=\"halt\"\"",
            "  \" i-=1 %[i]=\"1\" op=\"%[H]\" \" ",
            "i--=2",
            "a-=\"x\"",
            "n-=1 op=\"%[A]\"",
            "x=\"\"",
            "i+=999999999999999999"})
    void instructionsTheParserReadsAreInIt(String instruction) throws ParseException {
        STRICT.parse(instruction);
        assertTrue(GRAMMAR.matches(instruction), instruction);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "Sure! The answer is \" op=\"%[B]\" %[i]=\"0\" i+=1 \"",
            "result = \" op=\"%[B]\" %[i]=\"0\" i+=1 \"",
            "$result",
            "if @[@[i]]==1 then result = \" op=\"%[A]\" \"",
            "The machine moves right and goes to state B.",
            "```\nop=\"%[B]\"\n```",
            "op=\"%[B]\"\ni+=1",
            "\" op=\"%[B]\" %[i]=\"0\" i+=1",
            "op=%[B]",
            "i+=",
            "i+=1000000000000000000",
            "%[]=\"1\"",
            "op=\"a\"b"})
    void proseAndBrokenInstructionsAreNot(String text) {
        assertFalse(GRAMMAR.matches(text), text);
    }

    @Test
    void everyMemberOfTheLanguageParsesInStrictMode() throws ParseException {
        Random random = new Random(18);
        for (int i = 0; i < 2_000; i++) {
            String member = GRAMMAR.sample(random, 4);
            assertTrue(GRAMMAR.matches(member), member);
            STRICT.parse(member);
        }
    }

    @Test
    void theGrammarNamesNoStateOrAnswer() {
        String text = resource("prompts/instruction.gbnf");
        String rules = text.lines().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
        for (String specific : new String[] {"op", "halt", "%[A]", "%[B]", "i+=1", "\"0\"", "\"1\""}) {
            assertFalse(rules.contains(specific), specific);
        }
    }

    static String resource(String name) {
        try (InputStream in = InstructionGrammarTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
