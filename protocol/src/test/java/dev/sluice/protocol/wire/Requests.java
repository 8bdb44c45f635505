package dev.sluice.protocol.wire;

import dev.sluice.protocol.HttpRequestView;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Builds HTTP requests as the HTTP layer would hand them to the protocol layer. */
final class Requests {
    private Requests() {}

    static HttpRequestView form(String body) {
        return form(body.getBytes(StandardCharsets.UTF_8));
    }

    static HttpRequestView form(byte[] body) {
        return new HttpRequestView(
                "POST",
                "/",
                "",
                Map.of(
                        "Host", List.of("localhost:9324"),
                        "Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8")),
                body,
                false,
                "127.0.0.1");
    }

    static HttpRequestView get(String path, String rawQuery) {
        return new HttpRequestView(
                "GET", path, rawQuery, Map.of("Host", List.of("localhost:9324")), new byte[0], false, "127.0.0.1");
    }

    static HttpRequestView json(String action, String body) {
        return json(action, body.getBytes(StandardCharsets.UTF_8));
    }

    static HttpRequestView json(String action, byte[] body) {
        return new HttpRequestView(
                "POST",
                "/",
                "",
                Map.of(
                        "Host", List.of("localhost:9324"),
                        "Content-Type", List.of("application/x-amz-json-1.0"),
                        "X-Amz-Target", List.of("AmazonSQS." + action)),
                body,
                false,
                "127.0.0.1");
    }
}
