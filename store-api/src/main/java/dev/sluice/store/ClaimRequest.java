package dev.sluice.store;

import java.time.Duration;
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
 * @param receiveRequestAttemptId FIFO receive-retry id, or {@code null}; ignored on standard queues. On a FIFO
 *     queue, a claim whose id named an earlier claim of this queue that returned messages less than {@link
 *     #ATTEMPT_WINDOW} before {@code now} (counted from that earlier claim, not from retries) repeats it: it returns
 *     the same deliveries (same receive counts, and that claim's {@code receivedAt}) with their deadline set to
 *     {@code visibleUntil}, whether or not they are still in flight, and claims nothing else. It repeats only while
 *     every one of them is as that claim left it: not removed (deleted, purged, expired), not received again, and
 *     not given a deadline by {@link QueueStore#changeVisibility} (not even the same one). Otherwise the id is new:
 *     the claim is an ordinary one, which the id names from then on (REFERENCE §7.3). A claim that returned nothing
 *     is not remembered; a backend may forget ids across a restart (a retry is then an ordinary claim).
 */
public record ClaimRequest(
        int maxMessages,
        Instant now,
        Instant visibleUntil,
        Instant retainedSince,
        Redrive redrive,
        String receiveRequestAttemptId) {
    /** How long a {@code receiveRequestAttemptId} names its claim: five minutes, as in SQS (REFERENCE §7.3). */
    public static final Duration ATTEMPT_WINDOW = Duration.ofMinutes(5);

    public ClaimRequest {
        if (maxMessages < 1) {
            throw new IllegalArgumentException("maxMessages must be positive");
        }
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(visibleUntil, "visibleUntil");
        Objects.requireNonNull(retainedSince, "retainedSince");
    }
}
