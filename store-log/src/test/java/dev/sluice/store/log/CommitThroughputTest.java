package dev.sluice.store.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.CreateOutcome;
import dev.sluice.store.NewMessage;
import dev.sluice.store.QueueCounts;
import dev.sluice.store.QueueId;
import dev.sluice.store.QueueRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures group-commit throughput with fsync on: many concurrent senders of single 1 KiB messages, then of batches
 * of 10. A measurement, not a timed assertion (the machine is noisy); the numbers go to the log.
 */
class CommitThroughputTest {
    private static final Logger log = LoggerFactory.getLogger(CommitThroughputTest.class);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void concurrentSingleAndBatchCommitsShareForces() throws Exception {
        long[] synced = measure(dir.resolve("fsync"), true);
        long[] unsynced = measure(dir.resolve("nosync"), false);
        log.info(
                "group commit, fsync on: {} single-message commits/s with 16 threads, {} with 64 threads; {} messages/s"
                        + " in batches of 10 with 32 threads. Without fsync (CPU bound): {}, {}, {}",
                synced[0],
                synced[1],
                synced[2],
                unsynced[0],
                unsynced[1],
                unsynced[2]);
        assertThat(synced[0]).isPositive();
    }

    private static long[] measure(Path dir, boolean fsync) throws Exception {
        try (LogQueueStore store =
                LogQueueStore.open(dir, LogStoreOptions.defaults().withFsync(fsync))) {
            QueueId queue = new QueueId("000000000000", "bench");
            QueueRecord record = new QueueRecord(queue, 0, false, Map.of(), Map.of(), "", T0, T0);
            assertThat(store.createQueue(record, T0)).isInstanceOf(CreateOutcome.Created.class);
            long[] rates = {run(store, queue, 16, 1, 700), run(store, queue, 64, 1, 700), run(store, queue, 32, 10, 700)
            };
            QueueCounts counts = store.counts(queue, T0);
            assertThat(counts.inFlight() + counts.delayed()).isZero();
            return rates;
        }
    }

    private static long run(LogQueueStore store, QueueId queue, int threads, int batch, long millis) throws Exception {
        byte[] payload = new byte[1024];
        AtomicLong sent = new AtomicLong();
        long deadline = System.nanoTime() + millis * 1_000_000;
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        List<NewMessage> messages = new ArrayList<>(batch);
                        for (int i = 0; i < batch; i++) {
                            messages.add(NewMessage.of(UUID.randomUUID().toString(), payload, T0, T0));
                        }
                        store.append(queue, messages, AppendOptions.at(T0));
                        sent.addAndGet(batch);
                    }
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
        }
        return sent.get() * 1000 / millis;
    }
}
