package dev.mnemos.embed;

/** One MiniLM encoder for the whole test run, so the model loads once and embeddings are cached. */
public final class TestEncoders {

    private static Encoder shared;

    private TestEncoders() {}

    public static synchronized Encoder miniLm() {
        if (shared == null) shared = Encoder.miniLm();
        return shared;
    }
}
