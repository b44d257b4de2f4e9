package dev.mnemos.runtime.cache;

import dev.mnemos.runtime.json.JsonErrors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Answers already given, keyed by (processor fingerprint, prompt). With deterministic decoding
 * the same key gives the same answer, so a repeated call can be skipped.
 *
 * <p>In memory, or backed by a JSON Lines file: each new answer is appended as one write under
 * an exclusive file lock as it arrives, so a crash loses nothing already answered and processes
 * sharing the file never interleave their lines; a last line cut short by a crash (even inside a
 * UTF-8 character) is ignored on load and cut off before the next append. Thread-safe.
 */
public final class PromptCache implements AutoCloseable {

    private static final ObjectMapper JSON = dev.mnemos.runtime.memory.OwnFiles.mapper();

    private final ConcurrentHashMap<Key, String> answers = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final Path file;
    /** Locks of the cache files this process appends to, by path: a FileLock is held per process. */
    private static final ConcurrentHashMap<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

    private FileChannel out;

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

    /**
     * Forgets {@code answer} for the prompt, if it is the one stored (an answer found wrong): the
     * file gets a line with a null answer, which removes the entry when it is loaded.
     */
    public void remove(String fingerprint, String prompt, String answer) {
        Key key = new Key(fingerprint, prompt, PromptHash.of(prompt));
        if (answers.remove(key, answer) && file != null) append(fingerprint, prompt, null);
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

    /**
     * Appends one line under an exclusive lock on the file (other processes sharing it take the
     * same lock, and so do other caches on it in this process): lines never interleave, however
     * long. A tail without its newline is a line cut by a crash; it is cut off first.
     */
    private synchronized void append(String fingerprint, String prompt, String answer) {
        try {
            ObjectNode node = JSON.createObjectNode();
            node.put("fingerprint", fingerprint).put("prompt", prompt).put("answer", answer);
            byte[] line = (JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
            if (out == null) out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            synchronized (IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new Object())) {
                try (FileLock lock = out.lock()) {
                    dropCutTail(out);
                    ByteBuffer buffer = ByteBuffer.wrap(line);
                    long at = out.size();
                    while (buffer.hasRemaining()) at += out.write(buffer, at);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the prompt cache " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Truncates the file after its last newline (a crashed writer's partial line), reading it back
     * {@value #TAIL_CHUNK} bytes at a time (a 100 MB cut line took 70 s read one byte a call).
     */
    static void dropCutTail(SeekableByteChannel ch) throws IOException {
        long size = ch.size();
        long end = size;
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.max(1, Math.min(TAIL_CHUNK, size)));
        while (end > 0) {
            int n = (int) Math.min(chunk.capacity(), end);
            chunk.clear().limit(n);
            ch.position(end - n);
            while (chunk.hasRemaining() && ch.read(chunk) >= 0) {
                // fill the chunk
            }
            int k = n - 1;
            while (k >= 0 && chunk.get(k) != '\n') k--;
            if (k >= 0) {
                end = end - n + k + 1;
                break;
            }
            end -= n;
        }
        if (end < size) ch.truncate(end);
    }

    private static final int TAIL_CHUNK = 1 << 16;

    /**
     * Reads every whole line; a last line without its newline (a crash cut it, perhaps inside a
     * UTF-8 character, or another process is writing it) is left alone and not loaded.
     */
    private void load() throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
            int number = 0;
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                number++;
                entry(decode(line.toByteArray(), number), number);
                line.reset();
            }
        }
    }

    private String decode(byte[] bytes, int number) throws CacheFileException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CacheFileException(file + ":" + number + ": not a prompt cache entry (not UTF-8 text)");
        }
    }

    private void entry(String line, int number) throws CacheFileException {
        if (line.isBlank()) return;
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new CacheFileException(JsonErrors.message(file, number, e));
        }
        JsonNode fp = node.get("fingerprint");
        JsonNode prompt = node.get("prompt");
        JsonNode answer = node.get("answer");
        if (fp == null || !fp.isTextual() || prompt == null || !prompt.isTextual() || answer == null || !(answer.isTextual() || answer.isNull())) {
            throw new CacheFileException(file + ":" + number + ": not a prompt cache entry (needs fingerprint, prompt and answer strings)");
        }
        Key key = new Key(fp.asText(), prompt.asText(), PromptHash.of(prompt.asText()));
        if (answer.isNull()) answers.remove(key); // an answer found wrong after it was stored
        else answers.put(key, answer.asText());
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
