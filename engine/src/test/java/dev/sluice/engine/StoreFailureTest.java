package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.store.QueueId;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreFailureTest {
    @TempDir
    Path dir;

    /** A store failure reaches the client as a retryable 5xx, never as a raw exception. */
    @Test
    void storeFailureBecomesA5xxSqsException() {
        EngineFixture f = new EngineFixture(dir, new ManualClock());
        QueueId q = f.create("orders");
        f.store.close();
        assertThatThrownBy(() -> f.send(q, "x")).isInstanceOfSatisfying(SqsException.class, e -> {
            assertThat(e.code().httpStatus()).isGreaterThanOrEqualTo(500);
            assertThat(e.code().senderFault()).isFalse();
        });
        f.engine.close();
    }
}
