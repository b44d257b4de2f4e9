package dev.mnemos.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.mnemos.io.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * all-MiniLM-L6-v2 in-process, loaded once per process from files rather than from its jar.
 *
 * <p>LangChain4j's {@link AllMiniLmL6V2EmbeddingModel} inflates the 90 MB model out of its jar
 * into the Java heap at every start, where ONNX Runtime then copies it: about half a second of
 * CPU and 350 MB of peak memory more than ONNX Runtime reading the same file itself. So the first
 * process copies the model and its tokenizer out of the jar into a cache directory
 * ({@code ${XDG_CACHE_HOME:-~/.cache}/mnemos/minilm/CRC/}, CRC naming the jar entry, so another
 * version of the model gets its own directory), each file written whole or not at all and checked
 * against the jar's CRC-32; later processes load the files. Where no cache directory can be written,
 * or its files are not whole, the model is read from the jar as before. Either way the model and
 * its embeddings are the same.
 */
final class MiniLm {

    static final String MODEL = "all-minilm-l6-v2.onnx";
    static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";
    /** The length of an all-MiniLM-L6-v2 embedding. */
    static final int DIMENSION = 384;

    private static EmbeddingModel shared;

    private MiniLm() {}

    /** The process's one all-MiniLM-L6-v2, loaded on first use. */
    static synchronized EmbeddingModel shared() {
        if (shared == null) shared = load(cacheRoot(System.getenv()));
        return shared;
    }

    /**
     * all-MiniLM-L6-v2 as a model that loads {@link #shared()} when first asked to embed: a command
     * whose texts are all in its embedding cache (a query asked before) never loads it.
     */
    static EmbeddingModel onFirstUse() {
        return onFirstUse(MiniLm::shared);
    }

    /** A model that asks {@code load} for the model it embeds with at each call that embeds (load keeps it). */
    static EmbeddingModel onFirstUse(Supplier<EmbeddingModel> load) {
        return new EmbeddingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                return load.get().embedAll(segments);
            }

            @Override
            public int dimension() {
                return DIMENSION;
            }

            @Override
            public String modelName() {
                return "all-minilm-l6-v2";
            }
        };
    }

    /** The model from files under {@code root}, copied there first when missing; from the jar when that fails. */
    static EmbeddingModel load(Path root) {
        Path dir = root == null ? null : extracted(root);
        if (dir == null) return new AllMiniLmL6V2EmbeddingModel();
        try {
            return new OnnxEmbeddingModel(dir.resolve(MODEL), dir.resolve(TOKENIZER), PoolingMode.MEAN);
        } catch (RuntimeException damaged) { // whole in size, not in content (or not ours to read): copied again next time
            deleteQuietly(dir.resolve(MODEL));
            deleteQuietly(dir.resolve(TOKENIZER));
            return new AllMiniLmL6V2EmbeddingModel();
        }
    }

    /** {@code ${XDG_CACHE_HOME:-$HOME/.cache}/mnemos/minilm}, or null without a home. */
    static Path cacheRoot(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "mnemos", "minilm");
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "mnemos", "minilm");
    }

    /**
     * The directory under {@code root} holding both files whole, copying what is missing or not
     * whole out of the jar; null when the jar's entries cannot be found or the files cannot be written.
     */
    static Path extracted(Path root) {
        try {
            JarEntryInfo model = entry(MODEL);
            JarEntryInfo tokenizer = entry(TOKENIZER);
            if (model == null || tokenizer == null) return null;
            Path dir = root.resolve(Long.toHexString(model.crc) + "-" + Long.toHexString(tokenizer.crc));
            deleteStaleCopies(dir);
            copy(model, dir.resolve(MODEL));
            copy(tokenizer, dir.resolve(TOKENIZER));
            return dir;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Deletes copies left half-written by processes killed while copying (temporary files over an hour old). */
    private static void deleteStaleCopies(Path dir) {
        if (!Files.isDirectory(dir)) return;
        Instant before = Instant.now().minus(Duration.ofHours(1));
        try (DirectoryStream<Path> tmps = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path tmp : tmps) {
                if (Files.getLastModifiedTime(tmp).toInstant().isBefore(before)) deleteQuietly(tmp);
            }
        } catch (IOException ignored) {
            // nothing we may clean
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a cache: the next start tries again
        }
    }

    /** A jar entry of the model's jar: where it is read from, and its size and CRC-32 as the jar gives them. */
    private record JarEntryInfo(URL url, long size, long crc) {}

    private static JarEntryInfo entry(String name) throws IOException {
        URL url = AllMiniLmL6V2EmbeddingModel.class.getClassLoader().getResource(name);
        if (url == null) return null;
        URLConnection c = url.openConnection();
        if (!(c instanceof JarURLConnection jar)) return null;
        jar.setUseCaches(false);
        var e = jar.getJarEntry();
        jar.getJarFile().close();
        return e.getSize() < 0 || e.getCrc() < 0 ? null : new JarEntryInfo(url, e.getSize(), e.getCrc());
    }

    /** Copies the entry to {@code file} unless a file of its size is there (the copy is atomic, so one of that size is whole). */
    private static void copy(JarEntryInfo entry, Path file) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) == entry.size) return;
        AtomicFiles.write(file, out -> {
            CRC32 crc = new CRC32();
            URLConnection c = entry.url.openConnection();
            c.setUseCaches(false);
            try (InputStream in = new CheckedInputStream(c.getInputStream(), crc)) {
                in.transferTo(out);
            }
            if (crc.getValue() != entry.crc) throw new IOException(entry.url + ": CRC-32 differs from the jar's");
        });
    }
}
