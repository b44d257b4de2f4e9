package dev.mnemos.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Help laid out for people: lines of at most 80 columns, broken between words only. picocli breaks
 * where Java's line breaker allows, which is also inside a URL, a path or an option
 * ({@code http:} / {@code //localhost}, {@code ~/.} / {@code cache}); here picocli lays the help
 * out without a width, and each line is then wrapped at spaces, continued under the column it
 * started in (an option's description, the synopsis's options). A word longer than a line, and an
 * example command (a line that starts with the command's name or {@code bin/}), are left whole so
 * that they can be copied.
 */
final class HelpLayout {

    static final int WIDTH = 80;
    private static final int UNWRAPPED = 1000;
    private static final String USAGE = "Usage: ";
    private static final Pattern COLUMN = Pattern.compile("^(\\s+\\S(?:\\S| (?! ))*\\s{2,})\\S");

    private HelpLayout() {}

    /** Lays out the help of {@code cl} and of its subcommands this way. */
    static void apply(CommandLine cl) {
        cl.setUsageHelpWidth(UNWRAPPED);
        String name = cl.getCommandSpec().qualifiedName();
        String root = cl.getCommandSpec().root().name();
        Map<String, CommandLine.IHelpSectionRenderer> sections = new LinkedHashMap<>(cl.getHelpSectionMap());
        sections.replaceAll((key, section) -> key.equals(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS)
                ? help -> wrap(USAGE + section.render(help), name, root).substring(USAGE.length()) // after picocli's heading, "Usage: "
                : help -> wrap(section.render(help), name, root));
        cl.setHelpSectionMap(sections);
        for (CommandLine sub : cl.getSubcommands().values()) apply(sub);
    }

    /** {@code text}, each line wrapped at {@link #WIDTH} between words. */
    static String wrap(String text, String command, String root) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        String[] lines = text.split("\n", -1);
        int column = column(lines);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) out.append('\n');
            out.append(wrapLine(lines[i], command, root, column));
        }
        return out.toString();
    }

    /** The column a section's descriptions start in (options, commands, exit codes): the most common one; 0 if none. */
    private static int column(String[] lines) {
        Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (String line : lines) {
            Matcher m = COLUMN.matcher(line);
            if (m.find()) counts.merge(m.group(1).length(), 1, Integer::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0);
    }

    private static String wrapLine(String line, String command, String root, int column) {
        String trimmed = line.strip();
        boolean example = trimmed.startsWith(root + " ") || trimmed.startsWith("bin/");
        if (line.length() <= WIDTH || example && !line.startsWith(USAGE)) return line;
        int indent = indent(line, command, column);
        StringBuilder b = new StringBuilder();
        String rest = line;
        while (rest.length() > WIDTH) {
            int start = leadingSpaces(rest);
            int cut = rest.lastIndexOf(' ', WIDTH);
            if (cut <= start) cut = rest.indexOf(' ', start); // one word longer than a line: whole
            if (cut < 0 || rest.substring(cut).isBlank()) break;
            b.append(rest, 0, cut).append('\n');
            rest = " ".repeat(indent) + rest.substring(cut).stripLeading();
        }
        return b.append(rest).toString();
    }

    /** Where a wrapped line's continuations start: under the synopsis's options, an option's description, or the line's own text. */
    private static int indent(String line, String command, int column) {
        String usage = USAGE + command + " ";
        if (line.startsWith(usage)) return usage.length();
        Matcher m = COLUMN.matcher(line);
        int indent = m.find() ? m.group(1).length() : line.isBlank() || line.charAt(0) != ' ' ? 0 : Math.max(column, leadingSpaces(line));
        return indent < WIDTH / 2 ? indent : leadingSpaces(line);
    }

    private static int leadingSpaces(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') n++;
        return n;
    }
}
