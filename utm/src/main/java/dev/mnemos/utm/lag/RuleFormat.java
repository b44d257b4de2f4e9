package dev.mnemos.utm.lag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code KEY:VALUE} rule format of Schuurmans, Dai and Zanini: one rule per line, every symbol
 * the same number of characters, a key two symbols, a value any number ({@code aBgJ:vD}). The
 * symbol width is detected from the first key (half its length) or given. Blank lines are skipped;
 * a line starting with {@code #} is a comment, and {@code #halt: xY zW} (ours) declares halt
 * symbols. The same key twice with the same value is a repeat (their repaired dictionaries repeat
 * rules); with another value it is an error. Every error names the file and the line.
 */
public final class RuleFormat {

    private static final String HALT = "#halt:";

    private RuleFormat() {}

    public static LagSystem read(Path file, int width) {
        return parse(readText(file), file.toString(), width);
    }

    static String readText(Path file) {
        return dev.mnemos.utm.machine.JsonFile.read(file, LagException::new);
    }

    /**
     * Parses rules; {@code width} is the symbol width in characters, or 0 to detect it from the
     * first key. {@code source} (the file name) starts every message.
     */
    public static LagSystem parse(String text, String source, int width) {
        if (width < 0) throw new LagException("symbol width " + width + ": must be positive (or 0 to detect it)");
        LagSystem.Builder b = LagSystem.builder(source);
        List<String[]> halts = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            String where = source + " line " + (n + 1);
            if (line.isEmpty()) continue;
            if (line.startsWith(HALT)) {
                halts.add(new String[] {where, line.substring(HALT.length()).strip()});
                continue;
            }
            if (line.startsWith("#")) continue;
            if (width == 0) width = detect(line, where);
            addRule(b, line, width, where);
        }
        for (String[] h : halts) {
            for (String token : h[1].split("\\s+")) {
                if (!token.isEmpty()) for (String s : split(token, width == 0 ? token.length() : width, "halt symbol", h[0])) b.halt(s);
            }
        }
        try {
            return b.build();
        } catch (LagException e) {
            if (e.getMessage().endsWith(": no rules")) throw new LagException(source + ": no rules (expected lines KEY:VALUE)");
            throw e;
        }
    }

    private static int detect(String line, String where) {
        int colon = line.indexOf(':');
        if (colon < 0) throw new LagException(where + ": '" + shorten(line) + "' is not KEY:VALUE");
        if (colon == 0 || colon % 2 != 0) {
            throw new LagException(where + ": key '" + line.substring(0, colon) + "' has " + colon
                    + " characters; a key is two symbols of one width, so its length must be even (give the width to read it otherwise)");
        }
        return colon / 2;
    }

    private static void addRule(LagSystem.Builder b, String line, int width, String where) {
        int colon = line.indexOf(':');
        if (colon < 0 || line.indexOf(':', colon + 1) >= 0) {
            throw new LagException(where + ": '" + shorten(line) + "' is not KEY:VALUE (exactly one ':')");
        }
        String key = line.substring(0, colon).strip();
        String value = line.substring(colon + 1).strip();
        if (key.length() != 2 * width) {
            throw new LagException(where + ": key '" + key + "' has " + key.length() + " characters; keys are two "
                    + width + "-character symbols (" + 2 * width + " characters)");
        }
        List<String> k = split(key, width, "key", where);
        try {
            b.rule(k.get(0), k.get(1), split(value, width, "value", where), where);
        } catch (LagException e) {
            if (e.getMessage().startsWith(where)) throw e;
            throw new LagException(where + ": " + e.getMessage());
        }
    }

    private static List<String> split(String text, int width, String what, String where) {
        if (text.length() % width != 0) {
            throw new LagException(where + ": " + what + " '" + text + "' has " + text.length()
                    + " characters, not a whole number of " + width + "-character symbols");
        }
        List<String> out = new ArrayList<>(text.length() / width);
        for (int at = 0; at < text.length(); at += width) out.add(text.substring(at, at + width));
        return out;
    }

    private static String shorten(String line) {
        return line.length() <= 40 ? line : line.substring(0, 40) + "...";
    }

    /** The rules in this format, one per line in {@code order} (rules may repeat), then the halt symbols. */
    public static String format(LagSystem system, List<Rule> order) {
        if (system.symbolWidth() == 0) {
            throw new LagException(system.name() + ": symbol names differ in width; the KEY:VALUE format needs one width (rename them)");
        }
        StringBuilder sb = new StringBuilder();
        for (Rule r : order) sb.append(system.keyText(r)).append(':').append(system.valueText(r)).append('\n');
        List<Integer> halt = system.haltSymbols();
        if (!halt.isEmpty()) {
            sb.append(HALT);
            for (int s : halt) sb.append(' ').append(system.symbol(s));
            sb.append('\n');
        }
        return sb.toString();
    }

    public static String format(LagSystem system) {
        return format(system, system.rules());
    }
}
