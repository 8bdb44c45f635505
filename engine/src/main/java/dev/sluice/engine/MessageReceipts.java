package dev.sluice.engine;

import dev.sluice.store.DeleteOutcome;
import dev.sluice.store.QueueId;
import dev.sluice.store.QueueStore;
import dev.sluice.store.VisibilityOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

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

    void delete(QueueId queue, String receiptHandle) {
        delete(queue, catalog.settings(queue), receiptHandle);
    }

    BatchResult<Void> deleteBatch(QueueId queue, List<BatchEntry<String>> entries) {
        BatchValidator.validate("DeleteMessageBatchRequestEntry", entries);
        QueueSettings s = catalog.settings(queue);
        return BatchEntries.applyEach(entries, handle -> delete(queue, s, handle));
    }

    void changeVisibility(QueueId queue, String receiptHandle, Integer visibilityTimeout) {
        changeVisibility(queue, catalog.settings(queue), receiptHandle, visibilityTimeout);
    }

    BatchResult<Void> changeVisibilityBatch(QueueId queue, List<BatchEntry<VisibilityChange>> entries) {
        BatchValidator.validate("ChangeMessageVisibilityBatchRequestEntry", entries);
        QueueSettings s = catalog.settings(queue);
        return BatchEntries.applyEach(entries, change -> {
            VisibilityChange c = change == null ? new VisibilityChange(null, null) : change;
            changeVisibility(queue, s, c.receiptHandle(), c.visibilityTimeout());
        });
    }

    private void delete(QueueId queue, QueueSettings s, String receiptHandle) {
        ReceiptHandle handle = decode(queue, s, receiptHandle);
        DeleteOutcome outcome = store.delete(queue, handle.ref(), clock.instant(), s.fifo());
        if (outcome == DeleteOutcome.RECEIPT_EXPIRED) {
            throw SqsException.invalidParameterValue(receiptHandle, "ReceiptHandle", "The receipt handle has expired.");
        }
        if (outcome == DeleteOutcome.DELETED) {
            metrics.messagesDeleted(queue, 1);
            if (s.fifo()) {
                // Deleting a group's in-flight head may unblock the group; the store does not announce that.
                longPolls.wakeOne(queue);
            }
        }
    }

    private void changeVisibility(QueueId queue, QueueSettings s, String receiptHandle, Integer timeout) {
        if (timeout == null) {
            throw SqsException.missingParameter("VisibilityTimeout");
        }
        if (timeout < 0 || timeout > MessageReceiver.MAX_VISIBILITY_TIMEOUT) {
            throw SqsException.invalidParameterValue(
                    timeout, "VisibilityTimeout", "VisibilityTimeout must be an integer between 0 and 43200.");
        }
        ReceiptHandle handle = decode(queue, s, receiptHandle);
        Instant now = clock.instant();
        Instant visibleAt = now.plusSeconds(timeout);
        if (visibleAt.isAfter(handle.receivedAt().plus(MAX_IN_FLIGHT))) {
            throw SqsException.invalidParameterValue(
                    timeout,
                    "VisibilityTimeout",
                    "Total VisibilityTimeout for the message is beyond the limit [43200 seconds]");
        }
        VisibilityOutcome outcome = store.changeVisibility(queue, handle.ref(), visibleAt, now, s.fifo());
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
