package dev.mnemos.runtime.model;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The {@code user:password@} part of a URL's authority: found, taken out, sent as basic auth. */
final class UserInfo {

    private UserInfo() {}

    /** The user info of {@code url}, percent-decoded, or null when it has none. */
    static String of(String url) {
        int at = at(url);
        if (at < 0) return null;
        String raw = url.substring(url.indexOf("://") + 3, at);
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** {@code url} without its user info. */
    static String strip(String url) {
        int at = at(url);
        return at < 0 ? url : url.substring(0, url.indexOf("://") + 3) + url.substring(at + 1);
    }

    /** {@code Basic base64(user:password)}. */
    static String basicAuth(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    /** The index of the authority's last {@code @} (a password may hold one unencoded), or -1. */
    private static int at(String url) {
        if (url == null) return -1;
        int scheme = url.indexOf("://");
        if (scheme < 0) return -1;
        int start = scheme + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) end++;
        int at = url.lastIndexOf('@', end - 1);
        return at >= start ? at : -1;
    }
}
