package dev.sluice.engine;

import dev.sluice.store.MessageRef;
import java.time.Instant;

/**
 * What a receipt handle names: one delivery ({@code sequence}, {@code receiveCount}) of a message in one incarnation
 * of a queue, and when that delivery happened (for the 12-hour visibility limit).
 */
public record ReceiptHandle(long incarnation, long sequence, int receiveCount, Instant receivedAt) {
    public MessageRef ref() {
        return new MessageRef(sequence, receiveCount);
    }
}
