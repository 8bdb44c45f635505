package dev.sluice.store.log;

import static dev.sluice.store.log.StoreFixture.QUEUE;
import static dev.sluice.store.log.StoreFixture.T0;
import static dev.sluice.store.log.StoreFixture.createQueue;
import static dev.sluice.store.log.StoreFixture.options;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.NewMessage;
import dev.sluice.store.StoredMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records larger than a segment and than the writer's buffer. */
class LargeRecordTest {
    @TempDir
    Path dir;

    @Test
    void batchLargerThanASegmentAndTheWriteBufferRoundTripsAcrossARestart() {
        List<byte[]> payloads = new ArrayList<>();
        Random random = new Random(11);
        try (LogQueueStore store = LogQueueStore.open(dir, options())) {
            createQueue(store, QUEUE);
            List<NewMessage> batch = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                byte[] payload = new byte[1024 * 1024];
                random.nextBytes(payload);
                payloads.add(payload);
                batch.add(NewMessage.of("big" + i, payload, T0, T0));
            }
            store.append(QUEUE, batch, AppendOptions.at(T0));
            store.append(QUEUE, List.of(NewMessage.of("small", new byte[] {1}, T0, T0)), AppendOptions.at(T0));
            payloads.add(new byte[] {1});
            assertThat(peekPayloads(store)).containsExactlyElementsOf(payloads);
            store.abandon();
        }
        try (LogQueueStore reopened = LogQueueStore.open(dir, options())) {
            assertThat(peekPayloads(reopened)).containsExactlyElementsOf(payloads);
        }
    }

    private static List<byte[]> peekPayloads(LogQueueStore store) {
        return store.peek(QUEUE, Long.MIN_VALUE, 100).stream()
                .map(StoredMessage::payload)
                .toList();
    }
}
