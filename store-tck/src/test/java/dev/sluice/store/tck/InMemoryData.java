package dev.sluice.store.tck;

import dev.sluice.store.MessageRef;
import dev.sluice.store.NewMessage;
import dev.sluice.store.QueueId;
import dev.sluice.store.QueueRecord;
import dev.sluice.store.StoredMessage;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/** The state of an {@link InMemoryQueueStore}, which outlives the store so a reopened store sees it. */
final class InMemoryData {
    /** Guards everything below. */
    final ReentrantLock lock = new ReentrantLock();

    final TreeMap<QueueId, Queue> queues =
            new TreeMap<>(Comparator.comparing(QueueId::account).thenComparing(QueueId::name));
    final Map<QueueId, Instant> deletedAt = new HashMap<>();
    final Map<String, byte[]> settings = new HashMap<>();
    long lastIncarnation;

    /** One queue: its record, its messages by sequence and its deduplication history. */
    static final class Queue {
        QueueRecord record;
        final TreeMap<Long, Message> messages = new TreeMap<>();
        final Map<String, Dedup> dedup = new HashMap<>();
        /** Recent claims by ReceiveRequestAttemptId (FIFO only). */
        final Map<String, Attempt> attempts = new HashMap<>();

        long lastSequence;

        Queue(QueueRecord record) {
            this.record = record;
        }

        Message add(NewMessage message, int receiveCount) {
            NewMessage copy = new NewMessage(
                    message.messageId(),
                    message.payload().clone(),
                    message.sentAt(),
                    message.visibleAt(),
                    message.groupId(),
                    message.deduplicationId(),
                    message.deadLetterSourceArn());
            Message stored = new Message(++lastSequence, copy);
            stored.receiveCount = receiveCount;
            messages.put(stored.sequence, stored);
            return stored;
        }
    }

    /** One stored message with its mutable delivery state. */
    static final class Message {
        final long sequence;
        final NewMessage message;
        Instant visibleAt;
        int receiveCount;
        Instant firstReceivedAt;

        Message(long sequence, NewMessage message) {
            this.sequence = sequence;
            this.message = message;
            this.visibleAt = message.visibleAt();
        }

        boolean isCurrent(MessageRef ref, Instant now) {
            return ref.receiveCount() == receiveCount && receiveCount > 0 && visibleAt.isAfter(now);
        }

        /** The message as a claim at {@code receivedAt} returns it, or as peek does with {@code null}. */
        StoredMessage snapshot(Instant receivedAt) {
            return new StoredMessage(
                    sequence,
                    message.messageId(),
                    message.payload().clone(),
                    message.sentAt(),
                    visibleAt,
                    receiveCount,
                    receivedAt,
                    firstReceivedAt,
                    message.groupId(),
                    message.deduplicationId(),
                    message.deadLetterSourceArn());
        }
    }

    /** A deduplication id's first accepted message. */
    record Dedup(String messageId, long sequence, Instant acceptedAt) {}

    /** What the claim an attempt id names returned, and when; the deliveries it made. */
    record Attempt(Instant at, List<MessageRef> refs) {
        boolean includes(long sequence) {
            return refs.stream().anyMatch(r -> r.sequence() == sequence);
        }
    }
}
