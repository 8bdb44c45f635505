package dev.sluice.store.log;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.NewMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures what a checkpoint of one large queue costs (default 300,000 messages): the time to take it, and the
 * longest a call on the queue waits meanwhile (the queue's lock is held while its snapshot is encoded and while the
 * live payloads are counted). Run on demand, not in the normal build:
 * {@code mvn -pl store-log verify -Dtest=CheckpointMeasurement -Dsluice.measure=true [-Dsluice.messages=N]}.
 */
@EnabledIfSystemProperty(named = "sluice.measure", matches = "true")
class CheckpointMeasurement {
    private static final Logger log = LoggerFactory.getLogger(CheckpointMeasurement.class);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void measureCheckpointTimeAndQueueWait() throws Exception {
        int total = Integer.getInteger("sluice.messages", 300_000);
        LogStoreOptions options = LogStoreOptions.defaults().withFsync(false).withCheckpointInterval(Long.MAX_VALUE);
        try (LogQueueStore store = LogQueueStore.open(dir, options)) {
            StoreFixture.createQueue(store, StoreFixture.QUEUE);
            byte[] payload = new byte[64];
            for (int n = 0; n < total; n += 100) {
                List<NewMessage> batch = new ArrayList<>(100);
                for (int i = 0; i < 100; i++) {
                    batch.add(NewMessage.of(UUID.randomUUID().toString(), payload, T0, T0));
                }
                store.append(StoreFixture.QUEUE, batch, AppendOptions.at(T0));
            }
            AtomicLong longestWait = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            Thread caller = Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    long start = System.nanoTime();
                    store.counts(StoreFixture.QUEUE, T0);
                    longestWait.accumulateAndGet(System.nanoTime() - start, Math::max);
                    LockSupport.parkNanos(100_000);
                }
            });
            try {
                for (int round = 0; round < 8; round++) {
                    long start = System.nanoTime();
                    store.checkpoint();
                    log.info(
                            "checkpoint of {} messages ({} bytes) took {} ms; longest queue wait {} ms",
                            total,
                            Files.size(dir.resolve("log").resolve(Checkpoint.FILE)),
                            (System.nanoTime() - start) / 1_000_000,
                            longestWait.getAndSet(0) / 1_000_000);
                }
            } finally {
                stop.set(true);
                caller.join();
            }
        }
    }
}
