package dev.sluice.protocol;

import java.util.Map;
import java.util.Objects;

/** A complete HTTP response for the HTTP layer to write: status, headers (no Content-Length needed) and body. */
public record HttpResponse(int status, Map<String, String> headers, byte[] body) {
    public HttpResponse {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }
}
