package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.engine.EngineConfig;
import dev.sluice.engine.QueueEngine;
import dev.sluice.protocol.action.Actions;
import dev.sluice.store.log.LogQueueStore;
import dev.sluice.store.log.LogStoreOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A real SqsEndpoint over a real engine and log store in a temporary folder, with request builders for tests. */
final class Endpoint implements AutoCloseable {
    static final String HOST = "localhost:9324";
    static final String BASE = "http://" + HOST;
    static final String ACCOUNT = "000000000000";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LogQueueStore store;
    private final QueueEngine engine;
    private final SqsEndpoint endpoint;

    Endpoint(Path dir) {
        this(dir, "", Actions.standard());
    }

    Endpoint(Path dir, String advertisedBaseUrl, Actions actions) {
        store = LogQueueStore.open(dir, LogStoreOptions.defaults());
        EngineConfig config =
                new EngineConfig(EngineConfig.DEFAULT_REGION, new byte[32], Duration.ZERO, Duration.ZERO, 120_000);
        engine = new QueueEngine(store, InstantSource.system(), config);
        endpoint = new SqsEndpoint(
                engine, new ProtocolConfig(advertisedBaseUrl, ACCOUNT), InstantSource.system(), actions);
    }

    SqsEndpoint endpoint() {
        return endpoint;
    }

    Reply handle(HttpRequestView request) {
        return new Reply(endpoint.handle(request));
    }

    Reply json(String action, String body) {
        return handle(jsonRequest(action, body, Map.of()));
    }

    static HttpRequestView jsonRequest(String action, String body, Map<String, String> extraHeaders) {
        return request(
                "POST",
                "/",
                "",
                headers("application/x-amz-json-1.0", Map.of("X-Amz-Target", "AmazonSQS." + action), extraHeaders),
                body.getBytes(StandardCharsets.UTF_8));
    }

    Reply query(String form) {
        return query("/", form);
    }

    Reply query(String path, String form) {
        return handle(request(
                "POST",
                path,
                "",
                headers("application/x-www-form-urlencoded; charset=utf-8", Map.of(), Map.of()),
                form.getBytes(StandardCharsets.UTF_8)));
    }

    Reply get(String path, String rawQuery) {
        return handle(request("GET", path, rawQuery, headers(null, Map.of(), Map.of()), new byte[0]));
    }

    static HttpRequestView request(
            String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        return new HttpRequestView(method, path, rawQuery, headers, body, false, "127.0.0.1");
    }

    static Map<String, List<String>> headers(
            String contentType, Map<String, String> protocolHeaders, Map<String, String> extraHeaders) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of(HOST));
        if (contentType != null) {
            headers.put("Content-Type", List.of(contentType));
        }
        protocolHeaders.forEach((name, value) -> headers.put(name, List.of(value)));
        extraHeaders.forEach((name, value) -> headers.put(name, List.of(value)));
        return headers;
    }

    /** Creates a queue over JSON and returns its URL. */
    String createQueue(String name) {
        Reply reply = json("CreateQueue", "{\"QueueName\":\"" + name + "\"}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json().get("QueueUrl").asText();
    }

    @Override
    public void close() throws Exception {
        engine.close();
        store.close();
    }

    /** One response, with readers for its body. */
    record Reply(int status, Map<String, String> headers, String text) {
        Reply(HttpResponse response) {
            this(response.status(), response.headers(), new String(response.body(), StandardCharsets.UTF_8));
        }

        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
