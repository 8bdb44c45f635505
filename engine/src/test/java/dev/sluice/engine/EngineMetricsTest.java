package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.QueueId;
import dev.sluice.store.QueueStore;
import dev.sluice.store.log.LogQueueStore;
import dev.sluice.store.log.LogStoreOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineMetricsTest {
    @TempDir
    Path dir;

    @Test
    void engineReportsSentReceivedDeletedAndEmptyReceives() {
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger received = new AtomicInteger();
        AtomicInteger deleted = new AtomicInteger();
        AtomicInteger empty = new AtomicInteger();
        EngineMetrics metrics = new EngineMetrics() {
            @Override
            public void messagesSent(QueueId queue, int count) {
                sent.addAndGet(count);
            }

            @Override
            public void messagesReceived(QueueId queue, int count) {
                received.addAndGet(count);
            }

            @Override
            public void messagesDeleted(QueueId queue, int count) {
                deleted.addAndGet(count);
            }

            @Override
            public void emptyReceive(QueueId queue) {
                empty.incrementAndGet();
            }
        };
        try (QueueStore store =
                        LogQueueStore.open(dir, LogStoreOptions.defaults().withSegmentSize(1 << 20));
                QueueEngine engine = new QueueEngine(
                        store, new ManualClock(), EngineConfig.defaults(EngineFixture.newMasterKey()), metrics)) {
            QueueId q = engine.createQueue(EngineFixture.ACCOUNT, "orders", Map.of(), Map.of());
            engine.sendMessage(q, SendMessageInput.ofBody("a"));
            engine.sendMessageBatch(
                    q,
                    List.of(
                            new BatchEntry<>("b", SendMessageInput.ofBody("b")),
                            new BatchEntry<>("c", SendMessageInput.ofBody("c"))));
            List<ReceivedMessage> got =
                    engine.receiveMessage(q, new ReceiveMessageInput(10, null, 0, List.of(), List.of(), null));
            engine.deleteMessage(q, got.get(0).receiptHandle());
            engine.deleteMessage(q, got.get(0).receiptHandle());
            engine.receiveMessage(q, ReceiveMessageInput.defaults());
        }
        assertThat(sent).hasValue(3);
        assertThat(received).hasValue(3);
        assertThat(deleted).hasValue(1);
        assertThat(empty).hasValue(1);
    }
}
