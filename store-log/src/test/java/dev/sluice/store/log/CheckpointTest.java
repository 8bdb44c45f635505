package dev.sluice.store.log;

import static dev.sluice.store.log.StoreFixture.QUEUE;
import static dev.sluice.store.log.StoreFixture.T0;
import static dev.sluice.store.log.StoreFixture.at;
import static dev.sluice.store.log.StoreFixture.createQueue;
import static dev.sluice.store.log.StoreFixture.options;
import static dev.sluice.store.log.StoreFixture.peekIds;
import static dev.sluice.store.log.StoreFixture.receive;
import static dev.sluice.store.log.StoreFixture.segmentFiles;
import static dev.sluice.store.log.StoreFixture.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.AppendResult;
import dev.sluice.store.ClaimRequest;
import dev.sluice.store.DeleteOutcome;
import dev.sluice.store.MessageRef;
import dev.sluice.store.NewMessage;
import dev.sluice.store.QueueCounts;
import dev.sluice.store.QueueId;
import dev.sluice.store.Redrive;
import dev.sluice.store.StoredMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints, release of dead segments and compaction of sparse ones. */
class CheckpointTest {
    @TempDir
    Path dir;

    @Test
    void changesBeforeAndAfterACheckpointSurviveACrash() {
        QueueId dlq = new QueueId(QUEUE.account(), "dlq");
        StoredMessage first;
        try (LogQueueStore store = LogQueueStore.open(dir, options())) {
            createQueue(store, QUEUE);
            createQueue(store, dlq);
            send(store, "m1");
            send(store, "m2");
            first = receive(store, 1, at(0)).getFirst();
            store.putSetting("key", new byte[] {7});

            store.checkpoint();

            send(store, "m3");
            Redrive redrive = new Redrive(dlq, 1, "arn:source");
            // m1 is in flight; at 40 it is visible again and over the limit: moved to the dead-letter queue
            List<StoredMessage> second =
                    store.claim(QUEUE, new ClaimRequest(10, at(40), at(70), T0.minusSeconds(60), redrive, null));
            assertThat(second).extracting(StoredMessage::messageId).containsExactly("m2", "m3");
            store.abandon();
        }

        try (LogQueueStore reopened = LogQueueStore.open(dir, options())) {
            assertThat(peekIds(reopened)).containsExactly("m2", "m3");
            assertThat(reopened.counts(QUEUE, at(41))).isEqualTo(new QueueCounts(0, 2, 0));
            List<StoredMessage> dead = reopened.peek(dlq, Long.MIN_VALUE, 10);
            assertThat(dead).extracting(StoredMessage::messageId).containsExactly(first.messageId());
            assertThat(dead.getFirst().receiveCount()).isEqualTo(1);
            assertThat(dead.getFirst().deadLetterSourceArn()).isEqualTo("arn:source");
            assertThat(reopened.getSetting("key"))
                    .hasValueSatisfying(v -> assertThat(v).containsExactly(7));
        }
    }

    @Test
    void deadSegmentsAreReleasedAndSparseOnesCompactedSoDiskFollowsTheBacklog() {
        Random random = new Random(5);
        List<byte[]> kept = new ArrayList<>();
        try (LogQueueStore store = LogQueueStore.open(dir, options().withCompactionThreshold(0.5))) {
            createQueue(store, QUEUE);
            for (int i = 0; i < 200; i++) {
                byte[] payload = new byte[2048];
                random.nextBytes(payload);
                store.append(QUEUE, List.of(NewMessage.of("m" + i, payload, T0, T0)), AppendOptions.at(T0));
                if (i % 40 == 0) {
                    kept.add(payload);
                }
            }
            int before = segmentFiles(dir).size();
            assertThat(before).isGreaterThan(5);
            for (StoredMessage m : receive(store, 10_000, at(0))) {
                if (Integer.parseInt(m.messageId().substring(1)) % 40 != 0) {
                    store.delete(QUEUE, m.ref(), at(1), true);
                }
            }

            store.checkpoint();
            store.checkpoint();

            assertThat(segmentFiles(dir).size()).isLessThanOrEqualTo(3);
            assertThat(payloads(store)).containsExactlyElementsOf(kept);
        }
        try (LogQueueStore reopened = LogQueueStore.open(dir, options())) {
            assertThat(payloads(reopened)).containsExactlyElementsOf(kept);
            assertThat(reopened.counts(QUEUE, at(2))).isEqualTo(new QueueCounts(0, kept.size(), 0));
        }
    }

    @Test
    void recycledSegmentsNeverReplayTheirStaleRecordsAfterACrash() {
        try (LogQueueStore store = LogQueueStore.open(dir, options())) {
            createQueue(store, QUEUE);
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 60; i++) {
                    store.append(
                            QUEUE,
                            List.of(NewMessage.of("r" + round + "-" + i, new byte[2048], T0, T0)),
                            AppendOptions.at(T0));
                }
                for (StoredMessage m : receive(store, 10_000, at(round))) {
                    store.delete(QUEUE, m.ref(), at(round), true);
                }
                // dead segments become spares, and the next round writes into them over the old records
                store.checkpoint();
            }
            send(store, "last");
            store.abandon();
        }

        try (LogQueueStore reopened = LogQueueStore.open(dir, options())) {
            assertThat(peekIds(reopened)).containsExactly("last");
        }
    }

    @Test
    void cleanCloseWritesACheckpointSoReopenNeedsNoReplayOfOldSegments() {
        try (LogQueueStore store = LogQueueStore.open(dir, options())) {
            createQueue(store, QUEUE);
            for (int i = 0; i < 50; i++) {
                send(store, "m" + i);
            }
        }
        try (LogQueueStore reopened = LogQueueStore.open(dir, options())) {
            assertThat(peekIds(reopened)).hasSize(50);
            send(reopened, "later");
        }
        try (LogQueueStore again = LogQueueStore.open(dir, options())) {
            assertThat(peekIds(again)).hasSize(51).endsWith("later");
        }
    }

    @Test
    void aCheckpointIsNotTakenAgainUntilSizeFactorTimesItsSizeIsLoggedAndRecoveryAfterItRestoresEverything()
            throws Exception {
        // the backlog is written with no background checkpoint, so none is pending when the test takes its own
        List<String> backlog = new ArrayList<>();
        try (LogQueueStore store = LogQueueStore.open(dir, options())) {
            createQueue(store, QUEUE);
            for (int i = 0; i < 2000; i += 10) {
                List<NewMessage> batch = new ArrayList<>();
                for (int j = i; j < i + 10; j++) {
                    String id = UUID.nameUUIDFromBytes(new byte[] {(byte) (j >> 8), (byte) j})
                            .toString();
                    backlog.add(id);
                    batch.add(NewMessage.of(id, StoreFixture.payload(id), T0, T0));
                }
                store.append(QUEUE, batch, AppendOptions.at(T0));
            }
        }
        try (LogQueueStore store = LogQueueStore.open(dir, options().withCheckpointInterval(64 * 1024))) {
            store.checkpoint();
            Checkpoint.Start first = checkpointStart();
            long size = Files.size(checkpointFile());
            assertThat(size).isGreaterThan(100_000);
            long threshold = CheckpointCadence.SIZE_FACTOR * size;

            // churn that leaves the backlog as it is: logs about 60% of the threshold (under it even counting whole
            // segments), far past the threshold of the old rule (twice the size)
            long churned = churn(store, 0, threshold * 6 / 10);
            assertThat(checkpointStart()).isEqualTo(first);

            churn(store, churned, threshold * 3 / 2);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (checkpointStart().equals(first) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(checkpointStart()).isNotEqualTo(first);

            for (int i = 0; i < 20; i++) {
                send(store, "after-" + i);
                backlog.add("after-" + i);
            }
            store.abandon();
        }
        try (LogQueueStore reopened = LogQueueStore.open(dir, options())) {
            assertThat(peekIds(reopened)).containsExactlyElementsOf(backlog);
        }
    }

    /** Sends and deletes 8 KiB messages until {@code until} payload bytes are churned; returns the bytes churned. */
    private static long churn(LogQueueStore store, long from, long until) {
        long churned = from;
        while (churned < until) {
            AppendResult sent = store.append(
                            QUEUE, List.of(NewMessage.of("churn", new byte[8192], T0, T0)), AppendOptions.at(T0))
                    .getFirst();
            assertThat(store.delete(QUEUE, new MessageRef(sent.sequence(), 0), T0, false))
                    .isEqualTo(DeleteOutcome.DELETED);
            churned += 8192;
        }
        return churned;
    }

    private Path checkpointFile() {
        return dir.resolve("log").resolve(Checkpoint.FILE);
    }

    private Checkpoint.Start checkpointStart() throws IOException {
        return Checkpoint.read(SegmentIo.files(), dir.resolve("log"), new QueueCatalog())
                .orElseThrow();
    }

    private static List<byte[]> payloads(LogQueueStore store) {
        return store.peek(QUEUE, Long.MIN_VALUE, 1000).stream()
                .map(StoredMessage::payload)
                .toList();
    }
}
