package dev.sluice.store.log;

import dev.sluice.store.StoreException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One encoded record waiting for the log writer, and the future its caller waits on.
 *
 * <p>{@code payloadEntries[i]} is the message whose payload is op i's payload (or null); once the record is written
 * the writer points the entry at the bytes on disk and drops its heap copy.
 */
final class PendingRecord {
    final byte[] body;
    final int bodyLength;
    final int[] payloadOffsets;
    final MessageEntry[] payloadEntries;
    /** True when the caller waits only for the write (claims, visibility); false when it waits for the force. */
    final boolean writeAck;

    final CompletableFuture<Void> done = new CompletableFuture<>();
    long lsn;

    PendingRecord(byte[] body, int bodyLength, int[] payloadOffsets, MessageEntry[] payloadEntries, boolean writeAck) {
        this.body = body;
        this.bodyLength = bodyLength;
        this.payloadOffsets = payloadOffsets;
        this.payloadEntries = payloadEntries;
        this.writeAck = writeAck;
    }

    int frameSize() {
        return RecordFrame.HEADER_SIZE + bodyLength;
    }

    /** Waits until the record is written (or forced); a disk failure surfaces as {@link StoreException}. */
    void await() {
        try {
            done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StoreException se) {
                throw new StoreException(se.getMessage(), se);
            }
            throw new StoreException("log write failed", e.getCause());
        }
    }
}
