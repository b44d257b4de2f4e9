package dev.mnemos.cli.readme;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The repository's {@code .gitignore}, read as git reads the patterns it uses: a blank line or
 * {@code #} is nothing; a pattern ending in {@code /} matches directories only; a pattern with a
 * {@code /} elsewhere is matched against the path from the root, one without against every name
 * along the path; {@code *} does not cross a {@code /}. Negation ({@code !}) is not supported, and
 * a file that uses it is refused rather than misread.
 */
final class GitIgnore {

    private record Rule(PathMatcher glob, boolean anchored, boolean directoryOnly) {}

    private final List<Rule> rules = new ArrayList<>();

    GitIgnore(List<String> lines) {
        for (String line : lines) {
            String p = line.strip();
            if (p.isEmpty() || p.startsWith("#")) continue;
            if (p.startsWith("!")) throw new IllegalArgumentException("negated pattern not supported: " + p);
            boolean directoryOnly = p.endsWith("/");
            if (directoryOnly) p = p.substring(0, p.length() - 1);
            boolean anchored = p.contains("/");
            if (p.startsWith("/")) p = p.substring(1);
            rules.add(new Rule(FileSystems.getDefault().getPathMatcher("glob:" + p), anchored, directoryOnly));
        }
    }

    static GitIgnore of(Path file) throws IOException {
        return new GitIgnore(Files.readAllLines(file));
    }

    /** Whether the file at {@code relative} (from the root, separated by {@code /}) is ignored. */
    boolean ignores(String relative) {
        Path path = Path.of(relative);
        for (int end = 1; end <= path.getNameCount(); end++) {
            boolean directory = end < path.getNameCount();
            Path prefix = path.subpath(0, end), name = path.getName(end - 1);
            for (Rule r : rules) {
                if (r.directoryOnly() && !directory) continue;
                if (r.glob().matches(r.anchored() ? prefix : name)) return true;
            }
        }
        return false;
    }
}
