package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.store.QueueId;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreFailureTest {
    @TempDir
    Path dir;

    /** A store failure reaches the client as a retryable 5xx, never as a raw exception. */
    @Test
    void storeFailureBecomesA5xxSqsException() {
        try (EngineFixture f = new EngineFixture(dir, new ManualClock())) {
            QueueId q = f.create("orders");
            f.store.close();
            assertThatThrownBy(() -> f.send(q, "x")).isInstanceOfSatisfying(SqsException.class, e -> {
                assertThat(e.code().httpStatus()).isGreaterThanOrEqualTo(500);
                assertThat(e.code().senderFault()).isFalse();
            });
        }
    }

    /** The async send fails its future with the same SqsException, not wrapped, so the wire codec can encode it. */
    @Test
    void storeFailureFailsAnAsyncSendWithA5xxSqsException() {
        try (EngineFixture f = new EngineFixture(dir, new ManualClock())) {
            QueueId q = f.create("orders");
            f.store.close();

            Throwable failure = f.engine
                    .sendMessageAsync(q, SendMessageInput.ofBody("x"))
                    .handle((sent, e) -> e)
                    .join();

            assertThat(failure).isInstanceOfSatisfying(SqsException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
                assertThat(e.code().httpStatus()).isEqualTo(503);
            });
        }
    }

    /** The store must be closed before the folder is removed: its writer and maintenance threads still run. */
    @Test
    void asyncSendToAMissingQueueFailsWithQueueDoesNotExist() {
        try (EngineFixture f = new EngineFixture(dir, new ManualClock())) {
            Throwable failure = f.engine
                    .sendMessageBatchAsync(
                            new QueueId("000000000000", "missing"),
                            List.of(new BatchEntry<>("a", SendMessageInput.ofBody("x"))))
                    .handle((sent, e) -> e)
                    .join();

            assertThat(failure)
                    .isInstanceOfSatisfying(
                            SqsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.QUEUE_DOES_NOT_EXIST));
        }
    }
}
