package dev.sluice.store.log;

import static dev.sluice.store.log.StoreFixture.QUEUE;
import static dev.sluice.store.log.StoreFixture.T0;
import static dev.sluice.store.log.StoreFixture.createQueue;
import static dev.sluice.store.log.StoreFixture.options;
import static dev.sluice.store.log.StoreFixture.payload;
import static dev.sluice.store.log.StoreFixture.peekIds;
import static dev.sluice.store.log.StoreFixture.receive;
import static dev.sluice.store.log.StoreFixture.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.AppendResult;
import dev.sluice.store.DeleteOutcome;
import dev.sluice.store.NewMessage;
import dev.sluice.store.StoreException;
import dev.sluice.store.StoredMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disk faults injected through the {@link SegmentIo} seam: the calls they hit fail with {@link StoreException},
 * nothing acknowledged before is damaged, and the store heals by itself once the disk works again.
 */
class FaultInjectionTest {
    @TempDir
    Path dir;

    private final Faults faults = new Faults();

    @Test
    void fullDiskFailsTheAffectedCallsAndTheStoreRecoversByItselfWhenSpaceReturns() {
        try (LogQueueStore store = LogQueueStore.open(dir, options().withIo(faults.io()))) {
            createQueue(store, QUEUE);
            send(store, "before");

            faults.failWrites = true;
            assertThatThrownBy(() -> send(store, "during")).isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> send(store, "refused")).isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> receive(store, 10, T0)).isInstanceOf(StoreException.class);
            assertThat(peekIds(store)).startsWith("before");

            faults.heal();
            sendOnceHealed(store, "after");
            store.abandon();
        }

        try (LogQueueStore reopened = LogQueueStore.open(dir, options())) {
            // "during" failed its caller but stayed in the index and was written by the retry: a 5xx's ambiguity
            assertThat(peekIds(reopened)).contains("before", "after").doesNotContain("refused");
        }
    }

    @Test
    void failingForceFailsTheCallAndIsRetriedByRewritingTheUnforcedRecords() {
        try (LogQueueStore store = LogQueueStore.open(dir, options().withIo(faults.io()))) {
            createQueue(store, QUEUE);
            send(store, "before");

            faults.failForces = true;
            assertThatThrownBy(() -> send(store, "during")).isInstanceOf(StoreException.class);

            faults.heal();
            sendOnceHealed(store, "after");
        }

        try (LogQueueStore reopened = LogQueueStore.open(dir, options())) {
            assertThat(peekIds(reopened)).containsExactly("before", "during", "after");
        }
    }

    @Test
    void failingWriteFailsAnAsyncAppendsFutureAndLaterAppendsSucceedOnceHealed() throws Exception {
        try (LogQueueStore store = LogQueueStore.open(dir, options().withIo(faults.io()))) {
            createQueue(store, QUEUE);
            send(store, "before");

            faults.failWrites = true;
            CompletableFuture<List<AppendResult>> during = store.appendAsync(
                    QUEUE, List.of(NewMessage.of("during", payload("during"), T0, T0)), AppendOptions.at(T0));
            assertThatThrownBy(() -> during.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(StoreException.class);
            CompletableFuture<List<AppendResult>> refused = store.appendAsync(
                    QUEUE, List.of(NewMessage.of("refused", payload("refused"), T0, T0)), AppendOptions.at(T0));
            assertThatThrownBy(refused::join).hasCauseInstanceOf(StoreException.class);

            faults.heal();
            sendOnceHealed(store, "after");
        }
        try (LogQueueStore reopened = LogQueueStore.open(dir, options())) {
            assertThat(peekIds(reopened)).contains("before", "after").doesNotContain("refused");
        }
    }

    @Test
    void failingWriteFailsAnAsyncDeletesFutureAndADeleteOnceHealedIsDurable() throws Exception {
        try (LogQueueStore store = LogQueueStore.open(dir, options().withIo(faults.io()))) {
            createQueue(store, QUEUE);
            send(store, "m1");
            StoredMessage claimed = receive(store, 1, T0).get(0);

            faults.failWrites = true;
            CompletableFuture<List<DeleteOutcome>> during =
                    store.deleteAllAsync(QUEUE, List.of(claimed.ref()), T0, false);
            assertThatThrownBy(() -> during.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(StoreException.class);
            faults.heal();
            sendOnceHealed(store, "m2");

            StoredMessage second = receive(store, 1, T0.plusSeconds(1)).get(0);
            assertThat(store.deleteAllAsync(QUEUE, List.of(second.ref()), T0.plusSeconds(1), false)
                            .get(10, TimeUnit.SECONDS))
                    .containsExactly(DeleteOutcome.DELETED);
            store.abandon();
        }
        try (LogQueueStore reopened = LogQueueStore.open(dir, options())) {
            assertThat(peekIds(reopened)).doesNotContain("m2");
        }
    }

    @Test
    void tornWriteAtTheTailIsCutAtRecoveryAndEarlierRecordsSurvive() {
        try (LogQueueStore store = LogQueueStore.open(dir, options().withIo(faults.io()))) {
            createQueue(store, QUEUE);
            send(store, "m1");
            send(store, "m2");

            faults.tornWrites = true;
            assertThatThrownBy(() -> send(store, "torn")).isInstanceOf(StoreException.class);
            store.abandon();
        }

        try (LogQueueStore reopened = LogQueueStore.open(dir, options())) {
            assertThat(peekIds(reopened)).containsExactly("m1", "m2");
            send(reopened, "m3");
            assertThat(peekIds(reopened)).containsExactly("m1", "m2", "m3");
        }
        try (LogQueueStore again = LogQueueStore.open(dir, options())) {
            assertThat(peekIds(again)).containsExactly("m1", "m2", "m3");
        }
    }

    @Test
    void deleteDuringAFailureIsRefusedAndTheMessageIsStillThere() {
        try (LogQueueStore store = LogQueueStore.open(dir, options().withIo(faults.io()))) {
            createQueue(store, QUEUE);
            send(store, "m1");
            StoredMessage claimed = receive(store, 1, T0).getFirst();

            faults.failWrites = true;
            sendFails(store);
            assertThatThrownBy(() -> store.delete(QUEUE, claimed.ref(), T0, true))
                    .isInstanceOf(StoreException.class);
            faults.heal();
            sendOnceHealed(store, "m2");

            assertThat(store.delete(QUEUE, claimed.ref(), T0, true)).isEqualTo(DeleteOutcome.DELETED);
        }
        try (LogQueueStore reopened = LogQueueStore.open(dir, options())) {
            // "x" failed its caller when the disk filled, yet was retried and written: a 5xx's ambiguity
            assertThat(peekIds(reopened)).containsExactly("x", "m2");
        }
    }

    private static void sendFails(LogQueueStore store) {
        assertThatThrownBy(() -> send(store, "x")).isInstanceOf(StoreException.class);
    }

    /** The writer retries on its own; the first send after healing may still see the old failure. */
    private static void sendOnceHealed(LogQueueStore store, String id) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (true) {
            try {
                send(store, id);
                return;
            } catch (StoreException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException x) {
                    throw new AssertionError(x);
                }
            }
        }
    }
}
