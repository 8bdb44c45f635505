package dev.sluice.store.log;

import java.util.UUID;

/**
 * One message in a queue's in-memory index: its state and where its payload lies, never the payload itself once
 * that is written.
 *
 * <p>Kept small on purpose (about 90 bytes): instants are epoch millis, a UUID message id is two longs, the rare
 * strings (group, deduplication id, dead-letter source, non-UUID id) sit in one optional {@link MessageExtras}. All
 * fields are guarded by the owning {@link QueueIndex}'s lock, except the payload hand-over from the log writer:
 * the writer sets {@code location} and then clears the volatile {@code pendingPayload}, so a reader that sees
 * {@code null} there also sees the location.
 */
final class MessageEntry {
    static final byte READY = 0;
    static final byte DELAYED = 1;
    static final byte IN_FLIGHT = 2;
    static final byte GONE = 3;

    long sequence;
    final long idHigh;
    final long idLow;
    final long sentAt;
    long visibleAt;
    long firstReceivedAt;
    int receiveCount;
    byte state = GONE;
    boolean inReadyHeap;
    /**
     * Set by a visibility change, cleared by the next claim: a {@code ReceiveRequestAttemptId} retry does not repeat
     * a delivery whose visibility was changed, even to the same deadline (§7.3). Not persisted, like the attempts;
     * it fits in the object's alignment padding.
     */
    boolean visibilityChanged;

    MessageExtras extras;
    /** Segment id in the high 32 bits, offset in the low 32 bits. */
    long location;

    int payloadLength;
    volatile byte[] pendingPayload;

    MessageEntry(
            long sequence,
            String messageId,
            long sentAt,
            long visibleAt,
            int receiveCount,
            long firstReceivedAt,
            String groupId,
            String deduplicationId,
            String deadLetterSourceArn) {
        this.sequence = sequence;
        UUID uuid = parseCanonicalUuid(messageId);
        String rawId = null;
        if (uuid == null) {
            idHigh = 0;
            idLow = 0;
            rawId = messageId;
        } else {
            idHigh = uuid.getMostSignificantBits();
            idLow = uuid.getLeastSignificantBits();
        }
        this.sentAt = sentAt;
        this.visibleAt = visibleAt;
        this.receiveCount = receiveCount;
        this.firstReceivedAt = firstReceivedAt;
        this.extras = MessageExtras.of(groupId, deduplicationId, deadLetterSourceArn, rawId);
    }

    MessageEntry(
            long sequence,
            long idHigh,
            long idLow,
            long sentAt,
            long visibleAt,
            int receiveCount,
            long firstReceivedAt,
            MessageExtras extras) {
        this.sequence = sequence;
        this.idHigh = idHigh;
        this.idLow = idLow;
        this.sentAt = sentAt;
        this.visibleAt = visibleAt;
        this.receiveCount = receiveCount;
        this.firstReceivedAt = firstReceivedAt;
        this.extras = extras;
    }

    String messageId() {
        if (extras != null && extras.rawMessageId() != null) {
            return extras.rawMessageId();
        }
        return new UUID(idHigh, idLow).toString();
    }

    String groupId() {
        return extras == null ? null : extras.groupId();
    }

    String deduplicationId() {
        return extras == null ? null : extras.deduplicationId();
    }

    String deadLetterSourceArn() {
        return extras == null ? null : extras.deadLetterSourceArn();
    }

    void setDeadLetterSourceArn(String arn) {
        extras = MessageExtras.of(groupId(), deduplicationId(), arn, extras == null ? null : extras.rawMessageId());
    }

    int segment() {
        return (int) (location >>> 32);
    }

    long offset() {
        return location & 0xFFFF_FFFFL;
    }

    void setLocation(long segmentId, long offset, int length) {
        location = (segmentId << 32) | (offset & 0xFFFF_FFFFL);
        payloadLength = length;
    }

    /** The UUID if {@code id} is one in canonical lower-case form (so it prints back identically), else null. */
    static UUID parseCanonicalUuid(String id) {
        if (id.length() != 36) {
            return null;
        }
        try {
            UUID uuid = UUID.fromString(id);
            return uuid.toString().equals(id) ? uuid : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
