package dev.sluice.engine;

import dev.sluice.engine.crypto.DataKeys;
import dev.sluice.engine.crypto.MasterKey;
import dev.sluice.engine.crypto.PayloadSealer;
import dev.sluice.store.QueueId;
import dev.sluice.store.QueueNotFoundException;
import dev.sluice.store.QueueStore;
import dev.sluice.store.StoreException;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQS semantics over a {@link QueueStore}: validation, attribute rules, limits, digests, encryption at rest,
 * receipt handles, long polling and redrive. Every SQS action and the console call these methods; they throw
 * {@link SqsException} for anything the client did wrong and for store failures (as a 5xx).
 *
 * <p>Queue-addressed methods take the {@link QueueId} the protocol layer resolved from the queue URL; they answer
 * QueueDoesNotExist when there is no such queue.
 *
 * <p>Design. This class is a facade; the work is in {@link QueueCatalog} (queue actions and the settings cache),
 * {@link QueueListing},
 * {@link MessageSender}, {@link MessageReceiver}, {@link MessageReceipts}, {@link LongPolls} and {@link Maintenance}.
 *
 * <ul>
 *   <li><b>Visibility.</b> The engine decides every instant from the injected clock (visible-at on send, the new
 *       deadline on receive and on ChangeMessageVisibility) and the store applies it atomically. A receipt handle
 *       names one delivery (sequence + receive count) of one queue incarnation and carries its receive time, which
 *       bounds ChangeMessageVisibility to 12 hours in flight. Standard queues accept any delivery's handle; FIFO
 *       queues require the current one.
 *   <li><b>FIFO groups.</b> Group locking is the store's (inside claim); the engine validates group ids and passes
 *       them through.
 *   <li><b>Deduplication.</b> The engine picks the id (explicit, or SHA-256 of the body with
 *       ContentBasedDeduplication) and the scope; the store enforces the 5-minute window inside append.
 *   <li><b>Redrive.</b> A valid RedrivePolicy becomes a {@code Redrive} on each claim; the store moves messages over
 *       the limit atomically. Payloads stay sealed under the source queue's data key, named in their header, so they
 *       open in the dead-letter queue.
 *   <li><b>Durability.</b> Nothing is acknowledged before the store returns; a {@link StoreException} becomes
 *       ServiceUnavailable (503) and anything unexpected InternalError (500), so SDKs retry.
 *   <li><b>Concurrency and lock order.</b> Request threads (virtual) never share a lock across components: {@link
 *       LongPolls} holds one lock per queue, {@link Maintenance} its own; the settings cache and purge marks are
 *       concurrent maps. No engine lock is held while calling the store.
 * </ul>
 */
public final class QueueEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QueueEngine.class);

    private final EngineConfig config;
    private final QueueCatalog catalog;
    private final QueueListing listing;
    private final MessageSender sender;
    private final MessageReceiver receiver;
    private final MessageReceipts receipts;
    private final LongPolls longPolls;
    private final Maintenance maintenance;
    private final boolean asyncCallsWithoutWaiting;
    private volatile boolean closed;

    public QueueEngine(QueueStore store, InstantSource clock, EngineConfig config) {
        this(store, clock, config, EngineMetrics.NONE);
    }

    public QueueEngine(QueueStore store, InstantSource clock, EngineConfig config, EngineMetrics metrics) {
        this.config = config;
        this.asyncCallsWithoutWaiting = store.asyncWritesWithoutWaiting();
        this.longPolls = new LongPolls(store, clock);
        SecureRandom random = new SecureRandom();
        MasterKey masterKey = new MasterKey(config.masterKey(), random);
        DataKeys dataKeys = DataKeys.on(store, masterKey, random);
        PayloadSealer sealer = new PayloadSealer(dataKeys, random);
        ReceiptHandles handles = new ReceiptHandles(masterKey.derive("sluice/receipt-handle/v1"));
        this.catalog = new QueueCatalog(store, clock, config, dataKeys, longPolls);
        this.listing = new QueueListing(store, catalog);
        this.sender = new MessageSender(store, clock, catalog, sealer, metrics);
        this.receiver = new MessageReceiver(store, clock, config, catalog, sealer, handles, longPolls, metrics);
        this.receipts = new MessageReceipts(store, clock, catalog, handles, longPolls, metrics);
        this.maintenance = new Maintenance(store, clock, catalog);
        store.addListener(longPolls);
        maintenance.start();
    }

    public EngineConfig config() {
        return config;
    }

    /** The queue's ARN: {@code arn:aws:sqs:<region>:<account>:<name>}. */
    public String queueArn(QueueId queue) {
        return catalog.queueArn(queue);
    }

    public QueueId createQueue(
            String account, String queueName, Map<String, String> attributes, Map<String, String> tags) {
        return guard(() -> catalog.createQueue(account, queueName, attributes, tags));
    }

    /** Resolves a queue by name (GetQueueUrl); QueueDoesNotExist when absent. */
    public QueueId getQueueUrl(String account, String queueName) {
        return guard(() -> catalog.getQueueUrl(account, queueName));
    }

    public ListQueuesPage listQueues(String account, String queueNamePrefix, Integer maxResults, String nextToken) {
        return guard(() -> listing.listQueues(account, queueNamePrefix, maxResults, nextToken));
    }

    /** The queues whose RedrivePolicy names {@code deadLetterQueue}, in name order (ListDeadLetterSourceQueues). */
    public ListQueuesPage listDeadLetterSourceQueues(QueueId deadLetterQueue, Integer maxResults, String nextToken) {
        return guard(() -> listing.listDeadLetterSourceQueues(deadLetterQueue, maxResults, nextToken));
    }

    public void deleteQueue(QueueId queue) {
        run(() -> catalog.deleteQueue(queue));
    }

    /** The named attributes that have a value, in a stable order; {@code All} selects every attribute. */
    public Map<String, String> getQueueAttributes(QueueId queue, List<String> attributeNames) {
        return guard(() -> catalog.getQueueAttributes(queue, attributeNames));
    }

    public void setQueueAttributes(QueueId queue, Map<String, String> attributes) {
        run(() -> catalog.setQueueAttributes(queue, attributes));
    }

    public void purgeQueue(QueueId queue) {
        run(() -> catalog.purgeQueue(queue));
    }

    public SendMessageOutput sendMessage(QueueId queue, SendMessageInput input) {
        return SqsException.join(sendMessageAsync(queue, input));
    }

    /**
     * SendMessage answered when the message is durable, without parking the caller: the future completes on the
     * store's writer thread (chain only short, non-blocking work to it) with the output or an {@link SqsException}.
     */
    public CompletableFuture<SendMessageOutput> sendMessageAsync(QueueId queue, SendMessageInput input) {
        return guardAsync(() -> sender.send(queue, input));
    }

    /**
     * True when the async calls ({@link #sendMessageAsync}, {@link #sendMessageBatchAsync}, {@link
     * #deleteMessageAsync}, {@link #deleteMessageBatchAsync}) return without waiting for I/O (they then only validate,
     * digest, seal or check handles, and hand the write to the store), so they may be called on a thread that must
     * not block.
     */
    public boolean asyncCallsWithoutWaiting() {
        return asyncCallsWithoutWaiting;
    }

    public BatchResult<SendMessageOutput> sendMessageBatch(QueueId queue, List<BatchEntry<SendMessageInput>> entries) {
        return SqsException.join(sendMessageBatchAsync(queue, entries));
    }

    /** SendMessageBatch answered as {@link #sendMessageAsync} is. */
    public CompletableFuture<BatchResult<SendMessageOutput>> sendMessageBatchAsync(
            QueueId queue, List<BatchEntry<SendMessageInput>> entries) {
        return guardAsync(() -> sender.sendBatch(queue, entries));
    }

    /** Blocks (on the caller's virtual thread) up to the wait time when nothing is visible. */
    public List<ReceivedMessage> receiveMessage(QueueId queue, ReceiveMessageInput input) {
        return guard(() -> receiver.receive(queue, input));
    }

    public void deleteMessage(QueueId queue, String receiptHandle) {
        SqsException.join(deleteMessageAsync(queue, receiptHandle));
    }

    /** DeleteMessage answered when the delete is durable, as {@link #sendMessageAsync} is. */
    public CompletableFuture<Void> deleteMessageAsync(QueueId queue, String receiptHandle) {
        return guardAsync(() -> receipts.delete(queue, receiptHandle));
    }

    /** Entries carry receipt handles. */
    public BatchResult<Void> deleteMessageBatch(QueueId queue, List<BatchEntry<String>> entries) {
        return SqsException.join(deleteMessageBatchAsync(queue, entries));
    }

    /** DeleteMessageBatch answered when the deletes are durable, as {@link #sendMessageAsync} is. */
    public CompletableFuture<BatchResult<Void>> deleteMessageBatchAsync(
            QueueId queue, List<BatchEntry<String>> entries) {
        return guardAsync(() -> receipts.deleteBatch(queue, entries));
    }

    public void changeMessageVisibility(QueueId queue, String receiptHandle, Integer visibilityTimeout) {
        run(() -> receipts.changeVisibility(queue, receiptHandle, visibilityTimeout));
    }

    public BatchResult<Void> changeMessageVisibilityBatch(QueueId queue, List<BatchEntry<VisibilityChange>> entries) {
        return guard(() -> receipts.changeVisibilityBatch(queue, entries));
    }

    public void tagQueue(QueueId queue, Map<String, String> tags) {
        run(() -> catalog.tagQueue(queue, tags));
    }

    public void untagQueue(QueueId queue, List<String> tagKeys) {
        run(() -> catalog.untagQueue(queue, tagKeys));
    }

    public Map<String, String> listQueueTags(QueueId queue) {
        return guard(() -> catalog.listQueueTags(queue));
    }

    /**
     * One maintenance pass (retention expiry of every queue, pruning of purge marks); a background virtual thread
     * runs it every second.
     *
     * @return the number of messages removed by retention
     */
    public long runMaintenance() {
        return guard(maintenance::run);
    }

    /** Answers every waiting long poll (empty) and stops background work. Does not close the store. */
    @Override
    public void close() {
        closed = true;
        longPolls.close();
        maintenance.close();
    }

    private void run(Runnable action) {
        guard(() -> {
            action.run();
            return null;
        });
    }

    private <T> T guard(Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /**
     * {@link #guard} for calls answered by a future: whether the call throws or its future fails, the returned
     * future fails with the {@link SqsException} the client must hear (not wrapped in a CompletionException).
     */
    private <T> CompletableFuture<T> guardAsync(Supplier<CompletableFuture<T>> action) {
        CompletableFuture<T> started;
        try {
            started = action.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(translate(e));
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        started.whenComplete((value, failure) -> {
            if (failure == null) {
                answer.complete(value);
            } else {
                answer.completeExceptionally(translate(unwrap(failure)));
            }
        });
        return answer;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** The one place where failures become {@link SqsException}s. */
    private SqsException translate(Throwable failure) {
        if (failure instanceof SqsException e) {
            return e;
        }
        if (failure instanceof QueueNotFoundException) {
            return QueueCatalog.queueDoesNotExist();
        }
        if (failure instanceof StoreException e) {
            if (closed) {
                log.debug("store failure after close: {}", e.toString());
            } else {
                log.warn("store failure: {}", e.toString(), e);
            }
            return new SqsException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "The request has failed due to a temporary failure of the server.",
                    e);
        }
        log.error("unexpected failure", failure);
        return new SqsException(
                ErrorCode.INTERNAL_ERROR,
                "The request processing has failed because of an unknown error, exception or failure.",
                failure);
    }
}
