package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpServerTest {
    private final TestApi api = new TestApi();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private HttpServer server;

    @BeforeEach
    void start() {
        server = new HttpServer(HttpServerConfig.defaults("127.0.0.1", 0).withMaxBodyBytes(1024), api).start();
        server.ready(true);
    }

    @AfterEach
    void stop() {
        api.release();
        server.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery));
    }

    /** A request the endpoint answers without blocking (a send) runs on the event loop, others on virtual threads. */
    @Test
    void onlyRequestsTheEndpointAnswersWithoutBlockingRunOnTheEventLoop() throws Exception {
        HttpResponse<String> inline = send(request("/inline"));
        HttpResponse<String> other = send(request("/thread"));

        assertThat(inline.body()).startsWith("platform sluice-io-");
        assertThat(other.body()).startsWith("virtual sqs-request-");
    }

    @Test
    void healthLiveAnswers200WithoutReachingTheApi() throws Exception {
        HttpResponse<String> response = send(request("/health/live"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("UP");
        assertThat(api.handled).hasValue(0);
    }

    @Test
    void healthReadyFollowsTheReadyFlag() throws Exception {
        server.ready(false);
        assertThat(send(request("/health/ready")).statusCode()).isEqualTo(503);

        server.ready(true);
        assertThat(send(request("/health/ready")).statusCode()).isEqualTo(200);
    }

    @Test
    void apiRequestReachesTheEndpointWithHeadersPathQueryBodyAndPeerAsSent() throws Exception {
        HttpResponse<String> response = send(request("/000000000000/orders?Action=SendMessage&x=a%20b")
                .header("X-Amz-Target", "AmazonSQS.SendMessage")
                .header("X-Custom-Header", "Mixed Case Value")
                .POST(HttpRequest.BodyPublishers.ofString("{\"MessageBody\":\"hi\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length"))
                .hasValue(String.valueOf(response.body().length()));
        var seen = api.last;
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.path()).isEqualTo("/000000000000/orders");
        assertThat(seen.rawQuery()).isEqualTo("Action=SendMessage&x=a%20b");
        assertThat(seen.header("x-amz-target")).isEqualTo("AmazonSQS.SendMessage");
        assertThat(seen.header("X-CUSTOM-HEADER")).isEqualTo("Mixed Case Value");
        assertThat(new String(seen.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"MessageBody\":\"hi\"}");
        assertThat(seen.secure()).isFalse();
        assertThat(seen.remoteAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void repeatedHeadersReachTheEndpointInArrivalOrderWhateverTheirCase() throws Exception {
        try (RawHttp raw = new RawHttp(server.port())) {
            raw.send("GET /echo HTTP/1.1\r\nHost: localhost\r\nX-Multi: one\r\nAccept: */*\r\nx-multi: two\r\n"
                    + "X-MULTI: three\r\n\r\n");
            assertThat(raw.read().status()).isEqualTo(200);
        }
        var seen = api.last;
        assertThat(seen.header("x-multi")).isEqualTo("one");
        assertThat(seen.headers().get("X-Multi")).containsExactly("one", "two", "three");
        assertThat(seen.headers().get("accept")).containsExactly("*/*");
        assertThat(seen.header("Missing")).isNull();
    }

    @Test
    void postToHealthPathGoesToTheApi() throws Exception {
        send(request("/health/live").POST(HttpRequest.BodyPublishers.ofString("x")));

        assertThat(api.handled).hasValue(1);
    }

    @Test
    void bodyOverTheLimitGetsTheSqsRequestEntityTooLargeError() throws Exception {
        HttpResponse<String> response = send(request("/").POST(HttpRequest.BodyPublishers.ofString("x".repeat(4096))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("RequestEntityTooLarge");
        assertThat(api.handled).hasValue(0);
    }

    @Test
    void chunkedBodyOverTheLimitGetsTheSqsErrorAndTheConnectionCloses() throws Exception {
        try (RawHttp raw = new RawHttp(server.port())) {
            String chunk = "y".repeat(600);
            raw.send("POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n" + "258\r\n" + chunk
                    + "\r\n" + "258\r\n" + chunk + "\r\n" + "0\r\n\r\n");

            RawHttp.Response response = raw.read();

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.body()).contains("RequestEntityTooLarge");
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(raw.closedByServer()).isTrue();
        }
        assertThat(api.handled).hasValue(0);
    }

    @Test
    void expectContinueWithOversizedLengthGets413BeforeTheBodyIsSent() throws Exception {
        try (RawHttp raw = new RawHttp(server.port())) {
            raw.send("POST / HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\nContent-Length: 5000\r\n\r\n");

            RawHttp.Response response = raw.read();

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.body()).contains("RequestEntityTooLarge");
        }
    }

    @Test
    void bodyAtTheLimitIsAccepted() throws Exception {
        HttpResponse<String> response = send(request("/").POST(HttpRequest.BodyPublishers.ofString("z".repeat(1024))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(api.last.body()).hasSize(1024);
    }

    @Test
    void keepAliveServesSeveralRequestsOnOneConnection() throws Exception {
        try (RawHttp raw = new RawHttp(server.port())) {
            for (int i = 0; i < 3; i++) {
                raw.send(RawHttp.post("/echo", "n" + i));
                RawHttp.Response response = raw.read();
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("POST /echo  n" + i);
                assertThat(response.header("Connection")).isNull();
            }
        }
    }

    @Test
    void connectionCloseRequestIsAnsweredThenClosed() throws Exception {
        try (RawHttp raw = new RawHttp(server.port())) {
            raw.send("GET /echo HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertThat(raw.read().header("Connection")).isEqualTo("close");
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void http10KeepAliveIsHonoured() throws Exception {
        try (RawHttp raw = new RawHttp(server.port())) {
            raw.send("GET /echo HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            assertThat(raw.read().header("Connection")).isEqualToIgnoringCase("keep-alive");
            raw.send("GET /echo HTTP/1.0\r\n\r\n");
            assertThat(raw.read().status()).isEqualTo(200);
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (RawHttp raw = new RawHttp(server.port())) {
            raw.send(RawHttp.post("/sleep?ms=300", "first")
                    + RawHttp.post("/echo", "second")
                    + RawHttp.post("/sleep?ms=50", "third"));

            assertThat(raw.read().body()).endsWith("first");
            assertThat(raw.read().body()).endsWith("second");
            assertThat(raw.read().body()).endsWith("third");
        }
    }

    @Test
    void manyPipelinedRequestsAreAllAnsweredInOrderAcrossReadPauses() throws Exception {
        int count = 32;
        StringBuilder all = new StringBuilder(RawHttp.post("/sleep?ms=100", "r0"));
        for (int i = 1; i < count; i++) {
            all.append(RawHttp.post("/echo", "r" + i));
        }
        try (RawHttp raw = new RawHttp(server.port())) {
            raw.send(all.toString());

            for (int i = 0; i < count; i++) {
                assertThat(raw.read().body()).endsWith(" r" + i);
            }
        }
        assertThat(api.handled).hasValue(count);
    }

    @Test
    void malformedRequestGets400AndTheConnectionCloses() throws Exception {
        try (RawHttp raw = new RawHttp(server.port())) {
            raw.send("this is not http\r\n\r\n");

            assertThat(raw.read().status()).isEqualTo(400);
            assertThat(raw.closedByServer()).isTrue();
        }
        assertThat(api.handled).hasValue(0);
    }

    @Test
    void invalidContentLengthGets400() throws Exception {
        try (RawHttp raw = new RawHttp(server.port())) {
            raw.send("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: ten\r\n\r\n");

            assertThat(raw.read().status()).isEqualTo(400);
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void tooLongRequestLineGets414() throws Exception {
        try (RawHttp raw = new RawHttp(server.port())) {
            raw.send("GET /?" + "a".repeat(300 * 1024) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

            assertThat(raw.read().status()).isEqualTo(414);
        }
    }

    @Test
    void endpointFailureBecomesInternalError() throws Exception {
        HttpResponse<String> response = send(request("/boom"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("InternalFailure");
    }

    @Test
    void responseHeaderThatWouldSplitTheResponseBecomesA500() throws Exception {
        try (RawHttp raw = new RawHttp(server.port())) {
            raw.send(RawHttp.get("/bad-header"));

            RawHttp.Response response = raw.read();
            assertThat(response.status()).isEqualTo(500);
            assertThat(response.header("Injected")).isNull();
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void absoluteFormTargetIsReducedToPathAndQuery() {
        assertThat(RequestCopy.originForm("http://sqs.local:9324/000000000000/q?Action=X"))
                .isEqualTo("/000000000000/q?Action=X");
        assertThat(RequestCopy.originForm("http://sqs.local:9324?Action=X")).isEqualTo("/?Action=X");
        assertThat(RequestCopy.originForm("/a#frag")).isEqualTo("/a");
    }

    @Test
    void answerCompletedLaterByAnotherThreadIsWrittenFromTheEventLoop() throws Exception {
        HttpResponse<String> response = send(request("/later?ms=50").POST(HttpRequest.BodyPublishers.ofString("x")));

        assertThat(response.statusCode()).isEqualTo(200);
        // the endpoint completed the answer on the continuation executor the HTTP layer gave it: the event loop
        assertThat(response.body()).startsWith("later sluice-io-");
    }

    @Test
    void pipelinedLaterAnswersAreWrittenInRequestOrder() throws Exception {
        try (RawHttp raw = new RawHttp(server.port())) {
            raw.send(RawHttp.post("/later?ms=200", "first")
                    + RawHttp.post("/echo", "second")
                    + RawHttp.post("/later?ms=1", "third"));

            assertThat(raw.read().body()).startsWith("later ");
            assertThat(raw.read().body()).endsWith("second");
            assertThat(raw.read().body()).startsWith("later ");
        }
        assertThat(api.handled).hasValue(3);
    }

    @Test
    void answerThatFailsLaterIsAnInternalErrorAndTheConnectionStaysUsable() throws Exception {
        try (RawHttp raw = new RawHttp(server.port())) {
            raw.send(RawHttp.post("/later-boom", "x"));
            RawHttp.Response failed = raw.read();

            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.body()).contains("InternalFailure").doesNotContain("later boom");
            raw.send(RawHttp.post("/later?ms=1", "x"));
            assertThat(raw.read().body()).startsWith("later ");
        }
        assertThat(api.handled).hasValue(2);
    }
}
