package dev.sluice.engine;

import dev.sluice.store.QueueId;

/**
 * What the engine reports for metrics (named after CloudWatch's SQS metrics by the exporter). Every method defaults
 * to doing nothing; implementations must return quickly and never throw.
 */
public interface EngineMetrics {
    EngineMetrics NONE = new EngineMetrics() {};

    /** NumberOfMessagesSent: messages accepted by SendMessage/SendMessageBatch (duplicates included). */
    default void messagesSent(QueueId queue, int count) {}

    /** NumberOfMessagesReceived. */
    default void messagesReceived(QueueId queue, int count) {}

    /** NumberOfMessagesDeleted: deletes that removed a message. */
    default void messagesDeleted(QueueId queue, int count) {}

    /** NumberOfEmptyReceives. */
    default void emptyReceive(QueueId queue) {}
}
