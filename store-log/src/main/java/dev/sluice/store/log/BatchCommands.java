package dev.sluice.store.log;

import dev.sluice.store.DeleteOutcome;
import dev.sluice.store.MessageRef;
import dev.sluice.store.NewVisibility;
import dev.sluice.store.QueueId;
import dev.sluice.store.VisibilityOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The batch calls of {@link LogQueueStore} ({@code deleteAll}, {@code changeVisibilityAll}): the entries are decided
 * one after another in one hold of the queue's lock, exactly as the single calls of {@link MessageCommands} would
 * decide them in a row, and their changes go to the log as one record, so a batch waits for one write (and, for
 * deletes, one force) instead of one per entry.
 *
 * <p>Each op of the record is one entry's change; the record is atomic on disk, which is more than the contract's
 * per-entry atomicity asks. The writer's health is checked before the first change of the index, so a refused batch
 * changes nothing, and entries that change nothing (unknown or stale refs) need no record at all, as with the single
 * calls.
 */
final class BatchCommands {
    private final QueueCatalog catalog;
    private final LogWriter writer;
    private final Consumer<QueueId> notify;

    BatchCommands(QueueCatalog catalog, LogWriter writer, Consumer<QueueId> notify) {
        this.catalog = catalog;
        this.writer = writer;
        this.notify = notify;
    }

    List<DeleteOutcome> deleteAll(QueueId queue, List<MessageRef> refs, Instant now, boolean requireCurrent) {
        Deleted deleted = submitDeletes(queue, refs, now, requireCurrent);
        if (deleted.record() != null) {
            deleted.record().await();
        }
        return deleted.outcomes();
    }

    /** {@link #deleteAll} whose caller is answered from the writer's commit instead of parking until it. */
    CompletableFuture<List<DeleteOutcome>> deleteAllAsync(
            QueueId queue, List<MessageRef> refs, Instant now, boolean requireCurrent) {
        Deleted deleted;
        try {
            deleted = submitDeletes(queue, refs, now, requireCurrent);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (deleted.record() == null) {
            return CompletableFuture.completedFuture(deleted.outcomes());
        }
        return deleted.record().done.thenApply(forced -> deleted.outcomes());
    }

    /** The outcomes of a batch of deletes, decided under the queue lock, and its record (null when none deleted). */
    private record Deleted(List<DeleteOutcome> outcomes, PendingRecord record) {}

    private Deleted submitDeletes(QueueId queue, List<MessageRef> refs, Instant now, boolean requireCurrent) {
        QueueIndex q = catalog.require(queue);
        List<DeleteOutcome> outcomes = new ArrayList<>(refs.size());
        List<LogOp> ops = new ArrayList<>(refs.size());
        PendingRecord record = null;
        q.lock.lock();
        try {
            MessageCommands.checkLive(q, queue);
            long nowMillis = now.toEpochMilli();
            // one promotion serves every entry: they share now, and a change places its message by now itself
            q.promote(nowMillis);
            for (MessageRef ref : refs) {
                MessageEntry e = q.find(ref.sequence());
                if (e == null) {
                    outcomes.add(DeleteOutcome.NOT_FOUND);
                } else if (requireCurrent && !MessageCommands.isCurrent(e, ref, nowMillis)) {
                    outcomes.add(DeleteOutcome.RECEIPT_EXPIRED);
                } else {
                    if (ops.isEmpty()) {
                        writer.checkHealthy();
                    }
                    q.remove(e);
                    ops.add(new LogOp.Remove(q.incarnation(), e.sequence));
                    outcomes.add(DeleteOutcome.DELETED);
                }
            }
            if (!ops.isEmpty()) {
                record = writer.submit(ops, null, false);
                q.lastLsn = record.lsn;
            }
        } finally {
            q.lock.unlock();
        }
        return new Deleted(outcomes, record);
    }

    List<VisibilityOutcome> changeVisibilityAll(
            QueueId queue, List<NewVisibility> changes, Instant now, boolean requireCurrent) {
        QueueIndex q = catalog.require(queue);
        List<VisibilityOutcome> outcomes = new ArrayList<>(changes.size());
        List<LogOp> ops = new ArrayList<>(changes.size());
        PendingRecord record = null;
        boolean earlier = false;
        q.lock.lock();
        try {
            MessageCommands.checkLive(q, queue);
            long nowMillis = now.toEpochMilli();
            q.promote(nowMillis);
            for (NewVisibility change : changes) {
                MessageEntry e = q.find(change.ref().sequence());
                if (e == null) {
                    outcomes.add(VisibilityOutcome.NOT_FOUND);
                } else if (requireCurrent && !MessageCommands.isCurrent(e, change.ref(), nowMillis)) {
                    outcomes.add(VisibilityOutcome.RECEIPT_EXPIRED);
                } else {
                    if (ops.isEmpty()) {
                        writer.checkHealthy();
                    }
                    long deadline = change.visibleAt().toEpochMilli();
                    earlier |= deadline < e.visibleAt;
                    q.setVisibleAt(e, deadline, nowMillis);
                    e.visibilityChanged = true;
                    ops.add(new LogOp.Visibility(q.incarnation(), e.sequence, deadline));
                    outcomes.add(VisibilityOutcome.CHANGED);
                }
            }
            if (!ops.isEmpty()) {
                record = writer.submit(ops, null, true);
                q.lastLsn = record.lsn;
            }
        } finally {
            q.lock.unlock();
        }
        if (record != null) {
            record.await();
        }
        if (earlier) {
            notify.accept(queue);
        }
        return outcomes;
    }
}
