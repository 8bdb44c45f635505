package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.EngineConfig;
import dev.sluice.engine.QueueEngine;
import dev.sluice.store.QueueStore;
import dev.sluice.store.log.LogQueueStore;
import dev.sluice.store.log.LogStoreOptions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which requests the endpoint answers without blocking, so the HTTP layer may handle them on its event loop: only
 * JSON sends and deletes of bounded size over a store whose writes do not wait. A wrong "yes" would let a long poll
 * park an event loop, so the "no" cases matter as much.
 */
class NonBlockingRequestsTest {
    private static final String SEND = "{\"QueueUrl\":\"http://localhost:9324/000000000000/q\",\"MessageBody\":\"x\"}";

    @TempDir
    Path dir;

    private Endpoint endpoint;

    @BeforeEach
    void open() {
        endpoint = new Endpoint(dir);
    }

    @AfterEach
    void close() throws Exception {
        endpoint.close();
    }

    @Test
    void jsonSendsAndDeletesAnswerWithoutBlocking() {
        SqsEndpoint sqs = endpoint.endpoint();

        assertThat(sqs.answersWithoutBlocking(Endpoint.jsonRequest("SendMessage", SEND, Map.of())))
                .isTrue();
        assertThat(sqs.answersWithoutBlocking(Endpoint.jsonRequest("SendMessageBatch", "{}", Map.of())))
                .isTrue();
        assertThat(sqs.answersWithoutBlocking(Endpoint.jsonRequest("DeleteMessage", "{}", Map.of())))
                .isTrue();
        assertThat(sqs.answersWithoutBlocking(Endpoint.jsonRequest("DeleteMessageBatch", "{}", Map.of())))
                .isTrue();
    }

    @Test
    void otherJsonActionsMayBlock() {
        SqsEndpoint sqs = endpoint.endpoint();

        assertThat(sqs.answersWithoutBlocking(Endpoint.jsonRequest("ReceiveMessage", "{}", Map.of())))
                .isFalse();
        assertThat(sqs.answersWithoutBlocking(Endpoint.jsonRequest("ChangeMessageVisibility", "{}", Map.of())))
                .isFalse();
        assertThat(sqs.answersWithoutBlocking(Endpoint.jsonRequest("PurgeQueue", "{}", Map.of())))
                .isFalse();
        assertThat(sqs.answersWithoutBlocking(Endpoint.jsonRequest("NoSuchAction", "{}", Map.of())))
                .isFalse();
    }

    /** The Query action is in the form, which a request's target header cannot vouch for. */
    @Test
    void queryRequestsMayBlockEvenWithASendTarget() {
        HttpRequestView query = Endpoint.request(
                "POST",
                "/",
                "",
                Endpoint.headers(
                        "application/x-www-form-urlencoded", Map.of("X-Amz-Target", "AmazonSQS.SendMessage"), Map.of()),
                "Action=ReceiveMessage&WaitTimeSeconds=20".getBytes(StandardCharsets.UTF_8));

        assertThat(endpoint.endpoint().answersWithoutBlocking(query)).isFalse();
    }

    @Test
    void largeSendsGoToARequestThread() {
        SqsEndpoint sqs = endpoint.endpoint();
        String atLimit = "x".repeat(SqsEndpoint.NON_BLOCKING_BODY_LIMIT);
        String overLimit = atLimit + "x";

        assertThat(sqs.answersWithoutBlocking(Endpoint.jsonRequest("SendMessage", atLimit, Map.of())))
                .isTrue();
        assertThat(sqs.answersWithoutBlocking(Endpoint.jsonRequest("SendMessage", overLimit, Map.of())))
                .isFalse();
    }

    @Test
    void sendsMayBlockOnAStoreWhoseWritesWait(@TempDir Path other) throws Exception {
        try (LogQueueStore real = LogQueueStore.open(other, LogStoreOptions.defaults());
                QueueEngine engine = new QueueEngine(
                        waitingView(real), InstantSource.system(), EngineConfig.defaults(new byte[32]))) {
            SqsEndpoint sqs = new SqsEndpoint(engine, new ProtocolConfig("", Endpoint.ACCOUNT));

            assertThat(engine.asyncCallsWithoutWaiting()).isFalse();
            assertThat(sqs.answersWithoutBlocking(Endpoint.jsonRequest("SendMessage", SEND, Map.of())))
                    .isFalse();
        }
    }

    /** {@code store} as a backend that keeps the contract's default: its writes may wait (as a database's would). */
    private static QueueStore waitingView(QueueStore store) {
        return (QueueStore) Proxy.newProxyInstance(
                QueueStore.class.getClassLoader(), new Class<?>[] {QueueStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("asyncWritesWithoutWaiting")) {
                        return false;
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
