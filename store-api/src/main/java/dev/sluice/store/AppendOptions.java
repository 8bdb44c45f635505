package dev.sluice.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How {@link QueueStore#append} treats deduplication ids (FIFO queues; ignored on standard queues).
 *
 * <p>A message whose {@code deduplicationId} was accepted within {@code deduplicationWindow} before {@code now}
 * (in the same queue, or in the same queue and message group when {@code perMessageGroup}) is not stored again; its
 * result reports the original message. Purge clears the history; deleting a message does not.
 */
public record AppendOptions(Instant now, Duration deduplicationWindow, boolean perMessageGroup) {
    public static final Duration SQS_DEDUPLICATION_WINDOW = Duration.ofMinutes(5);

    public AppendOptions {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(deduplicationWindow, "deduplicationWindow");
    }

    public static AppendOptions at(Instant now) {
        return new AppendOptions(now, SQS_DEDUPLICATION_WINDOW, false);
    }
}
