package dev.sluice.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A message as the engine hands it to the store.
 *
 * <p>{@code payload} is opaque to the store: the engine's sealed encoding of the body, message attributes and
 * system attributes (encrypted when the queue uses SSE). Only what the store needs for ordering, visibility and
 * deduplication is readable: {@code visibleAt} (send time plus delay), {@code groupId} and {@code deduplicationId}
 * (both {@code null} when absent), and {@code deadLetterSourceArn} ({@code null} unless the message is being moved
 * into a dead-letter queue).
 */
public record NewMessage(
        String messageId,
        byte[] payload,
        Instant sentAt,
        Instant visibleAt,
        String groupId,
        String deduplicationId,
        String deadLetterSourceArn) {
    public NewMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(visibleAt, "visibleAt");
    }

    /** A standard-queue message with no group, deduplication id or dead-letter origin. */
    public static NewMessage of(String messageId, byte[] payload, Instant sentAt, Instant visibleAt) {
        return new NewMessage(messageId, payload, sentAt, visibleAt, null, null, null);
    }
}
