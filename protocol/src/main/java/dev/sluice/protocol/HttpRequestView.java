package dev.sluice.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A read-only copy of one HTTP request, made by the HTTP layer so that the protocol layer never sees Netty.
 *
 * @param method the request method, upper case
 * @param path the request path, still percent-encoded, without the query string ({@code /} at least)
 * @param rawQuery the query string as sent, without {@code ?}; empty when none
 * @param headers header values in arrival order, by name compared case-insensitively
 * @param body the whole body (already aggregated and size-checked)
 * @param secure true when the request arrived over TLS
 * @param remoteAddress the peer's IP address, as text
 */
public record HttpRequestView(
        String method,
        String path,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        boolean secure,
        String remoteAddress) {
    public HttpRequestView {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rawQuery, "rawQuery");
        Objects.requireNonNull(body, "body");
        // One copy, keyed case-insensitively; names that differ only in case (rare) have their values joined.
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.merge(name, List.copyOf(values), HttpRequestView::joined));
        headers = Collections.unmodifiableMap(copy);
    }

    private static List<String> joined(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    /** The first value of the named header, or {@code null} when absent. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
