package dev.mnemos.runtime.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.*;

class PromptCacheTest {

    @TempDir
    Path dir;

    @Test
    void answersAreKeyedByFingerprintAndPrompt() {
        PromptCache c = PromptCache.inMemory();
        c.put("ollama|llama2", "p", "a1");
        assertEquals("a1", c.get("ollama|llama2", "p"));
        assertNull(c.get("ollama|mistral", "p"));
        assertNull(c.get("ollama|llama2", "p "));
        assertEquals(1, c.hits());
        assertEquals(2, c.misses());
    }

    @Test
    void aCacheFileKeepsAnswersAcrossRuns() throws Exception {
        Path f = dir.resolve("cache.jsonl");
        try (PromptCache c = PromptCache.open(f)) {
            c.put("fp", "prompt with \"quotes\"\nand lines", "\" op=\"%[B]\" \"");
            c.put("fp", "other", "x");
        }
        try (PromptCache c = PromptCache.open(f)) {
            assertEquals(2, c.size());
            assertEquals("\" op=\"%[B]\" \"", c.get("fp", "prompt with \"quotes\"\nand lines"));
        }
    }

    @Test
    void anAnswerThatReplacesACachedOneIsKeptInTheFileToo() throws Exception {
        Path f = dir.resolve("cache.jsonl");
        try (PromptCache c = PromptCache.open(f)) {
            c.put("fp", "prompt", "Sure! op=\"halt\"");
            c.put("fp", "prompt", "op=\"halt\""); // the machine asked the model again: the cached answer did not parse
        }
        try (PromptCache again = PromptCache.open(f)) {
            assertEquals("op=\"halt\"", again.get("fp", "prompt"));
        }
    }

    @Test
    void aLastLineCutShortByACrashIsDropped() throws Exception {
        Path f = dir.resolve("cache.jsonl");
        try (PromptCache c = PromptCache.open(f)) {
            c.put("fp", "p1", "a1");
        }
        Files.writeString(f, "{\"fingerprint\":\"fp\",\"prompt\":\"p2\",\"ans", StandardOpenOption.APPEND);
        try (PromptCache c = PromptCache.open(f)) {
            assertEquals(1, c.size());
            c.put("fp", "p3", "a3");
        }
        try (PromptCache c = PromptCache.open(f)) {
            assertEquals(2, c.size(), "the cut line was removed before appending");
        }
    }

    @Test
    void aLongCutLastLineIsDroppedReadingTheFileBackInChunksNotByteByByte() throws Exception {
        byte[] file = ("{\"fingerprint\":\"m\",\"prompt\":\"p\",\"answer\":\"a\"}\n" + "x".repeat(1_000_000)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        CountingChannel channel = new CountingChannel(file);
        PromptCache.dropCutTail(channel);
        assertEquals(file.length - 1_000_000, channel.size(), "cut after the last newline");
        assertTrue(channel.reads <= 1_000_000 / 65_536 + 3, channel.reads + " reads to drop a 1 MB tail (it read one byte a call)");
    }

    /** An in-memory channel that counts read calls. */
    static final class CountingChannel implements java.nio.channels.SeekableByteChannel {
        private byte[] bytes;
        private long position;
        int reads;

        CountingChannel(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public int read(java.nio.ByteBuffer dst) {
            reads++;
            if (position >= bytes.length) return -1;
            int n = (int) Math.min(dst.remaining(), bytes.length - position);
            dst.put(bytes, (int) position, n);
            position += n;
            return n;
        }

        @Override
        public int write(java.nio.ByteBuffer src) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public java.nio.channels.SeekableByteChannel position(long p) {
            position = p;
            return this;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public java.nio.channels.SeekableByteChannel truncate(long size) {
            if (size < bytes.length) bytes = java.util.Arrays.copyOf(bytes, (int) size);
            return this;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }

    @Test
    void aDamagedFileIsReportedWithItsLine() throws Exception {
        Path f = dir.resolve("cache.jsonl");
        Files.writeString(f, "{\"fingerprint\":\"fp\",\"prompt\":\"p\",\"answer\":\"a\"}\nnot json\n{\"fingerprint\":\"fp\",\"prompt\":\"q\",\"answer\":\"a\"}\n");
        PromptCache.CacheFileException e = assertThrows(PromptCache.CacheFileException.class, () -> PromptCache.open(f));
        assertTrue(e.getMessage().startsWith(f + ":2:"), e.getMessage());
        Files.writeString(f, "{\"prompt\":\"p\"}\n");
        assertTrue(assertThrows(PromptCache.CacheFileException.class, () -> PromptCache.open(f)).getMessage().contains(":1:"));
    }

    @Test
    void theHashTellsApartPromptsThatDifferOnlyBeyondLatin1() {
        assertNotEquals(PromptHash.of("answer: 猫"), PromptHash.of("answer: 犬"));
        assertNotEquals(PromptHash.of("a".repeat(64) + "b"), PromptHash.of("a".repeat(64) + "c"));
        assertEquals(PromptHash.of("same " + "x".repeat(100)), PromptHash.of("same " + "x".repeat(100)));
        assertEquals(16, PromptHash.hex("").length());
    }
}
