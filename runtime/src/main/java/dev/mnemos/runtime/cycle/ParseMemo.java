package dev.mnemos.runtime.cycle;

import java.util.HashMap;

/**
 * The parses of one run, remembered by the answer's text: parsing is a function of the text and
 * the mode alone, and an {@link Instruction} is immutable, so an answer seen before (U15,2 gives
 * 29 distinct ones in 120,966 cycles) is parsed, and planned for the Write stage
 * ({@link Writer#plan}), once. Answers that do not parse are not kept
 * (their {@link ParseException} is thrown each time); nor are texts longer than
 * {@value #LONGEST} characters. At most {@value #MAX} are kept: then it starts again empty.
 * One run's, not thread-safe.
 */
final class ParseMemo {

    static final int MAX = 4096;
    static final int LONGEST = 1024;

    private final InstructionParser parser;
    private final HashMap<String, Writer.Plan> parsed = new HashMap<>();

    ParseMemo(InstructionParser parser) {
        this.parser = parser;
    }

    /** The plan of what {@link InstructionParser#parse parser.parse(text)} gives. */
    Writer.Plan parse(String text) throws ParseException {
        if (text.length() > LONGEST) return Writer.plan(parser.parse(text));
        Writer.Plan plan = parsed.get(text);
        if (plan != null) return plan;
        plan = Writer.plan(parser.parse(text));
        if (parsed.size() >= MAX) parsed.clear();
        parsed.put(text, plan);
        return plan;
    }
}
