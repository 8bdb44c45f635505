package dev.sluice.store.log;

import static dev.sluice.store.log.StoreFixture.QUEUE;
import static dev.sluice.store.log.StoreFixture.T0;
import static dev.sluice.store.log.StoreFixture.createQueue;
import static dev.sluice.store.log.StoreFixture.options;
import static dev.sluice.store.log.StoreFixture.segmentFiles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.NewMessage;
import dev.sluice.store.QueueCounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the maintenance thread zero-fills a spare segment file for the writer: see {@link CommitLoad}. */
class PreallocationTest {
    private static final int SEGMENT = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void aWriterForcingEveryRecordOnItsOwnGetsZeroFilledSpares() throws Exception {
        try (LogQueueStore store = LogQueueStore.open(dir, options())) {
            createQueue(store, QUEUE);
            awaitSpares(List.of((long) SEGMENT)); // the one made at start
            int before = segmentFiles(dir).size();
            for (int i = 0; segmentFiles(dir).size() < before + 3; i++) {
                send(store, i); // each send waits for its own force
            }
            awaitSpares(List.of((long) SEGMENT));
        }
    }

    @Test
    void noFileIsZeroFilledForAWriterThatDoesNotForce() throws Exception {
        int sent = 0;
        try (LogQueueStore store = LogQueueStore.open(dir, options().withFsync(false))) {
            createQueue(store, QUEUE);
            int before = segmentFiles(dir).size();
            while (segmentFiles(dir).size() < before + 6) {
                send(store, sent++);
            }
            // the maintenance thread answers a rotation within milliseconds; give it ample time to do it wrongly
            Thread.sleep(500);
            assertThat(spareSizes()).isEmpty();
            List<Path> segments = segmentFiles(dir);
            assertThat(Files.size(segments.getLast()))
                    .as("the head grows as it is written instead of starting as a zero-filled file")
                    .isLessThan(SEGMENT);
        }
        try (LogQueueStore reopened = LogQueueStore.open(dir, options())) {
            assertThat(reopened.counts(QUEUE, T0)).isEqualTo(new QueueCounts(sent, 0, 0));
        }
    }

    private static void send(LogQueueStore store, int i) {
        store.append(QUEUE, List.of(NewMessage.of("m" + i, new byte[2048], T0, T0)), AppendOptions.at(T0));
    }

    /** Waits until the spare files have these sizes (a spare being zero-filled is still short). */
    private void awaitSpares(List<Long> sizes) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!spareSizes().equals(sizes) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(spareSizes()).isEqualTo(sizes);
    }

    private List<Long> spareSizes() {
        try (Stream<Path> list = Files.list(dir.resolve("log"))) {
            return list.filter(p -> p.toString().endsWith(".spare"))
                    .map(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
