package dev.mnemos.runtime.cycle;

/** The model's output holds no instruction (in the mode asked for). Carries the raw output. */
public class ParseException extends CycleException {

    private final String raw;

    public ParseException(String message, String raw) {
        super(message + "; raw output: " + excerpt(raw));
        this.raw = raw;
    }

    /** The model's output, whole. */
    public String raw() {
        return raw;
    }

    static String excerpt(String raw) {
        String s = raw.length() > 200 ? raw.substring(0, 200) + "...(" + raw.length() + " chars)" : raw;
        return "\"" + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\"", "\\\"") + "\"";
    }

    /** The answer is not an instruction: {@link Kind#UNPARSEABLE}. */
    @Override
    public Kind fault() {
        return Kind.UNPARSEABLE;
    }
}
