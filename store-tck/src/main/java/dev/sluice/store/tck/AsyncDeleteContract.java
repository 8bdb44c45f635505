package dev.sluice.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.store.DeleteOutcome;
import dev.sluice.store.MessageRef;
import dev.sluice.store.QueueId;
import dev.sluice.store.QueueNotFoundException;
import dev.sluice.store.StoreException;
import dev.sluice.store.StoredMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link dev.sluice.store.QueueStore#deleteAllAsync}: the outcomes of {@code deleteAll}, decided (and
 * visible to every later read) before the call returns, and a future that completes only once the deletes are
 * durable, or fails with the store's error.
 */
public abstract class AsyncDeleteContract extends StoreContractSupport {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static List<DeleteOutcome> await(CompletableFuture<List<DeleteOutcome>> future) throws Exception {
        return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void deleteAllAsyncAnswersWhatDeleteAllWouldInListOrder() throws Exception {
        QueueId queue = standardQueue("orders");
        send(queue, "m1", "m2");
        List<StoredMessage> claimed = receive(queue, 2, at(0), at(30));
        MessageRef first = claimed.get(0).ref();
        MessageRef unknown = new MessageRef(claimed.get(1).sequence() + 1000, 1);

        CompletableFuture<List<DeleteOutcome>> future =
                store.deleteAllAsync(queue, List.of(first, first, unknown), at(1), true);

        assertThat(await(future))
                .containsExactly(DeleteOutcome.DELETED, DeleteOutcome.NOT_FOUND, DeleteOutcome.NOT_FOUND);
        assertThat(ids(peekAll(queue))).containsExactly(claimed.get(1).messageId());
    }

    @Test
    void anExpiredDeliveryIsRefusedWhenTheCurrentOneIsRequired() throws Exception {
        QueueId queue = standardQueue("orders");
        send(queue, "m1");
        StoredMessage claimed = receiveOne(queue, at(0), at(30));

        assertThat(await(store.deleteAllAsync(queue, List.of(claimed.ref()), at(30), true)))
                .containsExactly(DeleteOutcome.RECEIPT_EXPIRED);
        assertThat(ids(peekAll(queue))).containsExactly("m1");
    }

    /** The decision is made before the call returns: a read made before awaiting the future no longer sees them. */
    @Test
    void deletedMessagesAreGoneBeforeTheFutureIsAwaited() throws Exception {
        QueueId queue = standardQueue("orders");
        send(queue, "m1", "m2");
        StoredMessage claimed = receiveOne(queue, at(0), at(30));

        CompletableFuture<List<DeleteOutcome>> future =
                store.deleteAllAsync(queue, List.of(claimed.ref()), at(1), false);

        assertThat(ids(peekAll(queue))).doesNotContain(claimed.messageId());
        assertThat(await(future)).containsExactly(DeleteOutcome.DELETED);
    }

    @Test
    void deleteAllAsyncOnAMissingQueueFailsWithQueueNotFound() {
        CompletableFuture<List<DeleteOutcome>> future =
                store.deleteAllAsync(new QueueId(ACCOUNT, "missing"), List.of(new MessageRef(1, 1)), at(1), false);

        assertThatThrownBy(() -> await(future)).hasCauseInstanceOf(QueueNotFoundException.class);
    }

    @Test
    void deleteAllAsyncOnAClosedStoreFailsWithStoreException() {
        QueueId queue = standardQueue("orders");
        send(queue, "m1");
        closeStore();

        CompletableFuture<List<DeleteOutcome>> future =
                store.deleteAllAsync(queue, List.of(new MessageRef(1, 1)), at(1), false);

        assertThatThrownBy(future::join)
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(StoreException.class);
    }

    @Test
    void completedAsyncDeletesStayDeletedAfterACrash() throws Exception {
        QueueId queue = standardQueue("orders");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add("m" + i);
        }
        send(queue, ids.toArray(String[]::new));
        List<StoredMessage> claimed = receive(queue, 10, at(0), at(30));
        List<CompletableFuture<List<DeleteOutcome>>> futures = new ArrayList<>();
        for (StoredMessage m : claimed) {
            futures.add(store.deleteAllAsync(queue, List.of(m.ref()), at(1), false));
        }
        for (CompletableFuture<List<DeleteOutcome>> future : futures) {
            assertThat(await(future)).containsExactly(DeleteOutcome.DELETED);
        }

        crash();

        assertThat(peekAll(queue)).hasSize(30);
        assertThat(ids(peekAll(queue))).doesNotContainAnyElementsOf(ids(claimed));
    }
}
