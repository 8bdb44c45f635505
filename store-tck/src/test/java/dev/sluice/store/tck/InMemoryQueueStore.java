package dev.sluice.store.tck;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.AppendResult;
import dev.sluice.store.ClaimRequest;
import dev.sluice.store.CreateOutcome;
import dev.sluice.store.DeleteOutcome;
import dev.sluice.store.MessageRef;
import dev.sluice.store.NewMessage;
import dev.sluice.store.QueueCounts;
import dev.sluice.store.QueueId;
import dev.sluice.store.QueueNotFoundException;
import dev.sluice.store.QueueRecord;
import dev.sluice.store.QueueStore;
import dev.sluice.store.StoreException;
import dev.sluice.store.StoreListener;
import dev.sluice.store.StoredMessage;
import dev.sluice.store.VisibilityOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The simplest store that keeps the contract: a reference model that proves the kit's expectations are consistent.
 *
 * <p>Every method runs under the data's one lock, so each is trivially atomic. "Durability" is the {@link
 * InMemoryData} object outliving a closed store: a store reopened on it sees everything.
 */
final class InMemoryQueueStore implements QueueStore {
    private final InMemoryData data;
    private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    InMemoryQueueStore(InMemoryData data) {
        this.data = data;
    }

    private <T> T locked(Supplier<T> action) {
        if (closed) {
            throw new StoreException("store closed");
        }
        data.lock.lock();
        try {
            return action.get();
        } finally {
            data.lock.unlock();
        }
    }

    private InMemoryData.Queue queue(QueueId id) {
        InMemoryData.Queue queue = data.queues.get(id);
        if (queue == null) {
            throw new QueueNotFoundException(id);
        }
        return queue;
    }

    private void notifyAvailable(QueueId queue) {
        listeners.forEach(l -> l.messagesAvailable(queue));
    }

    @Override
    public CreateOutcome createQueue(QueueRecord proposed, Instant recreateAfter) {
        return locked(() -> {
            InMemoryData.Queue existing = data.queues.get(proposed.id());
            if (existing != null) {
                return new CreateOutcome.Exists(existing.record);
            }
            Instant deletedAt = data.deletedAt.get(proposed.id());
            if (deletedAt != null && deletedAt.isAfter(recreateAfter)) {
                return new CreateOutcome.DeletedRecently();
            }
            QueueRecord record = new QueueRecord(
                    proposed.id(),
                    ++data.lastIncarnation,
                    proposed.fifo(),
                    proposed.attributes(),
                    proposed.tags(),
                    proposed.dataKeyId(),
                    proposed.created(),
                    proposed.lastModified());
            data.queues.put(record.id(), new InMemoryData.Queue(record));
            return new CreateOutcome.Created(record);
        });
    }

    @Override
    public Optional<QueueRecord> findQueue(QueueId id) {
        return locked(() -> Optional.ofNullable(data.queues.get(id)).map(q -> q.record));
    }

    @Override
    public List<QueueRecord> listQueues(String account, String namePrefix) {
        return locked(() -> data.queues.values().stream()
                .map(q -> q.record)
                .filter(r -> r.id().account().equals(account) && r.id().name().startsWith(namePrefix))
                .toList());
    }

    @Override
    public List<QueueRecord> allQueues() {
        return locked(() -> data.queues.values().stream().map(q -> q.record).toList());
    }

    @Override
    public QueueRecord updateQueue(QueueId id, UnaryOperator<QueueRecord> change) {
        return locked(() -> {
            InMemoryData.Queue queue = queue(id);
            QueueRecord current = queue.record;
            QueueRecord proposed = change.apply(current);
            queue.record = new QueueRecord(
                    current.id(),
                    current.incarnation(),
                    current.fifo(),
                    proposed.attributes(),
                    proposed.tags(),
                    current.dataKeyId(),
                    current.created(),
                    proposed.lastModified());
            return queue.record;
        });
    }

    @Override
    public boolean deleteQueue(QueueId id, Instant now) {
        return locked(() -> {
            if (data.queues.remove(id) == null) {
                return false;
            }
            data.deletedAt.put(id, now);
            return true;
        });
    }

    @Override
    public List<AppendResult> append(QueueId id, List<NewMessage> messages, AppendOptions options) {
        List<AppendResult> results = locked(() -> {
            InMemoryData.Queue queue = queue(id);
            List<AppendResult> out = new ArrayList<>();
            for (NewMessage m : messages) {
                String key = null;
                if (queue.record.fifo() && m.deduplicationId() != null) {
                    key = options.perMessageGroup()
                            ? m.groupId() + "\u0000" + m.deduplicationId()
                            : m.deduplicationId();
                    InMemoryData.Dedup seen = queue.dedup.get(key);
                    if (seen != null && options.now().isBefore(seen.acceptedAt().plus(options.deduplicationWindow()))) {
                        out.add(new AppendResult(seen.messageId(), seen.sequence(), true));
                        continue;
                    }
                }
                InMemoryData.Message stored = queue.add(m, 0);
                if (key != null) {
                    queue.dedup.put(key, new InMemoryData.Dedup(m.messageId(), stored.sequence, options.now()));
                }
                out.add(new AppendResult(m.messageId(), stored.sequence, false));
            }
            return out;
        });
        notifyAvailable(id);
        return results;
    }

    @Override
    public List<StoredMessage> claim(QueueId id, ClaimRequest request) {
        List<QueueId> movedTo = new ArrayList<>();
        List<StoredMessage> claimed = locked(() -> {
            InMemoryData.Queue queue = queue(id);
            queue.messages.values().removeIf(m -> m.message.sentAt().isBefore(request.retainedSince()));
            String attemptId = queue.record.fifo() ? request.receiveRequestAttemptId() : null;
            if (attemptId != null) {
                List<StoredMessage> repeated = repeat(queue, attemptId, request);
                if (repeated != null) {
                    return repeated;
                }
                queue.attempts.remove(attemptId);
            }
            Map<String, List<InMemoryData.Message>> streams = new LinkedHashMap<>();
            for (InMemoryData.Message m : queue.messages.values()) {
                String stream = queue.record.fifo() ? "g:" + m.message.groupId() : "s:" + m.sequence;
                streams.computeIfAbsent(stream, k -> new ArrayList<>()).add(m);
            }
            List<StoredMessage> out = new ArrayList<>();
            for (List<InMemoryData.Message> stream : streams.values()) {
                for (InMemoryData.Message m : stream) {
                    if (out.size() == request.maxMessages() || m.visibleAt.isAfter(request.now())) {
                        break;
                    }
                    InMemoryData.Queue dlq = request.redrive() == null
                            ? null
                            : data.queues.get(request.redrive().deadLetterQueue());
                    if (dlq != null && m.receiveCount + 1 > request.redrive().maxReceiveCount()) {
                        queue.messages.remove(m.sequence);
                        NewMessage moved = new NewMessage(
                                m.message.messageId(),
                                m.message.payload(),
                                m.message.sentAt(),
                                request.now(),
                                m.message.groupId(),
                                m.message.deduplicationId(),
                                request.redrive().sourceArn());
                        InMemoryData.Message copy = dlq.add(moved, m.receiveCount);
                        copy.firstReceivedAt = m.firstReceivedAt;
                        movedTo.add(dlq.record.id());
                        continue;
                    }
                    m.visibleAt = request.visibleUntil();
                    m.receiveCount++;
                    if (m.firstReceivedAt == null) {
                        m.firstReceivedAt = request.now();
                    }
                    out.add(m.snapshot(request.now()));
                }
            }
            if (attemptId != null && !out.isEmpty()) {
                queue.attempts.put(
                        attemptId,
                        new InMemoryData.Attempt(
                                request.now(),
                                out.stream().map(StoredMessage::ref).toList()));
            }
            return out;
        });
        movedTo.stream().distinct().forEach(this::notifyAvailable);
        return claimed;
    }

    /** The deliveries of a recent attempt with this id, renewed, if all are as it left them; else null. */
    private static List<StoredMessage> repeat(InMemoryData.Queue queue, String attemptId, ClaimRequest request) {
        InMemoryData.Attempt attempt = queue.attempts.get(attemptId);
        if (attempt == null || !request.now().isBefore(attempt.at().plus(ClaimRequest.ATTEMPT_WINDOW))) {
            return null;
        }
        List<InMemoryData.Message> members = new ArrayList<>();
        for (MessageRef ref : attempt.refs()) {
            InMemoryData.Message m = queue.messages.get(ref.sequence());
            if (m == null || m.receiveCount != ref.receiveCount()) {
                return null;
            }
            members.add(m);
        }
        List<StoredMessage> out = new ArrayList<>();
        for (InMemoryData.Message m : members) {
            m.visibleAt = request.visibleUntil();
            out.add(m.snapshot(attempt.at()));
        }
        return out;
    }

    @Override
    public VisibilityOutcome changeVisibility(
            QueueId id, MessageRef ref, Instant visibleAt, Instant now, boolean requireCurrent) {
        boolean[] earlier = {false};
        VisibilityOutcome outcome = locked(() -> {
            InMemoryData.Message m = queue(id).messages.get(ref.sequence());
            if (m == null) {
                return VisibilityOutcome.NOT_FOUND;
            }
            if (requireCurrent && !m.isCurrent(ref, now)) {
                return VisibilityOutcome.RECEIPT_EXPIRED;
            }
            earlier[0] = visibleAt.isBefore(m.visibleAt);
            m.visibleAt = visibleAt;
            forgetAttemptsOf(queue(id), ref.sequence());
            return VisibilityOutcome.CHANGED;
        });
        if (earlier[0]) {
            notifyAvailable(id);
        }
        return outcome;
    }

    @Override
    public DeleteOutcome delete(QueueId id, MessageRef ref, Instant now, boolean requireCurrent) {
        return locked(() -> {
            InMemoryData.Queue queue = queue(id);
            InMemoryData.Message m = queue.messages.get(ref.sequence());
            if (m == null) {
                return DeleteOutcome.NOT_FOUND;
            }
            if (requireCurrent && !m.isCurrent(ref, now)) {
                return DeleteOutcome.RECEIPT_EXPIRED;
            }
            queue.messages.remove(ref.sequence());
            forgetAttemptsOf(queue, ref.sequence());
            return DeleteOutcome.DELETED;
        });
    }

    /** A changed or deleted message ends every attempt it was part of (REFERENCE §7.3). */
    private static void forgetAttemptsOf(InMemoryData.Queue queue, long sequence) {
        queue.attempts.values().removeIf(a -> a.includes(sequence));
    }

    @Override
    public long purge(QueueId id) {
        return locked(() -> {
            InMemoryData.Queue queue = queue(id);
            long count = queue.messages.size();
            queue.messages.clear();
            queue.dedup.clear();
            queue.attempts.clear();
            return count;
        });
    }

    @Override
    public long expire(QueueId id, Instant sentBefore) {
        return locked(() -> {
            InMemoryData.Queue queue = queue(id);
            int before = queue.messages.size();
            queue.messages.values().removeIf(m -> m.message.sentAt().isBefore(sentBefore));
            return (long) before - queue.messages.size();
        });
    }

    @Override
    public QueueCounts counts(QueueId id, Instant now) {
        return locked(() -> {
            long visible = 0;
            long inFlight = 0;
            long delayed = 0;
            for (InMemoryData.Message m : queue(id).messages.values()) {
                if (!m.visibleAt.isAfter(now)) {
                    visible++;
                } else if (m.receiveCount > 0) {
                    inFlight++;
                } else {
                    delayed++;
                }
            }
            return new QueueCounts(visible, inFlight, delayed);
        });
    }

    @Override
    public Optional<Instant> nextVisibleAt(QueueId id, Instant now) {
        return locked(() -> queue(id).messages.values().stream()
                .map(m -> m.visibleAt)
                .filter(t -> t.isAfter(now))
                .min(Comparator.naturalOrder()));
    }

    @Override
    public List<StoredMessage> peek(QueueId id, long afterSequence, int max) {
        return locked(() -> queue(id).messages.tailMap(afterSequence, false).values().stream()
                .limit(max)
                .map(m -> m.snapshot(null))
                .toList());
    }

    @Override
    public void addListener(StoreListener listener) {
        listeners.add(listener);
    }

    @Override
    public Optional<byte[]> getSetting(String name) {
        return locked(() -> Optional.ofNullable(data.settings.get(name)).map(byte[]::clone));
    }

    @Override
    public void putSetting(String name, byte[] value) {
        locked(() -> {
            byte[] existing = data.settings.putIfAbsent(name, value.clone());
            if (existing != null && !Arrays.equals(existing, value)) {
                throw new IllegalStateException("setting " + name + " already has a different value");
            }
            return null;
        });
    }

    @Override
    public void close() {
        closed = true;
    }
}
