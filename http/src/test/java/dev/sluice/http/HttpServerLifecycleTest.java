package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpServerLifecycleTest {
    private final TestApi api = new TestApi();
    private HttpServer server;

    private HttpServer start(HttpServerConfig config) {
        server = new HttpServer(config, api).start();
        server.ready(true);
        return server;
    }

    @AfterEach
    void stop() {
        api.release();
        if (server != null) {
            server.close();
        }
    }

    private static HttpServerConfig withTimeouts(Duration request, Duration idle, Duration grace) {
        return HttpServerConfig.defaults("127.0.0.1", 0).withTimeouts(request, idle, grace);
    }

    @Test
    void usesEpollOrNio() {
        assertThat(start(HttpServerConfig.defaults("127.0.0.1", 0)).transport()).isIn("epoll", "nio");
    }

    @Test
    void eventLoopsDefaultToOnePerCoreAndMayBeSetOrLeftToNetty() throws Exception {
        HttpServerConfig defaults = HttpServerConfig.defaults("127.0.0.1", 0);
        assertThat(defaults.ioThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThatThrownBy(() -> defaults.withIoThreads(-1)).isInstanceOf(IllegalArgumentException.class);
        for (int threads : new int[] {1, 0}) {
            start(defaults.withIoThreads(threads));
            try (RawHttp first = new RawHttp(server.port());
                    RawHttp second = new RawHttp(server.port())) {
                first.send(RawHttp.post("/echo", "a"));
                second.send(RawHttp.post("/echo", "b"));
                assertThat(first.read().body()).isEqualTo("POST /echo  a");
                assertThat(second.read().body()).isEqualTo("POST /echo  b");
            }
            server.close();
            server = null;
        }
    }

    @Test
    void incompleteRequestGets408AndIsClosedAfterTheRequestTimeout() throws Exception {
        start(withTimeouts(Duration.ofMillis(300), Duration.ofMinutes(1), Duration.ofSeconds(5)));
        try (RawHttp raw = new RawHttp(server.port())) {
            raw.send("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\nonly-ten!!");

            assertThat(raw.read().status()).isEqualTo(408);
            assertThat(raw.closedByServer()).isTrue();
        }
        assertThat(api.handled).hasValue(0);
    }

    @Test
    void oversizedRequestWhoseBodyNeverEndsGets413ThenIsClosedAtTheRequestTimeout() throws Exception {
        start(withTimeouts(Duration.ofMillis(300), Duration.ofMinutes(1), Duration.ofSeconds(5))
                .withMaxBodyBytes(1024));
        try (RawHttp raw = new RawHttp(server.port())) {
            raw.send("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5000\r\n\r\n" + "x".repeat(100));

            assertThat(raw.read().status()).isEqualTo(413);
            raw.timeout(3_000);
            assertThat(raw.closedByServer())
                    .as("closed, with no second response")
                    .isTrue();
        }
    }

    @Test
    void requestInProgressIsNotCutByTheRequestTimeout() throws Exception {
        start(withTimeouts(Duration.ofMillis(200), Duration.ofMinutes(1), Duration.ofSeconds(5)));
        try (RawHttp raw = new RawHttp(server.port())) {
            raw.send(RawHttp.get("/sleep?ms=700"));

            assertThat(raw.read().status()).isEqualTo(200);
        }
    }

    @Test
    void connectionBusierThanItsIdleTimeoutStaysOpenAndClosesOnceIdle() throws Exception {
        // the idle timer is not re-armed per request: one armed at the first request must not cut a later wait short
        start(withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(600), Duration.ofSeconds(5)));
        try (RawHttp raw = new RawHttp(server.port())) {
            for (int i = 0; i < 8; i++) {
                if (i > 0) {
                    Thread.sleep(150);
                }
                raw.send(RawHttp.post("/echo", "r" + i));
                assertThat(raw.read().body()).isEqualTo("POST /echo  r" + i);
            }
            long idleFrom = System.nanoTime();

            raw.timeout(3_000);
            assertThat(raw.closedByServer()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - idleFrom)).isGreaterThanOrEqualTo(Duration.ofMillis(550));
        }
        assertThat(api.handled).hasValue(8);
    }

    @Test
    void secondRequestSlowerThanTheRequestTimeoutGets408EvenOnABusyConnection() throws Exception {
        start(withTimeouts(Duration.ofMillis(300), Duration.ofMinutes(1), Duration.ofSeconds(5)));
        try (RawHttp raw = new RawHttp(server.port())) {
            raw.send(RawHttp.post("/echo", "first"));
            assertThat(raw.read().status()).isEqualTo(200);

            raw.send("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\nonly-ten!!");

            assertThat(raw.read().status()).isEqualTo(408);
            assertThat(raw.closedByServer()).isTrue();
        }
        assertThat(api.handled).hasValue(1);
    }

    @Test
    void idleKeepAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        start(withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofSeconds(5)));
        try (RawHttp raw = new RawHttp(server.port())) {
            raw.send(RawHttp.get("/echo"));
            assertThat(raw.read().status()).isEqualTo(200);

            raw.timeout(3_000);
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void gracefulCloseLetsTheRequestInProgressFinishAndRefusesNewOnes() throws Exception {
        start(withTimeouts(Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofSeconds(5)));
        int port = server.port();
        try (RawHttp waiting = new RawHttp(port);
                RawHttp idle = new RawHttp(port)) {
            idle.send(RawHttp.get("/echo"));
            assertThat(idle.read().status()).isEqualTo(200);
            waiting.send(RawHttp.get("/block"));
            awaitBlocked(1);

            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            awaitNotListening(port);

            idle.send(RawHttp.get("/echo"));
            RawHttp.Response refused = idle.read();
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.body()).contains("ServiceUnavailable");
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
            assertThat(closing).isNotDone();

            api.release();
            RawHttp.Response answered = waiting.read();
            assertThat(answered.status()).isEqualTo(200);
            assertThat(answered.header("Connection")).isEqualTo("close");
            closing.get(5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void thousandConcurrentWaitingRequestsAreHeldAndAllAnswered() throws Exception {
        start(HttpServerConfig.defaults("127.0.0.1", 0));
        List<RawHttp> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 1_000; i++) {
                clients.add(new RawHttp(server.port()).send(RawHttp.get("/block")));
            }
            awaitBlocked(1_000);
            assertThat(server.requestsInProgress()).isEqualTo(1_000);

            api.release();

            for (RawHttp client : clients) {
                assertThat(client.read().status()).isEqualTo(200);
            }
        } finally {
            for (RawHttp client : clients) {
                client.close();
            }
        }
    }

    /** Waits until {@code count} requests wait in the endpoint (a request counts as in progress a bit longer). */
    private void awaitBlocked(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (api.blocked.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(api.blocked).hasValue(count);
    }

    /** Waits until the ready flag has dropped and the listener, which closes right after it, refuses connections. */
    private void awaitNotListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (server.isReady() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        while (accepts(port) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static boolean accepts(int port) {
        try {
            new Socket("127.0.0.1", port).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
