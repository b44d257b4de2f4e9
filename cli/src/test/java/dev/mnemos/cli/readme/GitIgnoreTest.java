package dev.mnemos.cli.readme;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GitIgnoreTest {

    private final GitIgnore ignore = new GitIgnore(List.of("# comment", "", "target/", "*.poem", "/run.jsonl",
            "bench/results/jmh-selected.*", "*.lock"));

    @Test
    void aNameWithoutASlashMatchesAnywhere() {
        assertTrue(ignore.ignores("reviews.poem"));
        assertTrue(ignore.ignores("out/reviews.poem"));
        assertFalse(ignore.ignores("reviews.poem.embeddings"));
    }

    @Test
    void aDirectoryPatternMatchesWhatIsInsideButNotAFileOfThatName() {
        assertTrue(ignore.ignores("nam/target/classes/A.class"));
        assertFalse(ignore.ignores("target"));
    }

    @Test
    void aPatternWithASlashIsMatchedFromTheRootAndItsStarStaysInOneFolder() {
        assertTrue(ignore.ignores("run.jsonl"));
        assertFalse(ignore.ignores("x/run.jsonl"));
        assertTrue(ignore.ignores("bench/results/jmh-selected.txt"));
        assertFalse(ignore.ignores("bench/results/jmh.txt"));
    }

    @Test
    void negationIsRefusedNotMisread() {
        assertThrows(IllegalArgumentException.class, () -> new GitIgnore(List.of("!keep.poem")));
    }
}
