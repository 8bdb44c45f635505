package dev.sluice.store.log;

import static dev.sluice.store.log.StoreFixture.T0;
import static dev.sluice.store.log.StoreFixture.at;
import static dev.sluice.store.log.StoreFixture.options;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.ClaimRequest;
import dev.sluice.store.CreateOutcome;
import dev.sluice.store.MessageRef;
import dev.sluice.store.NewMessage;
import dev.sluice.store.QueueId;
import dev.sluice.store.QueueRecord;
import dev.sluice.store.StoredMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FIFO receive retries by ReceiveRequestAttemptId (REFERENCE §7.3). */
class ReceiveAttemptTest {
    private static final QueueId FIFO = new QueueId("000000000000", "orders.fifo");

    @TempDir
    Path dir;

    private LogQueueStore store;

    @BeforeEach
    void fifoQueueWithTwoMessages() {
        store = LogQueueStore.open(dir, options());
        QueueRecord record = new QueueRecord(FIFO, 0, true, Map.of(), Map.of(), "", T0, T0);
        assertThat(store.createQueue(record, T0)).isInstanceOf(CreateOutcome.Created.class);
        store.append(
                FIFO,
                List.of(
                        new NewMessage("m1", new byte[] {1}, T0, T0, "g", "d1", null),
                        new NewMessage("m2", new byte[] {2}, T0, T0, "g", "d2", null)),
                AppendOptions.at(T0));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void retryWithTheSameAttemptIdReturnsTheSameDeliveriesAndRenewsTheirDeadline() {
        List<StoredMessage> first = claim("a1", 0, 30);

        List<StoredMessage> retry = claim("a1", 10, 40);

        assertThat(retry).extracting(StoredMessage::ref).containsExactlyElementsOf(refs(first));
        assertThat(retry).extracting(StoredMessage::visibleAt).containsOnly(at(40));
        assertThat(claim("other", 35, 60)).isEmpty();
    }

    @Test
    void retryAfterAVisibilityChangeIsANewReceive() {
        List<StoredMessage> first = claim("a1", 0, 30);
        store.changeVisibility(FIFO, first.get(0).ref(), at(1), at(1), true);
        store.changeVisibility(FIFO, first.get(1).ref(), at(1), at(1), true);

        List<StoredMessage> retry = claim("a1", 2, 40);

        assertThat(retry).extracting(StoredMessage::messageId).containsExactly("m1", "m2");
        assertThat(retry).extracting(StoredMessage::receiveCount).containsOnly(2);
    }

    @Test
    void retryAfterFiveMinutesIsANewReceive() {
        claim("a1", 0, 30);

        assertThat(claim("a1", 301, 400))
                .extracting(StoredMessage::receiveCount)
                .containsOnly(2);
    }

    private List<StoredMessage> claim(String attemptId, long now, long until) {
        return store.claim(FIFO, new ClaimRequest(10, at(now), at(until), T0.minusSeconds(60), null, attemptId));
    }

    private static List<MessageRef> refs(List<StoredMessage> messages) {
        return messages.stream().map(StoredMessage::ref).toList();
    }
}
