package dev.mnemos.utm.bitag;

import dev.mnemos.io.ClassResources;

import java.io.IOException;
import java.io.UncheckedIOException;

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

    /** The file from this module's jar (opened directly, not searched for along the class path). */
    private static BiTagProgram read(String file, String name) {
        try (ClassResources jar = ClassResources.of(BiTagExamples.class)) {
            String json = jar.text("dev/mnemos/utm/bitag/" + file);
            if (json == null) throw new IllegalStateException(file + " is not on the class path (the build packs samples/bitag/)");
            return BiTagFormat.parse(json, file, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
