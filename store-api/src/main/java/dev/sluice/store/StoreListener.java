package dev.sluice.store;

/**
 * Told when messages may have become available in a queue: after an append commits, after a visibility change to
 * an earlier deadline, after messages are moved in. Called on the store's own threads: return quickly, never block.
 */
@FunctionalInterface
public interface StoreListener {
    void messagesAvailable(QueueId queue);
}
