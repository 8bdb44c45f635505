package dev.sluice.store.log;

import static dev.sluice.store.log.StoreFixture.QUEUE;
import static dev.sluice.store.log.StoreFixture.T0;
import static dev.sluice.store.log.StoreFixture.createQueue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.ClaimRequest;
import dev.sluice.store.DeleteOutcome;
import dev.sluice.store.NewMessage;
import dev.sluice.store.QueueCounts;
import dev.sluice.store.QueueId;
import dev.sluice.store.Redrive;
import dev.sluice.store.StoredMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent senders, receivers (with dead-letter redrive) and deleters across segment rotations and background
 * checkpoints, then a crash: every acknowledged send is there (in the queue or its dead-letter queue) and no
 * acknowledged delete came back.
 */
class ConcurrentCrashTest {
    @TempDir
    Path dir;

    @Test
    void acknowledgedSendsAndDeletesSurviveACrashUnderConcurrentLoad() throws Exception {
        LogStoreOptions options = StoreFixture.options()
                .withSegmentSize(128 * 1024)
                .withCheckpointInterval(256 * 1024)
                .withCompactionThreshold(0.5);
        QueueId dlq = new QueueId(QUEUE.account(), "dlq");
        Set<String> sent = ConcurrentHashMap.newKeySet();
        Set<String> deleted = ConcurrentHashMap.newKeySet();
        try (LogQueueStore store = LogQueueStore.open(dir, options)) {
            createQueue(store, QUEUE);
            createQueue(store, dlq);
            long deadline = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            long hardDeadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            AtomicInteger producing = new AtomicInteger(8);
            AtomicLong clock = new AtomicLong();
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> workers = new ArrayList<>();
                for (int p = 0; p < 8; p++) {
                    int producer = p;
                    workers.add(executor.submit(() -> {
                        for (int i = 0;
                                (System.nanoTime() < deadline || sent.size() < 300)
                                        && System.nanoTime() < hardDeadline
                                        && i < 100_000;
                                i++) {
                            String id = "p" + producer + "-" + i;
                            byte[] payload = new byte[200 + (i % 7) * 300];
                            payload[0] = (byte) i;
                            store.append(QUEUE, List.of(NewMessage.of(id, payload, T0, T0)), AppendOptions.at(T0));
                            sent.add(id);
                        }
                        producing.decrementAndGet();
                        return null;
                    }));
                }
                for (int c = 0; c < 4; c++) {
                    workers.add(executor.submit(() -> {
                        Redrive redrive = new Redrive(dlq, 3, "arn:orders");
                        while ((producing.get() > 0 || deleted.size() < 50) && System.nanoTime() < hardDeadline) {
                            long tick = clock.incrementAndGet();
                            // one clock for all consumers, 20 s per claim, 100 s of visibility: unanswered messages
                            // come
                            // back after five claims and some are dead-lettered
                            ClaimRequest request = new ClaimRequest(
                                    10, T0.plusSeconds(tick * 20), T0.plusSeconds(tick * 20 + 100), T0, redrive, null);
                            for (StoredMessage m : store.claim(QUEUE, request)) {
                                if (m.payload()[0] % 3 != 0
                                        && store.delete(QUEUE, m.ref(), request.now(), true) == DeleteOutcome.DELETED) {
                                    deleted.add(m.messageId());
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : workers) {
                    f.get();
                }
            }
            store.abandon();
        }

        try (LogQueueStore reopened = LogQueueStore.open(dir, options)) {
            Set<String> present = new HashSet<>();
            for (QueueId q : List.of(QUEUE, dlq)) {
                long after = Long.MIN_VALUE;
                for (int page = 0; page < 100_000; page++) {
                    List<StoredMessage> batch = reopened.peek(q, after, 100);
                    if (batch.isEmpty()) {
                        break;
                    }
                    for (StoredMessage m : batch) {
                        assertThat(present.add(m.messageId()))
                                .as("duplicate %s", m.messageId())
                                .isTrue();
                    }
                    after = batch.getLast().sequence();
                }
            }
            assertThat(deleted).isNotEmpty();
            Set<String> expected = new HashSet<>(sent);
            expected.removeAll(deleted);
            assertThat(present).containsAll(expected);
            assertThat(present).doesNotContainAnyElementsOf(deleted);
            QueueCounts counts = reopened.counts(QUEUE, T0.plusSeconds(100_000_000));
            assertThat(counts.visible() + counts.inFlight() + counts.delayed())
                    .isEqualTo(present.size()
                            - reopened.peek(dlq, Long.MIN_VALUE, 100_000).size());
            assertThat(sent).hasSizeGreaterThanOrEqualTo(300);
            assertThat(deleted).isNotEmpty();
        }
    }
}
