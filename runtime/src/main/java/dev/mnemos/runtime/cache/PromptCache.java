package dev.mnemos.runtime.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Answers already given, keyed by (processor fingerprint, prompt). With deterministic decoding
 * the same key gives the same answer, so a repeated call can be skipped.
 *
 * <p>In memory, or backed by a JSON Lines file: each new answer is appended and flushed as it
 * arrives, so a crash loses nothing already answered; a last line cut short by a crash is
 * ignored on the next load. Thread-safe.
 */
public final class PromptCache implements AutoCloseable {

    private static final ObjectMapper JSON = dev.mnemos.runtime.memory.OwnFiles.mapper();

    private final ConcurrentHashMap<Key, String> answers = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final Path file;
    private BufferedWriter out;

    private PromptCache(Path file) {
        this.file = file;
    }

    /** A cache that lives as long as the process. */
    public static PromptCache inMemory() {
        return new PromptCache(null);
    }

    /**
     * A cache backed by a file: loads what the file holds (it may not exist yet) and appends new
     * answers to it.
     *
     * @throws CacheFileException when the file is not a prompt cache (names the file and line)
     */
    public static PromptCache open(Path file) throws IOException {
        PromptCache cache = new PromptCache(file);
        if (Files.exists(file)) {
            try {
                cache.load();
            } catch (CacheFileException e) {
                throw e;
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new CacheFileException(file + ": not a prompt cache (not UTF-8 text)");
            } catch (IOException e) { // e.g. "Is a directory", which does not say which file
                throw new IOException(file + ": cannot read the prompt cache: " + e.getMessage(), e);
            }
        }
        return cache;
    }

    /** The cached answer, or null; counts a hit or a miss. */
    public String get(String fingerprint, String prompt) {
        String answer = answers.get(new Key(fingerprint, prompt, PromptHash.of(prompt)));
        (answer == null ? misses : hits).increment();
        return answer;
    }

    /**
     * Stores an answer (and appends it to the file, if there is one, unless the file already gives
     * it: a later line replaces an earlier one on load).
     */
    public void put(String fingerprint, String prompt, String answer) {
        Key key = new Key(fingerprint, prompt, PromptHash.of(prompt));
        if (!answer.equals(answers.put(key, answer)) && file != null) append(fingerprint, prompt, answer);
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    public int size() {
        return answers.size();
    }

    /** The backing file, or null. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    private synchronized void append(String fingerprint, String prompt, String answer) {
        try {
            if (out == null) {
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            ObjectNode line = JSON.createObjectNode();
            line.put("fingerprint", fingerprint).put("prompt", prompt).put("answer", answer);
            out.write(JSON.writeValueAsString(line));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the prompt cache " + file + ": " + e.getMessage(), e);
        }
    }

    private void load() throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        boolean endsWithNewline = endsWithNewline(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            boolean last = i == lines.size() - 1;
            try {
                JsonNode node = JSON.readTree(line);
                JsonNode fp = node.get("fingerprint");
                JsonNode prompt = node.get("prompt");
                JsonNode answer = node.get("answer");
                if (fp == null || !fp.isTextual() || prompt == null || !prompt.isTextual() || answer == null || !answer.isTextual()) {
                    throw new CacheFileException(file + ":" + (i + 1) + ": not a prompt cache entry (needs fingerprint, prompt and answer strings)");
                }
                answers.put(new Key(fp.asText(), prompt.asText(), PromptHash.of(prompt.asText())), answer.asText());
            } catch (JsonProcessingException e) {
                if (last && !endsWithNewline) {
                    truncateLastLine();
                    return; // a line cut short by a crash: drop it
                }
                throw new CacheFileException(file + ":" + (i + 1) + ": not JSON: " + e.getOriginalMessage());
            }
        }
    }

    private boolean endsWithNewline(Path f) throws IOException {
        try (var ch = Files.newByteChannel(f)) {
            long size = ch.size();
            if (size == 0) return true;
            ch.position(size - 1);
            var buf = java.nio.ByteBuffer.allocate(1);
            ch.read(buf);
            return buf.get(0) == '\n';
        }
    }

    private void truncateLastLine() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') end--;
        try (var ch = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
            ch.truncate(end);
        }
    }

    /** A prompt cache file that is not one, or is damaged before its last line. */
    public static class CacheFileException extends IOException {
        public CacheFileException(String message) {
            super(message);
        }
    }

    private record Key(String fingerprint, String prompt, long hash) {
        @Override
        public int hashCode() {
            return (int) (hash ^ (hash >>> 32)) ^ fingerprint.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && k.fingerprint.equals(fingerprint) && k.prompt.equals(prompt);
        }
    }
}
