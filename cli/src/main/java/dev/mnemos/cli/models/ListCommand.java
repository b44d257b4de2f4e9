package dev.mnemos.cli.models;

import dev.mnemos.cli.ExitCode;
import dev.mnemos.llama.models.ModelCatalog;
import dev.mnemos.llama.models.ModelDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code mnemos models list}: the GGUF files in the model directory, and the catalog models not fetched. */
@Command(name = "list", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        description = "Lists the model directory's GGUF files (name for --model, file, size, whether its SHA-256 is the"
                + " catalog's, with the fetch that replaces it when not) and the catalog models not fetched yet.")
public final class ListCommand implements Callable<Integer> {

    /** The command that puts a catalog model in place, before its name. */
    private static final String FETCH = "bin/mnemos models fetch ";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelDirOption dir;

    @Override
    public Integer call() throws Exception {
        ModelDirectory models = dir.directory();
        PrintWriter out = spec.commandLine().getOut();
        out.println("models in " + models.path() + ":");
        List<ModelDirectory.Entry> entries = models.list();
        String row = "  %-14s %-34s %9s  %s%n";
        for (ModelDirectory.Entry e : entries) {
            String status = e.differs() ? e.status() + ": " + fetch(e.model()) + " replaces it" : e.status();
            out.printf(Locale.ROOT, row, e.model(), e.file().getFileName(), String.format(Locale.ROOT, "%.1f MB", e.size() / 1e6), status);
        }
        for (ModelCatalog.Model m : ModelCatalog.all()) {
            if (entries.stream().noneMatch(e -> e.model().equals(m.name()))) {
                out.printf(Locale.ROOT, row, m.name(), "(not fetched)", String.format(Locale.ROOT, "%.1f MB", m.size() / 1e6),
                        fetch(m.name()));
            }
        }
        out.flush();
        return ExitCode.OK.code();
    }

    /** The command that fetches {@code model} into the directory listed (with --model-dir when one was given). */
    private String fetch(String model) {
        if (dir.dir == null) return FETCH + model;
        String path = dir.dir.toString();
        boolean plain = path.matches("[A-Za-z0-9_./~+-]+");
        return FETCH + model + " --model-dir " + (plain ? path : "'" + path.replace("'", "'\\''") + "'");
    }
}
