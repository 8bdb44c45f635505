package dev.sluice.engine;

import dev.sluice.store.DeleteOutcome;
import dev.sluice.store.NewVisibility;
import dev.sluice.store.QueueId;
import dev.sluice.store.QueueStore;
import dev.sluice.store.VisibilityOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The actions that present a receipt handle: DeleteMessage, ChangeMessageVisibility and their batches, with SQS's
 * leniency rules (REFERENCE §2.11-§2.14): on standard queues any delivery's handle deletes and a missing message is
 * success; FIFO queues require the current delivery.
 */
final class MessageReceipts {
    private static final Duration MAX_IN_FLIGHT = Duration.ofSeconds(MessageReceiver.MAX_VISIBILITY_TIMEOUT);

    private final QueueStore store;
    private final InstantSource clock;
    private final QueueCatalog catalog;
    private final ReceiptHandles handles;
    private final LongPolls longPolls;
    private final EngineMetrics metrics;

    MessageReceipts(
            QueueStore store,
            InstantSource clock,
            QueueCatalog catalog,
            ReceiptHandles handles,
            LongPolls longPolls,
            EngineMetrics metrics) {
        this.store = store;
        this.clock = clock;
        this.catalog = catalog;
        this.handles = handles;
        this.longPolls = longPolls;
        this.metrics = metrics;
    }

    /**
     * Completes once the delete is durable. A bad handle is thrown before anything is stored; the store's batch call
     * with one ref decides exactly as its single delete would.
     */
    CompletableFuture<Void> delete(QueueId queue, String receiptHandle) {
        QueueSettings s = catalog.settings(queue);
        ReceiptHandle handle = decode(queue, s, receiptHandle);
        return store.deleteAllAsync(queue, List.of(handle.ref()), clock.instant(), s.fifo())
                .thenApply(outcomes -> {
                    requireNotExpired(receiptHandle, outcomes.get(0));
                    deleted(queue, s, outcomes.get(0) == DeleteOutcome.DELETED ? 1 : 0);
                    return null;
                });
    }

    /**
     * Checks each entry's handle on its own (a bad one is that entry's failure), then deletes the rest with one store
     * call, so the batch costs one store write rather than one per entry; completes once the deletes are durable.
     */
    CompletableFuture<BatchResult<Void>> deleteBatch(QueueId queue, List<BatchEntry<String>> entries) {
        BatchValidator.validate("DeleteMessageBatchRequestEntry", entries);
        QueueSettings s = catalog.settings(queue);
        return StoreBatch.applyAsync(
                entries,
                handle -> decode(queue, s, handle).ref(),
                refs -> store.deleteAllAsync(queue, refs, clock.instant(), s.fifo())
                        .thenApply(outcomes -> {
                            deleted(queue, s, (int) outcomes.stream()
                                    .filter(o -> o == DeleteOutcome.DELETED)
                                    .count());
                            return outcomes;
                        }),
                MessageReceipts::requireNotExpired);
    }

    void changeVisibility(QueueId queue, String receiptHandle, Integer visibilityTimeout) {
        QueueSettings s = catalog.settings(queue);
        Instant now = clock.instant();
        NewVisibility change = checkedChange(queue, s, receiptHandle, visibilityTimeout, now);
        VisibilityOutcome outcome = store.changeVisibility(queue, change.ref(), change.visibleAt(), now, s.fifo());
        requireChanged(receiptHandle, outcome);
    }

    /** As {@link #deleteBatch}: entries are checked one by one, then changed with one store call. */
    BatchResult<Void> changeVisibilityBatch(QueueId queue, List<BatchEntry<VisibilityChange>> entries) {
        BatchValidator.validate("ChangeMessageVisibilityBatchRequestEntry", entries);
        QueueSettings s = catalog.settings(queue);
        Instant now = clock.instant();
        return StoreBatch.apply(
                entries,
                change -> {
                    VisibilityChange c = change == null ? new VisibilityChange(null, null) : change;
                    return checkedChange(queue, s, c.receiptHandle(), c.visibilityTimeout(), now);
                },
                changes -> store.changeVisibilityAll(queue, changes, now, s.fifo()),
                (change, outcome) -> requireChanged(change.receiptHandle(), outcome));
    }

    private static void requireNotExpired(String receiptHandle, DeleteOutcome outcome) {
        if (outcome == DeleteOutcome.RECEIPT_EXPIRED) {
            throw SqsException.invalidParameterValue(receiptHandle, "ReceiptHandle", "The receipt handle has expired.");
        }
    }

    private void deleted(QueueId queue, QueueSettings s, int count) {
        if (count == 0) {
            return;
        }
        metrics.messagesDeleted(queue, count);
        if (s.fifo()) {
            // Deleting a group's in-flight head may unblock the group; the store does not announce that.
            for (int i = 0; i < count; i++) {
                longPolls.wakeOne(queue);
            }
        }
    }

    /** The store change one ChangeMessageVisibility (entry) asks for, once its parameters and handle are checked. */
    private NewVisibility checkedChange(
            QueueId queue, QueueSettings s, String receiptHandle, Integer timeout, Instant now) {
        if (timeout == null) {
            throw SqsException.missingParameter("VisibilityTimeout");
        }
        if (timeout < 0 || timeout > MessageReceiver.MAX_VISIBILITY_TIMEOUT) {
            throw SqsException.invalidParameterValue(
                    timeout, "VisibilityTimeout", "VisibilityTimeout must be an integer between 0 and 43200.");
        }
        ReceiptHandle handle = decode(queue, s, receiptHandle);
        Instant visibleAt = now.plusSeconds(timeout);
        if (visibleAt.isAfter(handle.receivedAt().plus(MAX_IN_FLIGHT))) {
            throw SqsException.invalidParameterValue(
                    timeout,
                    "VisibilityTimeout",
                    "Total VisibilityTimeout for the message is beyond the limit [43200 seconds]");
        }
        return new NewVisibility(handle.ref(), visibleAt);
    }

    private static void requireChanged(String receiptHandle, VisibilityOutcome outcome) {
        if (outcome != VisibilityOutcome.CHANGED) {
            throw SqsException.invalidParameterValue(
                    receiptHandle,
                    "ReceiptHandle",
                    "Message does not exist or is not available for visibility timeout change.");
        }
    }

    /** A handle this server made for this incarnation of this queue; ReceiptHandleIsInvalid otherwise. */
    private ReceiptHandle decode(QueueId queue, QueueSettings s, String receiptHandle) {
        ReceiptHandle handle = handles.decode(queue, receiptHandle);
        if (handle.incarnation() != s.record().incarnation()) {
            throw ReceiptHandles.invalid(receiptHandle);
        }
        return handle;
    }
}
