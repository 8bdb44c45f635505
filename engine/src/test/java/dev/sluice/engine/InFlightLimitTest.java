package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.store.QueueId;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InFlightLimitTest {
    @TempDir
    Path dir;

    /** REFERENCE §6.5: standard queue at the in-flight limit → OverLimit on short poll, empty on long poll. */
    @Test
    void standardQueueAtInFlightLimitIsOverLimitOnShortPollAndEmptyOnLongPoll() {
        try (EngineFixture f = new EngineFixture(dir, new ManualClock(), EngineFixture.config(2))) {
            QueueId q = f.create("orders");
            for (int i = 0; i < 3; i++) {
                f.send(q, "m" + i);
            }
            assertThat(f.receive(q, 2)).hasSize(2);
            assertThatThrownBy(() -> f.receive(q, 1))
                    .isInstanceOfSatisfying(
                            SqsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OVER_LIMIT));
            assertThat(f.engine.receiveMessage(q, new ReceiveMessageInput(1, null, 1, List.of(), List.of(), null)))
                    .isEmpty();
        }
    }
}
