package dev.sluice.protocol;

import java.util.Optional;

/**
 * Finds the raw path of the queue URLs clients actually send ({@code http(s)://host[:port]/account/name}, maybe with a
 * query or fragment) in one pass, without {@link java.net.URI}, which costs far more per request.
 *
 * <p>It only decides URLs whose every character is one {@code java.net.URI} accepts in that part without question
 * (ASCII from RFC 2396's sets: the authority as a {@code reg_name} without escapes, the path as {@code pchar}s, {@code
 * ;} and {@code /}, query and fragment as {@code uric}s, {@code %} only before two hex digits). For such a URL,
 * {@code new URI(url)} succeeds with a non-null raw authority (an authority that is not a valid host and port is then
 * a registry-based one, never an error) and the same raw path. Anything else (IPv6 literals, escapes in the host,
 * non-ASCII, spaces, an empty authority, another scheme) is left to {@code java.net.URI}.
 */
final class PlainHttpUrl {
    private static final byte AUTHORITY = 1;
    private static final byte PATH = 2;
    private static final byte QUERY = 4; // also the fragment: both are uric
    private static final byte[] CLASSES = new byte[128];

    static {
        String alphanumeric = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        String mark = "-_.!~*'()";
        mark(alphanumeric + mark + "$,;:@&=+", AUTHORITY); // reg_name, without escapes
        mark(alphanumeric + mark + ":@&=+$,;/", PATH); // pchar, ";" and "/"
        mark(alphanumeric + mark + ";/?:@&=+$,[]", QUERY); // uric
    }

    private PlainHttpUrl() {}

    private static void mark(String chars, byte kind) {
        for (int i = 0; i < chars.length(); i++) {
            CLASSES[chars.charAt(i)] |= kind;
        }
    }

    /**
     * The raw path of {@code url} when it is such a plain http or https URL with a non-empty authority; empty when
     * {@code java.net.URI} has to decide (which includes every URL this class cannot vouch for).
     */
    static Optional<String> rawPath(String url) {
        if (url == null) {
            return Optional.empty();
        }
        int authorityStart = schemeEnd(url);
        if (authorityStart < 0) {
            return Optional.empty();
        }
        int n = url.length();
        int pathStart = scan(url, authorityStart, n, AUTHORITY, false);
        if (pathStart == authorityStart || (pathStart < n && !isDelimiter(url.charAt(pathStart)))) {
            return Optional.empty();
        }
        int pathEnd = scan(url, pathStart, n, PATH, true);
        int end = pathEnd;
        if (end < n && url.charAt(end) == '?') {
            end = scan(url, end + 1, n, QUERY, true);
        }
        if (end < n && url.charAt(end) == '#') {
            end = scan(url, end + 1, n, QUERY, true);
        }
        return end == n ? Optional.of(url.substring(pathStart, pathEnd)) : Optional.empty();
    }

    /** The index after {@code http://} or {@code https://} (scheme in any ASCII case), else -1. */
    private static int schemeEnd(String url) {
        if (url.length() < 8
                || (url.charAt(0) | 0x20) != 'h'
                || (url.charAt(1) | 0x20) != 't'
                || (url.charAt(2) | 0x20) != 't'
                || (url.charAt(3) | 0x20) != 'p') {
            return -1;
        }
        int colon = (url.charAt(4) | 0x20) == 's' ? 5 : 4;
        return url.startsWith("://", colon) ? colon + 3 : -1;
    }

    private static boolean isDelimiter(char c) {
        return c == '/' || c == '?' || c == '#';
    }

    /** The index of the first character from {@code start} that is not of {@code kind} (or a valid escape). */
    private static int scan(String url, int start, int n, byte kind, boolean escapes) {
        int i = start;
        while (i < n) {
            char c = url.charAt(i);
            if (c < 128 && (CLASSES[c] & kind) != 0) {
                i++;
            } else if (escapes && c == '%' && i + 2 < n && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2))) {
                i += 3;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
