package dev.sluice.protocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A read-only copy of one HTTP request, made by the HTTP layer so that the protocol layer never sees Netty.
 *
 * @param method the request method, upper case
 * @param path the request path, still percent-encoded, without the query string ({@code /} at least)
 * @param rawQuery the query string as sent, without {@code ?}; empty when none
 * @param headers header values in arrival order, by name compared case-insensitively: kept as is when it is a
 *     {@link RequestHeaders} (the HTTP layer builds one), otherwise copied into one
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
        // Names that differ only in case (rare) have their values joined.
        headers = RequestHeaders.copyOf(headers);
    }

    /** The first value of the named header, or {@code null} when absent. */
    public String header(String name) {
        return ((RequestHeaders) headers).first(name);
    }
}
