package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.EngineConfig;
import dev.sluice.engine.QueueEngine;
import dev.sluice.protocol.ProtocolConfig;
import dev.sluice.protocol.SqsEndpoint;
import dev.sluice.store.log.LogQueueStore;
import dev.sluice.store.log.LogStoreOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP layer in front of the real SQS endpoint, engine and log store. */
class SqsOverHttpTest {
    private static final Pattern QUEUE_URL = Pattern.compile("\"QueueUrl\"\\s*:\\s*\"([^\"]+)\"");

    @TempDir
    Path dataDir;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LogQueueStore store;
    private QueueEngine engine;
    private HttpServer server;

    @BeforeEach
    void start() {
        store = LogQueueStore.open(dataDir, LogStoreOptions.defaults().withSegmentSize(1 << 20));
        engine = new QueueEngine(store, InstantSource.system(), EngineConfig.defaults(new byte[32]));
        SqsEndpoint sqs = new SqsEndpoint(engine, new ProtocolConfig("", EngineConfig.DEFAULT_ACCOUNT));
        server = new HttpServer(
                        HttpServerConfig.defaults("127.0.0.1", 0).withMaxBodyBytes(64 * 1024), ApiEndpoint.of(sqs))
                .start();
        server.ready(true);
    }

    /** Closes what the start got to open, so a store never outlives the test when the start failed half-way. */
    @AfterEach
    void stop() {
        if (server != null) {
            server.stopAccepting();
        }
        if (engine != null) {
            engine.close();
        }
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private CompletableFuture<HttpResponse<String>> json(String action, String body) {
        return client.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .header("X-Amz-Target", "AmazonSQS." + action)
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> query(String form) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String createQueue(String name) throws Exception {
        HttpResponse<String> created =
                json("CreateQueue", "{\"QueueName\":\"" + name + "\"}").get(10, TimeUnit.SECONDS);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        Matcher url = QUEUE_URL.matcher(created.body());
        assertThat(url.find()).as(created.body()).isTrue();
        return url.group(1);
    }

    private void awaitRequestsInProgress(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (server.requestsInProgress() != count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.requestsInProgress()).isEqualTo(count);
    }

    @Test
    void queueUrlUsesTheHostTheClientUsed() throws Exception {
        assertThat(createQueue("orders")).isEqualTo("http://127.0.0.1:" + server.port() + "/000000000000/orders");
    }

    @Test
    void longPollIsAnsweredAsSoonAsAMessageIsSent() throws Exception {
        String url = createQueue("polled");
        awaitRequestsInProgress(0); // CreateQueue counts until its response is flushed
        CompletableFuture<HttpResponse<String>> poll =
                json("ReceiveMessage", "{\"QueueUrl\":\"" + url + "\",\"WaitTimeSeconds\":10}");
        awaitRequestsInProgress(1);

        long sent = System.nanoTime();
        HttpResponse<String> send = json("SendMessage", "{\"QueueUrl\":\"" + url + "\",\"MessageBody\":\"wake up\"}")
                .get(10, TimeUnit.SECONDS);
        assertThat(send.statusCode()).as(send.body()).isEqualTo(200);

        HttpResponse<String> received = poll.get(5, TimeUnit.SECONDS);
        assertThat(received.body()).contains("wake up");
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void queryProtocolIsServedOnTheSamePort() throws Exception {
        HttpResponse<String> response = query("Action=ListQueues&Version=2012-11-05");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<ListQueuesResponse");
    }

    @Test
    void oversizedJsonRequestGetsTheJsonRequestEntityTooLargeError() throws Exception {
        String body = "{\"QueueUrl\":\"x\",\"MessageBody\":\"" + "a".repeat(70 * 1024) + "\"}";

        HttpResponse<String> response = json("SendMessage", body).get(10, TimeUnit.SECONDS);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("json"));
        assertThat(response.body()).contains("RequestEntityTooLarge");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void oversizedQueryRequestGetsTheXmlRequestEntityTooLargeError() throws Exception {
        HttpResponse<String> response =
                query("Action=SendMessage&Version=2012-11-05&MessageBody=" + "b".repeat(70 * 1024));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("<Code>RequestEntityTooLarge</Code>");
    }
}
