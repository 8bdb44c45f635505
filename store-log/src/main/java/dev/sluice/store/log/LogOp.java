package dev.sluice.store.log;

import dev.sluice.store.QueueId;
import dev.sluice.store.QueueRecord;

/**
 * One state change inside a log record; a record holds the ops of one store call, so they apply all or nothing.
 *
 * <p>Message ops name their queue by incarnation, which no later queue reuses, so ops of a deleted queue can never
 * touch its successor. Ops carry absolute values (a claim sets the receive count rather than incrementing it), so
 * applying an op that a checkpoint already reflects changes nothing.
 */
sealed interface LogOp {
    /** Creates or replaces a queue's definition. */
    record PutQueue(QueueRecord queue) implements LogOp {}

    /** Deletes a queue and its messages; {@code deletedAt} feeds the recreate guard. */
    record DeleteQueue(QueueId id, long incarnation, long deletedAt) implements LogOp {}

    record PutSetting(String name, byte[] value) implements LogOp {}

    /**
     * Adds a message. {@code dedupAt} is the epoch-millis the deduplication id was accepted, or -1 when the message
     * does not enter the deduplication history; {@code dedupPerGroup} scopes the id to the message group. When decoded, {@code payload} is null and {@code payloadOffset}
     * is the payload's offset in the record body.
     */
    record Send(
            long queue,
            long sequence,
            String messageId,
            long sentAt,
            long visibleAt,
            int receiveCount,
            long firstReceivedAt,
            String groupId,
            String deduplicationId,
            String deadLetterSourceArn,
            long dedupAt,
            boolean dedupPerGroup,
            byte[] payload,
            int payloadOffset,
            int payloadLength)
            implements LogOp {}

    /** A delivery: the message is in flight until {@code visibleAt}. */
    record Claim(long queue, long sequence, int receiveCount, long visibleAt, long firstReceivedAt) implements LogOp {}

    record Visibility(long queue, long sequence, long visibleAt) implements LogOp {}

    /** A delete, an expiry or a removal by retention. */
    record Remove(long queue, long sequence) implements LogOp {}

    /** Removes every message and the deduplication history. */
    record Purge(long queue) implements LogOp {}

    /**
     * Moves a message to another queue (dead-letter redrive) under a new sequence. Self-contained, so it can be
     * applied to the destination even when the source's state is already past it: the message's fields and where
     * its payload lies ({@code segment}, {@code offset}, {@code length}), or, when the payload was not on disk yet
     * at the time, the payload itself ({@code payload}; decoded, {@code payload} is null and {@code payloadOffset}
     * is its offset in the body, or -1 when there is none).
     */
    record Move(
            long queue,
            long sequence,
            long toQueue,
            long toSequence,
            String messageId,
            long sentAt,
            long visibleAt,
            int receiveCount,
            long firstReceivedAt,
            String groupId,
            String deduplicationId,
            String sourceArn,
            long segment,
            long offset,
            int length,
            byte[] payload,
            int payloadOffset)
            implements LogOp {}

    /** A copy of a live message's payload written to the head by compaction; the message now reads it there. */
    record Relocate(long queue, long sequence, byte[] payload, int payloadOffset, int payloadLength) implements LogOp {}
}
