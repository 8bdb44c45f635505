package dev.sluice.store.log;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.AppendResult;
import dev.sluice.store.ClaimRequest;
import dev.sluice.store.DeleteOutcome;
import dev.sluice.store.MessageRef;
import dev.sluice.store.NewMessage;
import dev.sluice.store.QueueCounts;
import dev.sluice.store.QueueId;
import dev.sluice.store.QueueNotFoundException;
import dev.sluice.store.StoredMessage;
import dev.sluice.store.VisibilityOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The message calls of {@link LogQueueStore}: each decides under its queue's lock, changes the index, submits one
 * record, and waits for it after unlocking (see the store's design comment).
 */
final class MessageCommands {
    static final long NEVER = Long.MIN_VALUE;

    private final QueueCatalog catalog;
    private final SegmentRegistry segments;
    private final LogWriter writer;
    private final Consumer<QueueId> notify;

    MessageCommands(QueueCatalog catalog, SegmentRegistry segments, LogWriter writer, Consumer<QueueId> notify) {
        this.catalog = catalog;
        this.segments = segments;
        this.writer = writer;
        this.notify = notify;
    }

    List<AppendResult> append(QueueId queue, List<NewMessage> newMessages, AppendOptions options) {
        Appended appended = submitAppend(queue, newMessages, options);
        if (appended.record() != null) {
            appended.record().await();
            notify.accept(queue);
        }
        return appended.results();
    }

    /** {@link #append} whose caller is answered from the writer's commit instead of parking until it. */
    CompletableFuture<List<AppendResult>> appendAsync(
            QueueId queue, List<NewMessage> newMessages, AppendOptions options) {
        Appended appended;
        try {
            appended = submitAppend(queue, newMessages, options);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (appended.record() == null) {
            return CompletableFuture.completedFuture(appended.results());
        }
        return appended.record().done.thenApply(forced -> {
            notify.accept(queue);
            return appended.results();
        });
    }

    /** The results of an append, decided under the queue lock, and its record (null when nothing new was stored). */
    private record Appended(List<AppendResult> results, PendingRecord record) {}

    private Appended submitAppend(QueueId queue, List<NewMessage> newMessages, AppendOptions options) {
        QueueIndex q = catalog.require(queue);
        List<AppendResult> results = new ArrayList<>(newMessages.size());
        List<LogOp> ops = new ArrayList<>(newMessages.size());
        List<MessageEntry> entries = new ArrayList<>(newMessages.size());
        PendingRecord record = null;
        q.lock.lock();
        try {
            checkLive(q, queue);
            writer.checkHealthy();
            long now = options.now().toEpochMilli();
            long window = options.deduplicationWindow().toMillis();
            boolean fifo = q.fifo();
            if (fifo) {
                q.dedup.prune(now - window);
            }
            for (NewMessage m : newMessages) {
                String dedupKey = null;
                if (fifo && m.deduplicationId() != null) {
                    dedupKey = DedupHistory.key(m.groupId(), m.deduplicationId(), options.perMessageGroup());
                    DedupHistory.Accepted original = q.dedup.find(dedupKey, now, window);
                    if (original != null) {
                        results.add(new AppendResult(original.messageId(), original.sequence(), true));
                        continue;
                    }
                }
                long sequence = q.nextSequence;
                MessageEntry e = new MessageEntry(
                        sequence,
                        m.messageId(),
                        m.sentAt().toEpochMilli(),
                        m.visibleAt().toEpochMilli(),
                        0,
                        NEVER,
                        m.groupId(),
                        m.deduplicationId(),
                        m.deadLetterSourceArn());
                e.payloadLength = m.payload().length;
                e.pendingPayload = m.payload();
                long dedupAt = dedupKey == null ? -1 : now;
                if (dedupKey != null) {
                    q.dedup.put(dedupKey, new DedupHistory.Accepted(m.messageId(), sequence, now));
                }
                q.insert(e, now);
                ops.add(new LogOp.Send(
                        q.incarnation(),
                        sequence,
                        m.messageId(),
                        e.sentAt,
                        e.visibleAt,
                        0,
                        NEVER,
                        m.groupId(),
                        m.deduplicationId(),
                        m.deadLetterSourceArn(),
                        dedupAt,
                        options.perMessageGroup(),
                        m.payload(),
                        0,
                        m.payload().length));
                entries.add(e);
                results.add(new AppendResult(m.messageId(), sequence, false));
            }
            if (!ops.isEmpty()) {
                record = writer.submit(ops, entries.toArray(new MessageEntry[0]), false);
                q.lastLsn = record.lsn;
            }
        } finally {
            q.lock.unlock();
        }
        return new Appended(results, record);
    }

    List<StoredMessage> claim(QueueId queue, ClaimRequest request) {
        QueueIndex q = catalog.require(queue);
        QueueIndex dlq = request.redrive() == null
                ? null
                : catalog.find(request.redrive().deadLetterQueue());
        if (dlq == q) {
            dlq = null;
        }
        QueueIndex first = dlq == null || q.incarnation() < dlq.incarnation() ? q : dlq;
        QueueIndex second = first == q ? dlq : q;
        List<StoredMessage> results = new ArrayList<>();
        boolean moved = false;
        PendingRecord record = null;
        first.lock.lock();
        try {
            if (second != null) {
                second.lock.lock();
            }
            try {
                checkLive(q, queue);
                writer.checkHealthy();
                Claim claim = new Claim(q, dlq == null || dlq.deleted ? null : dlq, request);
                claim.run();
                Instant receivedAt = Instant.ofEpochMilli(claim.receivedAt);
                for (MessageEntry e : claim.claimed) {
                    results.add(toStored(e, receivedAt));
                }
                moved = claim.moved;
                if (!claim.ops.isEmpty()) {
                    record = writer.submit(claim.ops, claim.payloadEntries.toArray(new MessageEntry[0]), true);
                    q.lastLsn = record.lsn;
                    if (claim.moved) {
                        dlq.lastLsn = record.lsn;
                    }
                }
            } finally {
                if (second != null) {
                    second.lock.unlock();
                }
            }
        } finally {
            first.lock.unlock();
        }
        if (record != null) {
            record.await();
        }
        if (moved) {
            notify.accept(request.redrive().deadLetterQueue());
        }
        return results;
    }

    VisibilityOutcome changeVisibility(
            QueueId queue, MessageRef ref, Instant visibleAt, Instant now, boolean requireCurrent) {
        QueueIndex q = catalog.require(queue);
        PendingRecord record;
        boolean earlier;
        q.lock.lock();
        try {
            checkLive(q, queue);
            long nowMillis = now.toEpochMilli();
            q.promote(nowMillis);
            MessageEntry e = q.find(ref.sequence());
            if (e == null) {
                return VisibilityOutcome.NOT_FOUND;
            }
            if (requireCurrent && !isCurrent(e, ref, nowMillis)) {
                return VisibilityOutcome.RECEIPT_EXPIRED;
            }
            writer.checkHealthy();
            long deadline = visibleAt.toEpochMilli();
            earlier = deadline < e.visibleAt;
            q.setVisibleAt(e, deadline, nowMillis);
            e.visibilityChanged = true;
            record = writer.submit(List.of(new LogOp.Visibility(q.incarnation(), e.sequence, deadline)), null, true);
            q.lastLsn = record.lsn;
        } finally {
            q.lock.unlock();
        }
        record.await();
        if (earlier) {
            notify.accept(queue);
        }
        return VisibilityOutcome.CHANGED;
    }

    DeleteOutcome delete(QueueId queue, MessageRef ref, Instant now, boolean requireCurrent) {
        QueueIndex q = catalog.require(queue);
        PendingRecord record;
        q.lock.lock();
        try {
            checkLive(q, queue);
            long nowMillis = now.toEpochMilli();
            q.promote(nowMillis);
            MessageEntry e = q.find(ref.sequence());
            if (e == null) {
                return DeleteOutcome.NOT_FOUND;
            }
            if (requireCurrent && !isCurrent(e, ref, nowMillis)) {
                return DeleteOutcome.RECEIPT_EXPIRED;
            }
            writer.checkHealthy();
            q.remove(e);
            record = writer.submit(List.of(new LogOp.Remove(q.incarnation(), e.sequence)), null, false);
            q.lastLsn = record.lsn;
        } finally {
            q.lock.unlock();
        }
        record.await();
        return DeleteOutcome.DELETED;
    }

    long purge(QueueId queue) {
        QueueIndex q = catalog.require(queue);
        PendingRecord record;
        long count;
        q.lock.lock();
        try {
            checkLive(q, queue);
            writer.checkHealthy();
            count = q.table.size();
            q.clear();
            record = writer.submit(List.of(new LogOp.Purge(q.incarnation())), null, false);
            q.lastLsn = record.lsn;
        } finally {
            q.lock.unlock();
        }
        record.await();
        return count;
    }

    long expire(QueueId queue, Instant sentBefore) {
        QueueIndex q = catalog.require(queue);
        PendingRecord record;
        List<LogOp> ops = new ArrayList<>();
        q.lock.lock();
        try {
            checkLive(q, queue);
            long cutoff = sentBefore.toEpochMilli();
            List<MessageEntry> expired = new ArrayList<>();
            q.table.forEach(e -> {
                if (e.sentAt < cutoff) {
                    expired.add(e);
                }
            });
            if (expired.isEmpty()) {
                return 0;
            }
            writer.checkHealthy();
            for (MessageEntry e : expired) {
                q.remove(e);
                ops.add(new LogOp.Remove(q.incarnation(), e.sequence));
            }
            record = writer.submit(ops, null, false);
            q.lastLsn = record.lsn;
        } finally {
            q.lock.unlock();
        }
        record.await();
        return ops.size();
    }

    QueueCounts counts(QueueId queue, Instant now) {
        QueueIndex q = catalog.require(queue);
        q.lock.lock();
        try {
            checkLive(q, queue);
            q.promote(now.toEpochMilli());
            return q.counts();
        } finally {
            q.lock.unlock();
        }
    }

    Optional<Instant> nextVisibleAt(QueueId queue, Instant now) {
        QueueIndex q = catalog.require(queue);
        q.lock.lock();
        try {
            checkLive(q, queue);
            q.promote(now.toEpochMilli());
            long next = q.nextDeadline();
            return next == -1 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(next));
        } finally {
            q.lock.unlock();
        }
    }

    List<StoredMessage> peek(QueueId queue, long afterSequence, int max) {
        QueueIndex q = catalog.require(queue);
        List<StoredMessage> results = new ArrayList<>();
        if (max <= 0) {
            return results;
        }
        q.lock.lock();
        try {
            checkLive(q, queue);
            q.table.forEachAfter(afterSequence, e -> {
                results.add(toStored(e, null));
                return results.size() < max;
            });
        } finally {
            q.lock.unlock();
        }
        return results;
    }

    /** The message is in flight from exactly the delivery {@code ref} names. */
    static boolean isCurrent(MessageEntry e, MessageRef ref, long now) {
        return e.state == MessageEntry.IN_FLIGHT && e.receiveCount == ref.receiveCount() && e.visibleAt > now;
    }

    static void checkLive(QueueIndex q, QueueId id) {
        if (q.deleted) {
            throw new QueueNotFoundException(id);
        }
    }

    /** The message as a claim that received it at {@code receivedAt} returns it, or as peek does ({@code null}). */
    StoredMessage toStored(MessageEntry e, Instant receivedAt) {
        return new StoredMessage(
                e.sequence,
                e.messageId(),
                segments.readPayload(e),
                Instant.ofEpochMilli(e.sentAt),
                Instant.ofEpochMilli(e.visibleAt),
                e.receiveCount,
                receivedAt,
                e.firstReceivedAt == NEVER ? null : Instant.ofEpochMilli(e.firstReceivedAt),
                e.groupId(),
                e.deduplicationId(),
                e.deadLetterSourceArn());
    }
}
