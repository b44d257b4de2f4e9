package dev.mnemos.cli.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The commands a README shows, read from its fenced blocks (no language, {@code sh} or
 * {@code console}; {@code java} and {@code json} blocks are code and data, not commands):
 * <ul>
 * <li>{@code $ COMMAND} followed by lines: the command and the output it prints (standard output
 *     and standard error as a terminal shows them), up to the next {@code $} line or the block's end;</li>
 * <li>a line starting with {@code bin/}, {@code mvn } or {@code java }: a command whose output is
 *     not shown;</li>
 * <li>a synopsis is not a command: a line with {@code [OPTION]}, {@code UPPER.json} or
 *     {@code PORT} placeholders;</li>
 * <li>{@code #} starts a comment (outside quotes); a line ending in {@code \} goes on on the next.</li>
 * </ul>
 */
record Readme(String name, List<Example> examples) {

    private static final Set<String> COMMAND_BLOCKS = Set.of("", "sh", "console");

    /** One command as the README shows it: its line, its text, and the output shown (null: none shown). */
    record Example(int line, String command, List<String> output) {
        List<String> words() {
            return ShellWords.split(command);
        }

        @Override
        public String toString() {
            return "line " + line + ": " + command;
        }
    }

    static Readme read(Path root, String name) throws IOException {
        return new Readme(name, examples(Files.readAllLines(root.resolve(name))));
    }

    static List<Example> examples(List<String> lines) {
        List<Example> out = new ArrayList<>();
        boolean inBlock = false, commands = false;
        Example shown = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                if (shown != null) out.add(shown);
                shown = null;
                commands = !inBlock && COMMAND_BLOCKS.contains(line.substring(3).strip());
                inBlock = !inBlock;
                continue;
            }
            if (!commands) continue;
            int first = i;
            while (line.endsWith("\\") && i + 1 < lines.size()) line = line.substring(0, line.length() - 1) + " " + lines.get(++i).strip();
            if (line.startsWith("$ ")) {
                if (shown != null) out.add(shown);
                shown = new Example(first + 1, command(line.substring(2)), new ArrayList<>());
            } else if (shown != null) {
                shown.output().add(line);
            } else if (isCommand(line) && !isSynopsis(line)) {
                out.add(new Example(first + 1, command(line), null));
            }
        }
        return out;
    }

    static boolean isCommand(String line) {
        return line.matches("bin/[\\w-]+(\\s.*)?") || line.startsWith("mvn ") || line.startsWith("java ");
    }

    static boolean isSynopsis(String line) {
        String command = command(line);
        return command.contains(" [") || command.matches(".*\\b[A-Z]+\\.json\\b.*") || command.contains("PORT");
    }

    /** The line without its comment. */
    static String command(String line) {
        return String.join(" ", ShellWords.split(line).stream().map(ShellWords::quote).toList());
    }
}
