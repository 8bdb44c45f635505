package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SluiceServerTest {
    private static final Pattern QUEUE_URL = Pattern.compile("\"QueueUrl\"\\s*:\\s*\"([^\"]+)\"");

    @TempDir
    Path dataDir;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private SluiceServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private SluiceServer start() {
        server = SluiceServer.start(ServerConfig.defaults(dataDir).withBind("127.0.0.1", 0));
        return server;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(server.url() + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> json(String action, String body) {
        return client.sendAsync(
                HttpRequest.newBuilder(URI.create(server.url() + "/"))
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .header("X-Amz-Target", "AmazonSQS." + action)
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitRequestsInProgress(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (server.requestsInProgress() != count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.requestsInProgress()).isEqualTo(count);
    }

    /** Creates a queue and starts a 20-second long poll on it; returns once the poll is the one request in progress. */
    private CompletableFuture<HttpResponse<String>> longPollOnANewQueue(String name) throws Exception {
        HttpResponse<String> created =
                json("CreateQueue", "{\"QueueName\":\"" + name + "\"}").get(10, TimeUnit.SECONDS);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        Matcher url = QUEUE_URL.matcher(created.body());
        assertThat(url.find()).as(created.body()).isTrue();
        // CreateQueue stays counted until its response is flushed: wait for that, so the request counted next is
        // the poll
        awaitRequestsInProgress(0);
        CompletableFuture<HttpResponse<String>> poll =
                json("ReceiveMessage", "{\"QueueUrl\":\"" + url.group(1) + "\",\"WaitTimeSeconds\":20}");
        awaitRequestsInProgress(1);
        return poll;
    }

    @Test
    void startsOnAFreePortAndIsReady() throws Exception {
        start();

        assertThat(server.port()).isPositive();
        assertThat(server.isReady()).isTrue();
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void createsTheMasterKeyReadableByItsOwnerOnlyAndKeepsItAcrossRestarts() throws Exception {
        start();
        Path key = dataDir.resolve("master.key");

        assertThat(key).exists();
        assertThat(Files.size(key)).isEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        byte[] first = Files.readAllBytes(key);

        server.close();
        start();

        assertThat(Files.readAllBytes(key)).isEqualTo(first);
        try (var stream = Files.list(dataDir)) {
            assertThat(stream.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void configuredMasterKeyIsUsedInsteadOfAFile() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        server = SluiceServer.start(
                ServerConfig.defaults(dataDir).withBind("127.0.0.1", 0).withMasterKey(key));

        assertThat(dataDir.resolve("master.key")).doesNotExist();
    }

    @Test
    void configuredMasterKeyOfTheWrongLengthFailsClearlyAndReleasesTheFolder() {
        ServerConfig config = ServerConfig.defaults(dataDir)
                .withBind("127.0.0.1", 0)
                .withMasterKey(Base64.getEncoder().encodeToString(new byte[16]));

        assertThatThrownBy(() -> SluiceServer.start(config)).hasMessageContaining("must be 32 bytes, not 16");

        start();
        assertThat(server.isReady()).isTrue();
    }

    @Test
    void secondServerOnTheSameDataFolderFailsWithAClearMessage() {
        start();

        assertThatThrownBy(
                        () -> SluiceServer.start(ServerConfig.defaults(dataDir).withBind("127.0.0.1", 0)))
                .hasMessageContaining("in use");
        assertThat(server.isReady()).isTrue();
    }

    @Test
    void takenPortFailsWithAClearMessageAndReleasesTheFolder(@TempDir Path otherDir) {
        start();
        ServerConfig samePort = ServerConfig.defaults(otherDir).withBind("127.0.0.1", server.port());

        assertThatThrownBy(() -> SluiceServer.start(samePort)).hasMessageContaining("Cannot listen on");

        SluiceServer.start(ServerConfig.defaults(otherDir).withBind("127.0.0.1", 0))
                .close();
    }

    @Test
    void closeAnswersAWaitingLongPollEmptyAndReleasesTheFolder() throws Exception {
        start();
        CompletableFuture<HttpResponse<String>> poll = longPollOnANewQueue("waiting");

        long closing = System.nanoTime();
        server.close();

        HttpResponse<String> answered = poll.get(5, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).doesNotContain("\"Body\"");
        assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(10));
        server = SluiceServer.start(ServerConfig.defaults(dataDir).withBind("127.0.0.1", 0));
        assertThat(server.isReady()).isTrue();
    }

    @Test
    void oneEventLoopServesASendWhileALongPollWaits() throws Exception {
        server = SluiceServer.start(
                ServerConfig.defaults(dataDir).withBind("127.0.0.1", 0).withIoThreads(1));
        CompletableFuture<HttpResponse<String>> poll = longPollOnANewQueue("one-loop");
        String url = server.url() + "/000000000000/one-loop";

        HttpResponse<String> sent = json("SendMessage", "{\"QueueUrl\":\"" + url + "\",\"MessageBody\":\"through\"}")
                .get(10, TimeUnit.SECONDS);

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(poll.get(10, TimeUnit.SECONDS).body()).contains("\"Body\":\"through\"");
    }

    @Test
    void negativeEventLoopCountIsRefused() {
        assertThatThrownBy(() -> ServerConfig.defaults(dataDir).withIoThreads(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ioThreads");
    }
}
