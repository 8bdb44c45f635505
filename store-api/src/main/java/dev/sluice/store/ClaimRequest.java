package dev.sluice.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One receive, as the engine decided it.
 *
 * @param maxMessages 1 to 10
 * @param now the engine's clock; messages with {@code visibleAt <= now} are visible
 * @param visibleUntil the new visibility deadline of every claimed message
 * @param retainedSince messages sent before this instant have outlived the retention period: they are removed, not
 *     delivered
 * @param redrive the queue's redrive policy, or {@code null}
 * @param receiveRequestAttemptId FIFO receive-retry id, or {@code null}
 */
public record ClaimRequest(
        int maxMessages,
        Instant now,
        Instant visibleUntil,
        Instant retainedSince,
        Redrive redrive,
        String receiveRequestAttemptId) {
    public ClaimRequest {
        if (maxMessages < 1) {
            throw new IllegalArgumentException("maxMessages must be positive");
        }
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(visibleUntil, "visibleUntil");
        Objects.requireNonNull(retainedSince, "retainedSince");
    }
}
