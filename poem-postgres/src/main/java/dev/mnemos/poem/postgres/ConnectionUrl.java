package dev.mnemos.poem.postgres;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code jdbc:postgresql:} URL taken apart so that its secret never reaches the driver's URL, its
 * messages, its logs or ours: the user and password of {@code //USER:PASSWORD@HOST/DB} or of the
 * query string ({@code ?user=...&password=...}) come out as properties, and what is shown is the
 * URL without user info and query string.
 *
 * @param url      what the driver is given: no user info, no {@code password} parameter
 * @param user     the URL's user (user info or {@code user=}), or null
 * @param password the URL's password (user info or {@code password=}), or null
 * @param shown    what messages print: scheme, host, port and database only
 */
record ConnectionUrl(String url, String user, String password, String shown) {

    static final String PREFIX = "jdbc:postgresql:";

    /** Whether {@code location} is a PostgreSQL URL this class takes apart. */
    static boolean isPostgres(String location) {
        return location != null && location.startsWith(PREFIX);
    }

    static ConnectionUrl parse(String location) {
        if (!isPostgres(location)) {
            throw new IllegalArgumentException("a shared memory is a jdbc:postgresql://HOST/DB URL, not '" + shown(location) + "'");
        }
        String rest = location.substring(PREFIX.length());
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String user = null, password = null;
        if (rest.startsWith("//")) {
            int end = rest.indexOf('/', 2);
            String authority = end < 0 ? rest.substring(2) : rest.substring(2, end);
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                String info = authority.substring(0, at);
                int colon = info.indexOf(':');
                user = decode(colon < 0 ? info : info.substring(0, colon));
                if (colon >= 0) password = decode(info.substring(colon + 1));
                rest = "//" + authority.substring(at + 1) + (end < 0 ? "" : rest.substring(end));
            }
            checkPorts(at < 0 ? authority : authority.substring(at + 1), location);
        }
        List<String> kept = new ArrayList<>();
        for (String param : query.isEmpty() ? new String[0] : query.split("&")) {
            if (param.startsWith("password=")) password = decode(param.substring("password=".length()));
            else if (param.startsWith("user=")) user = decode(param.substring("user=".length()));
            else kept.add(param);
        }
        String url = PREFIX + rest + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        return new ConnectionUrl(url, user, password, PREFIX + rest);
    }

    /**
     * Refuses a port that is not a number from 1 to 65535 in {@code hosts} ({@code HOST[:PORT]}, an
     * IPv6 host in brackets, several hosts separated by commas); the driver's own message for it,
     * "Unable to parse URL", says neither what is wrong nor that it is the URL's fault.
     */
    private static void checkPorts(String hosts, String location) {
        for (String host : hosts.split(",", -1)) {
            int colon = host.lastIndexOf(':');
            if (colon < 0 || colon < host.lastIndexOf(']')) continue;
            String port = host.substring(colon + 1);
            if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535) {
                throw new IllegalArgumentException(shown(location) + ": the port '" + port + "' is not a number from 1 to 65535");
            }
        }
    }

    /** A location as messages may print it (see {@link dev.mnemos.poem.store.MemoryStores#shown}). */
    static String shown(String location) {
        return dev.mnemos.poem.store.MemoryStores.shown(location);
    }

    /** {@code text} with every occurrence of the password replaced, for a driver message that might echo it. */
    static String scrubbed(String text, String password) {
        if (text == null || password == null || password.isEmpty()) return text;
        return text.replace(password, "***");
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) { // a stray '%': taken as it is
            return s;
        }
    }
}
