package dev.sluice.store.log;

import static dev.sluice.store.log.StoreFixture.QUEUE;
import static dev.sluice.store.log.StoreFixture.T0;
import static dev.sluice.store.log.StoreFixture.at;
import static dev.sluice.store.log.StoreFixture.createQueue;
import static dev.sluice.store.log.StoreFixture.options;
import static dev.sluice.store.log.StoreFixture.peekIds;
import static dev.sluice.store.log.StoreFixture.receive;
import static dev.sluice.store.log.StoreFixture.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.store.DeleteOutcome;
import dev.sluice.store.MessageRef;
import dev.sluice.store.NewVisibility;
import dev.sluice.store.QueueId;
import dev.sluice.store.StoreException;
import dev.sluice.store.StoredMessage;
import dev.sluice.store.VisibilityOutcome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log store's batch calls cost one record and one group commit whatever the batch size (the reason they exist:
 * ten single deletes waited for ten forces in a row), and a batch refused by a failing disk changes nothing. The
 * kit's {@code BatchContract} pins their outcomes and durability.
 */
class BatchCommandsTest {
    @TempDir
    Path dir;

    private final Faults faults = new Faults();

    /** No spare segments: the maintenance thread would force a preallocated spare at any moment, inside a count. */
    private LogStoreOptions counted() {
        return options().withPreallocate(false).withIo(faults.io());
    }

    @Test
    void deleteBatchOfTenWaitsForOneForce() {
        try (LogQueueStore store = LogQueueStore.open(dir, counted())) {
            List<MessageRef> refs = sendAndReceiveTen(store);

            int before = faults.forces.get();
            List<DeleteOutcome> outcomes = store.deleteAll(QUEUE, refs, at(1), true);

            assertThat(faults.forces.get() - before).isEqualTo(1);
            assertThat(outcomes).hasSize(10).containsOnly(DeleteOutcome.DELETED);
            assertThat(peekIds(store)).isEmpty();
        }
    }

    @Test
    void visibilityBatchOfTenIsOneGroupCommit() {
        try (LogQueueStore store = LogQueueStore.open(dir, counted())) {
            List<NewVisibility> changes = sendAndReceiveTen(store).stream()
                    .map(ref -> new NewVisibility(ref, at(300)))
                    .toList();

            int before = faults.forces.get();
            List<VisibilityOutcome> outcomes = store.changeVisibilityAll(QUEUE, changes, at(1), true);

            // the caller waits only for the write, so the group's force may land just after it returns
            assertThat(faults.forces.get() - before).isLessThanOrEqualTo(1);
            assertThat(outcomes).hasSize(10).containsOnly(VisibilityOutcome.CHANGED);
            assertThat(store.nextVisibleAt(QUEUE, at(1))).contains(at(300));
        }
    }

    @Test
    void batchesThatChangeNothingWriteNothing() {
        try (LogQueueStore store = LogQueueStore.open(dir, counted())) {
            createQueue(store, QUEUE);
            MessageRef unknown = new MessageRef(send(store, "m1").sequence() + 100, 1);

            int before = faults.forces.get();
            assertThat(store.deleteAll(QUEUE, List.of(unknown, unknown), at(1), false))
                    .containsOnly(DeleteOutcome.NOT_FOUND);
            assertThat(store.changeVisibilityAll(QUEUE, List.of(new NewVisibility(unknown, at(5))), at(1), false))
                    .containsOnly(VisibilityOutcome.NOT_FOUND);

            assertThat(faults.forces.get()).isEqualTo(before);
        }
    }

    @Test
    void batchRefusedByAFailingDiskChangesNothing() {
        try (LogQueueStore store = LogQueueStore.open(dir, counted())) {
            createQueue(store, QUEUE);
            send(store, "m1");
            send(store, "m2");
            List<MessageRef> refs =
                    receive(store, 10, T0).stream().map(StoredMessage::ref).toList();

            faults.failWrites = true;
            assertThatThrownBy(() -> send(store, "x")).isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> store.deleteAll(QUEUE, refs, T0, true)).isInstanceOf(StoreException.class);
            assertThatThrownBy(() ->
                            store.changeVisibilityAll(QUEUE, List.of(new NewVisibility(refs.getFirst(), T0)), T0, true))
                    .isInstanceOf(StoreException.class);
            assertThat(peekIds(store)).startsWith("m1", "m2");
            assertThat(store.nextVisibleAt(QUEUE, T0)).contains(at(30));

            faults.heal();
            awaitHealthy(store);
            assertThat(store.deleteAll(QUEUE, refs, T0, true)).containsOnly(DeleteOutcome.DELETED);
        }
        try (LogQueueStore reopened = LogQueueStore.open(dir, options())) {
            assertThat(peekIds(reopened)).doesNotContain("m1", "m2");
        }
    }

    private static List<MessageRef> sendAndReceiveTen(LogQueueStore store) {
        createQueue(store, QUEUE);
        for (int i = 0; i < 10; i++) {
            send(store, "m" + i);
        }
        List<MessageRef> refs =
                receive(store, 10, T0).stream().map(StoredMessage::ref).toList();
        assertThat(refs).hasSize(10);
        // The receive waited only for its write; creating a queue waits for a force, which covers that write too,
        // so no force of earlier work can land inside the caller's count.
        createQueue(store, new QueueId(QUEUE.account(), QUEUE.name() + "-barrier"));
        return refs;
    }

    /** The writer retries on its own; the first change after healing may still see the old failure. */
    private static void awaitHealthy(LogQueueStore store) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (true) {
            try {
                send(store, "probe");
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
