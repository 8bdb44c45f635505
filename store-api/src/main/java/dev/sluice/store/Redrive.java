package dev.sluice.store;

import java.util.Objects;

/**
 * A source queue's redrive policy as {@link QueueStore#claim} applies it: a message whose receive would make its
 * receive count exceed {@code maxReceiveCount} is moved, atomically, to {@code deadLetterQueue} instead of being
 * delivered, keeping its message id, payload, send time and receive count, and gaining {@code sourceArn} as its
 * dead-letter source. If the dead-letter queue no longer exists the message is delivered normally.
 */
public record Redrive(QueueId deadLetterQueue, int maxReceiveCount, String sourceArn) {
    public Redrive {
        Objects.requireNonNull(deadLetterQueue, "deadLetterQueue");
        Objects.requireNonNull(sourceArn, "sourceArn");
    }
}
