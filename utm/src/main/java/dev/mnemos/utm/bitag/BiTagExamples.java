package dev.mnemos.utm.bitag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The bi-tag programs of {@code samples/bitag/}, read from the class path: the build packs that
 * folder into this module's jar, so the files there are the one copy and a program run from any
 * directory (a command's default input, a benchmark) still finds them.
 */
public final class BiTagExamples {

    private BiTagExamples() {}

    /** {@code samples/bitag/worked-example.json}: the spec's worked example, 11,849 U15,2 steps. */
    public static BiTagProgram worked() {
        return read("worked-example.json", "worked example");
    }

    /** {@code samples/bitag/spec-example.json}: the spec's two-production example, 120,965 U15,2 steps. */
    public static BiTagProgram spec() {
        return read("spec-example.json", "spec example");
    }

    private static BiTagProgram read(String file, String name) {
        try (InputStream in = BiTagExamples.class.getResourceAsStream(file)) {
            if (in == null) throw new IllegalStateException(file + " is not on the class path (the build packs samples/bitag/)");
            return BiTagFormat.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), file, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
