package dev.mnemos.runtime.model;

/**
 * What a backend tells people about its failures: what it calls its server, where that server is,
 * and what to do. {@link ModelErrors} builds every message from the hints of the config's backend
 * ({@link ProcessorProvider#hints()}), so a new backend brings its own without editing it.
 */
public interface BackendHints {

    /** How a person calls the backend's server: "Ollama", "the OpenAI-compatible server". */
    String serverName();

    /** The base URL the backend calls with these settings (its default spelled out), or null. */
    default String baseUrl(ProcessorConfig config) {
        return config.baseUrl();
    }

    /** What to do when nothing answers at the base URL. */
    default String unreachableFix(ProcessorConfig config) {
        return "start the server or fix the base URL";
    }

    /**
     * What follows {@code model "NAME" not found at URL } when the server does not know the model;
     * {@code said} is the server's own text.
     */
    default String modelNotFound(ProcessorConfig config, String said) {
        return "(" + serverName() + " said: " + said + "); check the model name the server serves";
    }

    /** Added after "check the base URL" when a 404 is about the path, e.g. " (it usually ends in /v1)". */
    default String basePathHint() {
        return "";
    }

    /** A failure type of this backend's own client, translated; null when {@code failure} holds none. */
    default ModelException translate(Throwable failure, ProcessorConfig config) {
        return null;
    }

    /** The hints of a backend that gives none of its own. */
    static BackendHints generic(String backend) {
        return () -> "the " + backend + " backend";
    }
}
