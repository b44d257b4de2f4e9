package dev.mnemos.llama.models;

import java.nio.file.Path;

/**
 * Fetches catalog models from the build (the test modules' process-test-resources phase runs it
 * through exec-maven-plugin, so {@code mvn -B verify} has its real model on a clean machine):
 * {@code FetchMain NAME...} into the model directory of the environment, progress on stderr.
 * Exits 1 with the reason when a fetch fails. Users run {@code bin/mnemos models fetch NAME}.
 */
public final class FetchMain {

    private FetchMain() {}

    public static void main(String[] args) throws Exception {
        ModelDirectory dir = ModelDirectory.fromEnvironment();
        String indexUrl = System.getenv().getOrDefault("MNEMOS_PYPI_URL", PypiIndex.PYPI);
        var http = ModelFetcher.httpClient();
        ModelFetcher fetcher = new ModelFetcher(dir, new PypiIndex(indexUrl, http), http, line -> System.err.println("models: " + line));
        for (String name : args) {
            ModelCatalog.Model model = ModelCatalog.byName(name)
                    .orElseThrow(() -> new IllegalArgumentException("no model " + name + " in the catalog (" + ModelCatalog.names() + ")"));
            fetcher.fetch(model);
        }
        System.err.flush();
    }

}
