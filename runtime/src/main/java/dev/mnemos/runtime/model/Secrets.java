package dev.mnemos.runtime.model;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Takes credentials out of text that is about to be shown: a server that echoes the request's
 * {@code Authorization} header in its error body must not get {@code Basic ...} or
 * {@code Bearer sk-...} printed. Every {@link ModelException}'s message passes through
 * {@link #scrub(String)}; {@link ModelErrors} also removes the config's own API key and password
 * wherever they appear.
 */
final class Secrets {

    private static final Pattern SCHEME = Pattern.compile("(?i)\\b(Basic|Bearer)(\\s+|%20|\\+)[A-Za-z0-9._~+/=-]{4,}");
    private static final Pattern KEY = Pattern.compile("\\bsk-[A-Za-z0-9_-]{4,}");
    static final String HIDDEN = "***";

    private Secrets() {}

    /** {@code text} with every {@code Basic/Bearer} credential and {@code sk-} key replaced by ***. */
    static String scrub(String text) {
        if (text == null) return null;
        String out = SCHEME.matcher(text).replaceAll(m -> m.group(1) + " " + HIDDEN);
        return KEY.matcher(out).replaceAll("sk-" + HIDDEN);
    }

    /** The same, and the config's API key, user info, password and their Basic form wherever they appear. */
    static String scrub(String text, ProcessorConfig config) {
        if (text == null) return null;
        String out = text;
        out = literal(out, config.apiKey());
        String userInfo = config.userInfo();
        if (userInfo != null) {
            out = literal(out, Base64.getEncoder().encodeToString(userInfo.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            out = literal(out, userInfo);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) out = literal(out, userInfo.substring(colon + 1));
        }
        return scrub(out);
    }

    private static String literal(String text, String secret) {
        if (secret == null || secret.length() < 3 || secret.equals("no-key")) return text;
        return text.replace(secret, HIDDEN);
    }
}
