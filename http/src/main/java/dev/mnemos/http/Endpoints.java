package dev.mnemos.http;

import dev.mnemos.runtime.model.ProcessorConfig;

import java.util.Map;

/**
 * What the HTTP backends share about their settings: a base URL checked and without a trailing
 * slash, a model name that must be there, the headers of the user info. Each backend's own
 * defaults (its default URL, its example model) are its provider's.
 */
final class Endpoints {

    private Endpoints() {}

    /**
     * The config for {@code backend} with its base URL checked and normalised ({@code fallback}
     * when none is given; without a fallback one is required) and its model required.
     */
    static ProcessorConfig resolved(ProcessorConfig config, String backend, String fallback, String example) {
        ProcessorConfig c = config.toBuilder().backend(backend).build();
        String model = c.model();
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("the " + backend + " backend needs a model name, e.g. " + example);
        }
        return c.withBaseUrl(baseUrl(c.baseUrl(), backend, fallback));
    }

    /** {@code url} checked and without a trailing slash; {@code fallback} when blank. */
    static String baseUrl(String url, String backend, String fallback) {
        if (url == null || url.isBlank()) {
            if (fallback != null) return fallback;
            throw new IllegalArgumentException("the " + backend + " backend needs a base URL, e.g. http://localhost:8000/v1");
        }
        url = url.strip();
        while (url.endsWith("/")) url = url.substring(0, url.length() - 1);
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("base URL must start with http:// or https://, got '" + url + "'");
        }
        return url;
    }

    /** Headers that authenticate with the user info the base URL was given with (none without). */
    static Map<String, String> basicAuth(ProcessorConfig config) {
        String header = config.basicAuthorization();
        return header == null ? Map.of() : Map.of("Authorization", header);
    }
}
