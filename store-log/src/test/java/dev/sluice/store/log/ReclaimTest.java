package dev.sluice.store.log;

import static dev.sluice.store.log.StoreFixture.QUEUE;
import static dev.sluice.store.log.StoreFixture.at;
import static dev.sluice.store.log.StoreFixture.createQueue;
import static dev.sluice.store.log.StoreFixture.options;
import static dev.sluice.store.log.StoreFixture.peekIds;
import static dev.sluice.store.log.StoreFixture.receive;
import static dev.sluice.store.log.StoreFixture.segmentFiles;
import static dev.sluice.store.log.StoreFixture.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.DeleteOutcome;
import dev.sluice.store.StoredMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quiet store deletes the segments a drained backlog left behind, although no more log is written that would bring
 * a checkpoint due (the test options never make one due by size), and it does not keep checkpointing once nothing
 * is left to delete.
 */
class ReclaimTest {
    private static final Duration QUICK = Duration.ofMillis(50);

    @TempDir
    Path dir;

    @Test
    void aDrainedBacklogFreesItsSegmentsWithoutFurtherTraffic() throws Exception {
        try (LogQueueStore store = LogQueueStore.open(dir, options().withReclaimCheck(QUICK))) {
            fill(store, 400);
            int filled = segmentFiles(dir).size();
            assertThat(filled).isGreaterThan(4);

            for (StoredMessage m : receive(store, 10_000, at(1))) {
                assertThat(store.delete(QUEUE, m.ref(), at(2), true)).isEqualTo(DeleteOutcome.DELETED);
            }

            // Reclaiming may take two quiet checks (the first checkpoint's own record can keep a segment needed),
            // so wait for the files to settle; a checkpoint loop would never settle.
            List<Path> left = awaitSettled(Duration.ofSeconds(10));
            assertThat(left).hasSizeLessThanOrEqualTo(2);
            Thread.sleep(10 * QUICK.toMillis());
            assertThat(segmentFiles(dir))
                    .as("no checkpoint loop once nothing is dead")
                    .isEqualTo(left);
        }
        try (LogQueueStore reopened = LogQueueStore.open(dir, options())) {
            assertThat(peekIds(reopened)).isEmpty();
        }
    }

    @Test
    void liveSegmentsAreLeftAlone() throws Exception {
        try (LogQueueStore store = LogQueueStore.open(dir, options().withReclaimCheck(QUICK))) {
            List<String> sent = fill(store, 400);
            List<Path> filled = segmentFiles(dir);

            Thread.sleep(10 * QUICK.toMillis());

            assertThat(segmentFiles(dir)).isEqualTo(filled);
            assertThat(peekIds(store)).containsExactlyElementsOf(sent);
        }
    }

    /** Sends {@code count} messages with ~2 KiB payloads (the test segments are 64 KiB). */
    private static List<String> fill(LogQueueStore store, int count) {
        createQueue(store, QUEUE);
        List<String> ids = IntStream.range(0, count)
                .mapToObj(i -> "m" + i + "-" + "x".repeat(2000))
                .toList();
        ids.forEach(id -> send(store, id));
        return ids;
    }

    /** The segment files once they have not changed for ten quiet checks; fails if they do not settle in time. */
    private List<Path> awaitSettled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Path> last = segmentFiles(dir);
        long stableSince = System.nanoTime();
        while (System.nanoTime() - stableSince < 10 * QUICK.toNanos()) {
            assertThat(System.nanoTime()).as("segment files settle").isLessThan(deadline);
            Thread.sleep(20);
            List<Path> now = segmentFiles(dir);
            if (!now.equals(last)) {
                last = now;
                stableSince = System.nanoTime();
            }
        }
        return last;
    }
}
