package dev.mnemos.poem.store;

import dev.mnemos.poem.PoemException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * Opens a stored memory by its location, the one place where a location becomes a store: a path
 * is a {@link FileMemoryStore}; anything else is opened by the first {@link MemoryStoreProvider}
 * on the class path that claims it (mnemos-poem-postgres claims {@code jdbc:postgresql:} URLs).
 *
 * <pre>{@code
 * try (MemoryStore store = MemoryStores.open("reviews.poem")) {          // or "jdbc:postgresql://db/poem"
 *     Poem poem = store.poem(Encoder.miniLm());
 *     ...
 * }
 * }</pre>
 */
public final class MemoryStores {

    private MemoryStores() {}

    /** Opens an existing memory to read it. */
    public static MemoryStore open(String location) throws IOException {
        return open(location, StoreOptions.DEFAULT);
    }

    /**
     * Opens the memory at {@code location} as {@code options} say.
     *
     * @throws UnknownLocationException when it is a URL that no store on the class path opens
     */
    public static MemoryStore open(String location, StoreOptions options) throws IOException {
        if (!isUrl(location)) return FileMemoryStore.open(Path.of(location), options);
        for (MemoryStoreProvider provider : ServiceLoader.load(MemoryStoreProvider.class, MemoryStores.class.getClassLoader())) {
            if (provider.opens(location)) return provider.open(location, options);
        }
        throw new UnknownLocationException(shown(location) + ": no memory store on the class path opens this kind of URL"
                + (location.startsWith("jdbc:") ? " (a jdbc:postgresql: memory needs the artifact dev.mnemos:mnemos-poem-postgres;"
                + " no other database is supported)" : ""));
    }

    /** The file a location names, when it names a file (not a URL). */
    public static java.util.Optional<Path> file(String location) {
        return isUrl(location) ? java.util.Optional.empty() : java.util.Optional.of(Path.of(location));
    }

    /** Whether a location names a URL (scheme:...) rather than a path. */
    static boolean isUrl(String location) {
        return location.matches("[a-zA-Z][a-zA-Z0-9+.-]+:.*") && !location.matches("[a-zA-Z]:[\\\\/].*"); // C:\ is a path
    }

    /** A location as messages print it: a URL without user info, query string or parameters (they may hold a password). */
    public static String shown(String location) {
        if (location == null || !isUrl(location)) return location;
        String s = location;
        for (char end : new char[] {'?', ';'}) {
            int at = s.indexOf(end);
            if (at >= 0) s = s.substring(0, at);
        }
        int slashes = s.indexOf("//");
        if (slashes < 0) return s;
        int end = s.indexOf('/', slashes + 2);
        String authority = end < 0 ? s.substring(slashes + 2) : s.substring(slashes + 2, end);
        int at = authority.lastIndexOf('@');
        return at < 0 ? s : s.substring(0, slashes + 2) + authority.substring(at + 1) + (end < 0 ? "" : s.substring(end));
    }

    /** A location no store on the class path opens. */
    public static final class UnknownLocationException extends PoemException {
        public UnknownLocationException(String message) {
            super(message);
        }
    }
}
