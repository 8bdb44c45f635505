package dev.sluice.engine;

import dev.sluice.store.QueueId;
import dev.sluice.store.QueueStore;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/**
 * SQS semantics over a {@link QueueStore}: validation, attribute rules, limits, digests, encryption at rest,
 * receipt handles, long polling and redrive. Every SQS action and the console call these methods; they throw
 * {@link SqsException} for anything the client did wrong and for store failures (as a 5xx).
 *
 * <p>Queue-addressed methods take the {@link QueueId} the protocol layer resolved from the queue URL; they answer
 * QueueDoesNotExist when there is no such queue.
 */
public final class QueueEngine implements AutoCloseable {
    private final QueueStore store;
    private final InstantSource clock;
    private final EngineConfig config;

    public QueueEngine(QueueStore store, InstantSource clock, EngineConfig config) {
        this.store = store;
        this.clock = clock;
        this.config = config;
    }

    public EngineConfig config() {
        return config;
    }

    /** The queue's ARN: {@code arn:aws:sqs:<region>:<account>:<name>}. */
    public String queueArn(QueueId queue) {
        return "arn:aws:sqs:" + config.region() + ":" + queue.account() + ":" + queue.name();
    }

    public QueueId createQueue(
            String account, String queueName, Map<String, String> attributes, Map<String, String> tags) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Resolves a queue by name (GetQueueUrl); QueueDoesNotExist when absent. */
    public QueueId getQueueUrl(String account, String queueName) {
        throw new UnsupportedOperationException("TODO");
    }

    public ListQueuesPage listQueues(String account, String queueNamePrefix, Integer maxResults, String nextToken) {
        throw new UnsupportedOperationException("TODO");
    }

    public void deleteQueue(QueueId queue) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The named attributes that have a value, in a stable order; {@code All} selects every attribute. */
    public Map<String, String> getQueueAttributes(QueueId queue, List<String> attributeNames) {
        throw new UnsupportedOperationException("TODO");
    }

    public void setQueueAttributes(QueueId queue, Map<String, String> attributes) {
        throw new UnsupportedOperationException("TODO");
    }

    public void purgeQueue(QueueId queue) {
        throw new UnsupportedOperationException("TODO");
    }

    public SendMessageOutput sendMessage(QueueId queue, SendMessageInput input) {
        throw new UnsupportedOperationException("TODO");
    }

    public BatchResult<SendMessageOutput> sendMessageBatch(QueueId queue, List<BatchEntry<SendMessageInput>> entries) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Blocks (on the caller's virtual thread) up to the wait time when nothing is visible. */
    public List<ReceivedMessage> receiveMessage(QueueId queue, ReceiveMessageInput input) {
        throw new UnsupportedOperationException("TODO");
    }

    public void deleteMessage(QueueId queue, String receiptHandle) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Entries carry receipt handles. */
    public BatchResult<Void> deleteMessageBatch(QueueId queue, List<BatchEntry<String>> entries) {
        throw new UnsupportedOperationException("TODO");
    }

    public void changeMessageVisibility(QueueId queue, String receiptHandle, Integer visibilityTimeout) {
        throw new UnsupportedOperationException("TODO");
    }

    public BatchResult<Void> changeMessageVisibilityBatch(QueueId queue, List<BatchEntry<VisibilityChange>> entries) {
        throw new UnsupportedOperationException("TODO");
    }

    public void tagQueue(QueueId queue, Map<String, String> tags) {
        throw new UnsupportedOperationException("TODO");
    }

    public void untagQueue(QueueId queue, List<String> tagKeys) {
        throw new UnsupportedOperationException("TODO");
    }

    public Map<String, String> listQueueTags(QueueId queue) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Answers every waiting long poll (empty) and stops background work. Does not close the store. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("TODO");
    }
}
