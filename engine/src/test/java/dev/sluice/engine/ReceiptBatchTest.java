package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sluice.store.QueueId;
import dev.sluice.store.QueueStore;
import dev.sluice.store.log.LogQueueStore;
import dev.sluice.store.log.LogStoreOptions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DeleteMessageBatch and ChangeMessageVisibilityBatch (REFERENCE §2.12, §2.14) check every entry on its own, then make
 * one store call for the entries that passed, so a batch costs one store write. The store is the real log store,
 * seen through a proxy that only counts the calls.
 */
class ReceiptBatchTest {
    @TempDir
    Path dir;

    final ManualClock clock = new ManualClock();
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    LogQueueStore real;
    QueueEngine engine;
    QueueId standard;
    QueueId fifo;

    @BeforeEach
    void open() {
        real = LogQueueStore.open(dir, LogStoreOptions.defaults().withSegmentSize(4 << 20));
        QueueStore counted = (QueueStore) Proxy.newProxyInstance(
                QueueStore.class.getClassLoader(), new Class<?>[] {QueueStore.class}, (proxy, method, args) -> {
                    calls.computeIfAbsent(method.getName(), n -> new AtomicInteger())
                            .incrementAndGet();
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        engine = new QueueEngine(counted, clock, EngineConfig.defaults(EngineFixture.newMasterKey()));
        standard = engine.createQueue(EngineFixture.ACCOUNT, "orders", Map.of(), Map.of());
        fifo = engine.createQueue(EngineFixture.ACCOUNT, "jobs.fifo", Map.of("FifoQueue", "true"), Map.of());
    }

    @AfterEach
    void close() {
        engine.close();
        real.close();
    }

    @Test
    void deleteBatchDeletesTheValidEntriesWithOneStoreCall() {
        List<ReceivedMessage> got = sendAndReceive(standard, 9);
        List<BatchEntry<String>> entries = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            entries.add(new BatchEntry<>("e" + i, got.get(i).receiptHandle()));
        }
        entries.add(4, new BatchEntry<>("bad", "garbage"));
        calls.clear();

        BatchResult<Void> result = engine.deleteMessageBatch(standard, entries);

        assertThat(calls("deleteAllAsync")).isEqualTo(1);
        assertThat(calls("deleteAll")).isZero();
        assertThat(calls("delete")).isZero();
        assertThat(result.successful())
                .extracting(BatchEntry::id)
                .containsExactly("e0", "e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8");
        assertThat(result.failed())
                .extracting(BatchFailure::id, BatchFailure::code)
                .containsExactly(tuple("bad", "ReceiptHandleIsInvalid"));
        clock.advanceSeconds(60);
        assertThat(receive(standard, 10)).isEmpty();
    }

    @Test
    void visibilityBatchChecksEachEntryAndChangesTheRestWithOneStoreCall() {
        List<ReceivedMessage> got = sendAndReceive(standard, 3);
        calls.clear();

        BatchResult<Void> result = engine.changeMessageVisibilityBatch(
                standard,
                List.of(
                        new BatchEntry<>(
                                "release", new VisibilityChange(got.get(0).receiptHandle(), 0)),
                        new BatchEntry<>(
                                "missing", new VisibilityChange(got.get(1).receiptHandle(), null)),
                        new BatchEntry<>(
                                "range", new VisibilityChange(got.get(1).receiptHandle(), 43_201)),
                        new BatchEntry<>("garbage", new VisibilityChange("garbage", 10)),
                        new BatchEntry<>(
                                "extend", new VisibilityChange(got.get(2).receiptHandle(), 600))));

        assertThat(calls("changeVisibilityAll")).isEqualTo(1);
        assertThat(calls("changeVisibility")).isZero();
        assertThat(result.successful()).extracting(BatchEntry::id).containsExactly("release", "extend");
        assertThat(result.failed())
                .extracting(BatchFailure::id, BatchFailure::code)
                .containsExactly(
                        tuple("missing", "MissingParameter"),
                        tuple("range", "InvalidParameterValue"),
                        tuple("garbage", "ReceiptHandleIsInvalid"));
        // each check keeps what it receives for 12 hours, so only the batch's deadlines release messages
        assertThat(receiveForHours(standard)).extracting(ReceivedMessage::body).containsExactly("m0");
        clock.advanceSeconds(30);
        assertThat(receiveForHours(standard)).extracting(ReceivedMessage::body).containsExactly("m1");
        clock.advanceSeconds(569);
        assertThat(receiveForHours(standard)).isEmpty();
        clock.advanceSeconds(1);
        assertThat(receiveForHours(standard)).extracting(ReceivedMessage::body).containsExactly("m2");
    }

    @Test
    void batchWhoseEntriesAllFailTheirChecksDoesNotCallTheStore() {
        calls.clear();

        BatchResult<Void> deletes = engine.deleteMessageBatch(standard, List.of(new BatchEntry<>("a", "garbage")));
        BatchResult<Void> changes = engine.changeMessageVisibilityBatch(
                standard, List.of(new BatchEntry<>("b", new VisibilityChange("garbage", 5))));

        assertThat(deletes.failed()).extracting(BatchFailure::code).containsExactly("ReceiptHandleIsInvalid");
        assertThat(changes.failed()).extracting(BatchFailure::code).containsExactly("ReceiptHandleIsInvalid");
        assertThat(calls("deleteAllAsync") + calls("deleteAll") + calls("changeVisibilityAll"))
                .isZero();
    }

    @Test
    void fifoDeleteBatchFailsOnlyTheEntryWhoseHandleExpired() {
        // REFERENCE §2.11: on FIFO queues a handle whose visibility timeout expired is refused.
        engine.sendMessage(fifo, new SendMessageInput("a", null, null, null, "d1", "g1"));
        engine.sendMessage(fifo, new SendMessageInput("b", null, null, null, "d2", "g2"));
        List<ReceivedMessage> first = receive(fifo, 10);
        assertThat(first).extracting(ReceivedMessage::body).containsExactly("a", "b");
        clock.advanceSeconds(31);
        ReceivedMessage again = receive(fifo, 10).get(0);
        String stale = first.get(0).receiptHandle();

        BatchResult<Void> result = engine.deleteMessageBatch(
                fifo,
                List.of(
                        new BatchEntry<>("stale", stale),
                        new BatchEntry<>("current", again.receiptHandle()),
                        new BatchEntry<>("twice", again.receiptHandle())));

        // the repeated current handle finds the message already deleted, which is success
        assertThat(result.successful()).extracting(BatchEntry::id).containsExactly("current", "twice");
        assertThat(result.failed())
                .containsExactly(new BatchFailure(
                        "stale",
                        true,
                        "InvalidParameterValue",
                        "Value " + stale + " for parameter ReceiptHandle is invalid. Reason: The receipt handle has"
                                + " expired."));
    }

    private int calls(String method) {
        AtomicInteger n = calls.get(method);
        return n == null ? 0 : n.get();
    }

    private List<ReceivedMessage> sendAndReceive(QueueId queue, int count) {
        for (int i = 0; i < count; i++) {
            engine.sendMessage(queue, SendMessageInput.ofBody("m" + i));
        }
        List<ReceivedMessage> got = receive(queue, 10);
        assertThat(got).hasSize(count);
        return got;
    }

    private List<ReceivedMessage> receiveForHours(QueueId queue) {
        return engine.receiveMessage(queue, new ReceiveMessageInput(10, 43_200, 0, List.of(), List.of(), null));
    }

    private List<ReceivedMessage> receive(QueueId queue, int max) {
        return engine.receiveMessage(queue, new ReceiveMessageInput(max, null, 0, List.of(), List.of(), null));
    }
}
