package dev.mnemos.cli.readme;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The repository's Markdown links lead somewhere in a clone: every relative link names a file or folder that exists
 * inside it. A link that leaves the clone is dead even where the machine happens to have that file (CI's checkout has
 * a {@code ../shared} beside it; a user's clone does not).
 */
class LinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Set<String> NOT_OURS = Set.of("target", ".git", "node_modules");

    @Test
    void everyRelativeLinkInEveryMarkdownFileExists() throws IOException {
        List<String> dead = new ArrayList<>();
        for (Path md : markdownFiles()) dead.addAll(deadLinks(md, Files.readString(md)));
        assertEquals(List.of(), dead);
    }

    @Test
    void aLinkOutsideTheCloneIsDeadAndOneToAnAnchorIsReadWithoutIt() {
        Path readme = ReadmeRunner.ROOT.resolve("README.md");
        assertEquals(List.of("README.md: ../shared/specs/poem.md"),
                deadLinks(readme, "[poem](../shared/specs/poem.md), [site](https://example.org/x), [up](#performance), "
                        + "[nam](nam/README.md#the-cells), [spec](docs/specs/u15_2.md)"));
    }

    static List<String> deadLinks(Path md, String text) {
        List<String> dead = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String target = m.group(1);
            if (target.startsWith("#") || target.matches("[a-z]+:.*")) continue;
            String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
            Path resolved = md.getParent().resolve(file).normalize();
            if (!resolved.startsWith(ReadmeRunner.ROOT) || !Files.exists(resolved)) {
                dead.add(ReadmeRunner.ROOT.relativize(md) + ": " + target);
            }
        }
        return dead;
    }

    static List<Path> markdownFiles() throws IOException {
        try (Stream<Path> s = Files.walk(ReadmeRunner.ROOT)) {
            return s.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p))
                    .filter(p -> !inFolderNotOurs(ReadmeRunner.ROOT.relativize(p)))
                    .sorted().toList();
        }
    }

    private static boolean inFolderNotOurs(Path relative) {
        for (Path part : relative) if (NOT_OURS.contains(part.toString())) return true;
        return false;
    }
}
