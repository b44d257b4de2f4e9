package dev.mnemos.runtime.cycle;

import java.util.HashMap;

/**
 * The parses of one run, remembered by the answer's text: parsing is a function of the text and
 * the mode alone, and an {@link Instruction} is immutable, so an answer seen before (U15,2 gives
 * 29 distinct ones in 120,966 cycles) is parsed once. Answers that do not parse are not kept
 * (their {@link ParseException} is thrown each time); nor are texts longer than
 * {@value #LONGEST} characters. At most {@value #MAX} are kept: then it starts again empty.
 * One run's, not thread-safe.
 */
final class ParseMemo {

    static final int MAX = 4096;
    static final int LONGEST = 1024;

    private final InstructionParser parser;
    private final HashMap<String, Instruction> parsed = new HashMap<>();

    ParseMemo(InstructionParser parser) {
        this.parser = parser;
    }

    /** What {@link InstructionParser#parse parser.parse(text)} gives: an equal instruction. */
    Instruction parse(String text) throws ParseException {
        if (text.length() > LONGEST) return parser.parse(text);
        Instruction instruction = parsed.get(text);
        if (instruction != null) return instruction;
        instruction = parser.parse(text);
        if (parsed.size() >= MAX) parsed.clear();
        parsed.put(text, instruction);
        return instruction;
    }
}
