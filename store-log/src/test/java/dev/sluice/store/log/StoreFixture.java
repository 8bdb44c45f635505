package dev.sluice.store.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.AppendResult;
import dev.sluice.store.ClaimRequest;
import dev.sluice.store.CreateOutcome;
import dev.sluice.store.NewMessage;
import dev.sluice.store.QueueId;
import dev.sluice.store.QueueRecord;
import dev.sluice.store.QueueStore;
import dev.sluice.store.StoredMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Shared fixtures of the log store's own tests: options, queues, messages, and a look at the files. */
final class StoreFixture {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final QueueId QUEUE = new QueueId("000000000000", "orders");

    private StoreFixture() {}

    /** Small segments, no background checkpoint, quick retries. */
    static LogStoreOptions options() {
        return LogStoreOptions.defaults()
                .withSegmentSize(64 * 1024)
                .withCheckpointInterval(Long.MAX_VALUE)
                .withRetryDelay(Duration.ofMillis(20));
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static QueueRecord createQueue(QueueStore store, QueueId id) {
        CreateOutcome outcome =
                store.createQueue(new QueueRecord(id, 0, false, Map.of("k", "v"), Map.of(), "", T0, T0), T0);
        assertThat(outcome).isInstanceOf(CreateOutcome.Created.class);
        return ((CreateOutcome.Created) outcome).queue();
    }

    static byte[] payload(String id) {
        return ("payload-of-" + id).getBytes(StandardCharsets.UTF_8);
    }

    static AppendResult send(QueueStore store, String id) {
        return store.append(QUEUE, List.of(NewMessage.of(id, payload(id), T0, T0)), AppendOptions.at(T0))
                .getFirst();
    }

    static List<StoredMessage> receive(QueueStore store, int max, Instant now) {
        return store.claim(QUEUE, new ClaimRequest(max, now, now.plusSeconds(30), T0.minusSeconds(3600), null, null));
    }

    static List<String> peekIds(QueueStore store) {
        List<String> ids = new ArrayList<>();
        long after = Long.MIN_VALUE;
        for (int page = 0; page < 1000; page++) {
            List<StoredMessage> batch = store.peek(QUEUE, after, 100);
            if (batch.isEmpty()) {
                return ids;
            }
            for (StoredMessage m : batch) {
                assertThat(m.payload()).isEqualTo(payload(m.messageId()));
                ids.add(m.messageId());
            }
            after = batch.getLast().sequence();
        }
        throw new AssertionError("peek did not end");
    }

    static List<Path> segmentFiles(Path dataDir) {
        try (Stream<Path> list = Files.list(dataDir.resolve("log"))) {
            return list.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Offset of the first occurrence of {@code needle} in the file, or -1. */
    static int indexOf(Path file, byte[] needle) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            outer:
            for (int i = 0; i + needle.length <= bytes.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (bytes[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
