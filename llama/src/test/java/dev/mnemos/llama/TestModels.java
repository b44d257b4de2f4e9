package dev.mnemos.llama;

import dev.mnemos.llama.models.ModelCatalog;
import dev.mnemos.llama.models.ModelDirectory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real models the tests run. The build fetches smollm2-135m into the model directory before the
 * tests (process-test-resources); a test never skips for a missing model: it fails saying how to fetch.
 */
public final class TestModels {

    private TestModels() {}

    /** The smollm2-135m file, or an AssertionError that says how to fetch it. */
    public static Path smollm2() {
        Path file = ModelDirectory.fromEnvironment().path().resolve(ModelCatalog.SMOLLM2_135M.fileName());
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("the real-model tests need " + file + ": fetch it with `bin/mnemos models fetch smollm2-135m`"
                    + " (the build's process-test-resources phase does this; it failed or was skipped)");
        }
        return file;
    }

    /** A GGUF header declaring {@code architecture} and nothing else: a crafted model file. */
    public static byte[] ggufHeader(String architecture) {
        byte[] key = "general.architecture".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] value = architecture.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 + 4 + 8 + 8 + 8 + key.length + 4 + 8 + value.length)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("GGUF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(3).putLong(0).putLong(1);
        b.putLong(key.length).put(key).putInt(8).putLong(value.length).put(value);
        return b.array();
    }
}
