package dev.sluice.store.log;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.AppendResult;
import dev.sluice.store.ClaimRequest;
import dev.sluice.store.CreateOutcome;
import dev.sluice.store.DeleteOutcome;
import dev.sluice.store.MessageRef;
import dev.sluice.store.NewMessage;
import dev.sluice.store.NewVisibility;
import dev.sluice.store.QueueCounts;
import dev.sluice.store.QueueId;
import dev.sluice.store.QueueRecord;
import dev.sluice.store.QueueStore;
import dev.sluice.store.StoreException;
import dev.sluice.store.StoreListener;
import dev.sluice.store.StoredMessage;
import dev.sluice.store.VisibilityOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sluice's own durable embedded store: an append-only, checksummed, segmented log with group commit, and an
 * in-memory index per queue that holds message positions, not bodies.
 *
 * <h2>Design</h2>
 *
 * <p><b>Files.</b> {@code dataDir/log} holds the segments ({@link Segment}: header with magic, format version and
 * generation; CRC32C-framed records, see {@link RecordFrame}), the {@link Checkpoint}, preallocated spare files and
 * the {@code LOCK} file ({@link DataDirLock}: a second store on the folder is refused). A record is the ops
 * ({@link LogOp}) of one store call, so each call is atomic on disk (a batch of deletes or visibility changes is one
 * record, see {@link BatchCommands}).
 *
 * <p><b>Visibility.</b> Each message has one deadline, {@code visibleAt} (epoch millis): its send delay end, or the
 * end of its current in-flight time. A queue's {@link QueueIndex} keeps visible messages apart from delayed and
 * in-flight ones, the latter ordered by deadline; the engine's {@code now} is the only clock, and every call first
 * promotes the messages whose deadline it has passed. {@code nextVisibleAt} is the earliest remaining deadline. A
 * ref ({@code sequence}, {@code receiveCount}) is current while the message is in flight from that very receive.
 *
 * <p><b>FIFO groups.</b> A FIFO queue keeps its messages per group in sequence order. A group can deliver while its
 * first message is visible; a claim takes the oldest such groups and from each the run of visible messages at its
 * front, so a group never delivers past a message that is in flight. This is decided inside the queue lock, which
 * is what makes it atomic.
 *
 * <p><b>Deduplication.</b> A FIFO queue remembers accepted deduplication ids (scoped to the group when asked) with
 * their acceptance time, oldest first, pruned as they leave the window. The history is rebuilt from the log (each
 * send records whether and when its id was accepted) and the checkpoint, and cleared by purge, not by deletes.
 *
 * <p><b>Redrive.</b> Inside a claim, a message whose receive would exceed the redrive limit is moved to the
 * dead-letter queue instead: one self-contained {@code Move} op in the same record as the claim, so the move is
 * atomic on disk; the payload stays where it is and the dead-letter queue's index points at it. Retention is applied
 * in the same pass: a message sent before {@code retainedSince} is removed instead of delivered. The claim holds both
 * queues' locks.
 *
 * <p><b>Durability.</b> Each call's record is appended by the group-commit {@link LogWriter} (one thread, one write
 * and one force per group). Sends, deletes, purges, expiries, queue and setting changes return after the force;
 * claims and visibility changes after the write (a process crash keeps them; the next force makes them durable).
 * The index is changed before the record is submitted, under the same lock, so the log order of each queue's
 * records is the order of its changes. A call that fails on a disk error has the ambiguous outcome of a 5xx: its
 * record is kept and retried from the last forced position until the disk works, so memory and disk never disagree
 * and nothing forced is touched; meanwhile new changes are refused up front. {@link Maintenance} checkpoints the
 * state, deletes segments with no live payload and has {@link Compaction} move the few live payloads out of sparse
 * ones. Recovery ({@link LogRecovery}) loads the checkpoint and replays the log after it; a torn, corrupt or stale
 * tail is never replayed, and only damage is reported as such. A clean close cuts the head file where its log ends.
 *
 * <p><b>Concurrency and lock order.</b> {@link QueueCatalog#lock} (queue create, update and delete, settings,
 * checkpoints) before queue locks ({@link QueueIndex#lock}; several queue locks are taken in incarnation order: a
 * claim with redrive takes its two, a checkpoint's live count takes all), before the writer's lock (innermost, held
 * only to enqueue); the checkpoint lock of {@link Maintenance} comes before all of them. Nobody waits for the disk while
 * holding a lock: a call submits its record under its locks, releases them, then waits. Listeners are called after
 * the wait, with no lock held. {@code appendAsync} does not wait: its future completes on the writer thread right
 * after the force (the listeners are called there, then the caller's continuation), so a send costs no parked
 * request thread.
 */
public final class LogQueueStore implements QueueStore {
    private static final Logger log = LoggerFactory.getLogger(LogQueueStore.class);

    private final QueueCatalog catalog;
    private final SegmentRegistry segments;
    private final LogWriter writer;
    private final DataDirLock dirLock;
    private final Maintenance maintenance;
    private final MessageCommands messages;
    private final BatchCommands batches;
    private final CopyOnWriteArrayList<StoreListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private LogQueueStore(
            QueueCatalog catalog,
            SegmentRegistry segments,
            LogWriter writer,
            DataDirLock dirLock,
            Maintenance maintenance) {
        this.catalog = catalog;
        this.segments = segments;
        this.writer = writer;
        this.dirLock = dirLock;
        this.maintenance = maintenance;
        this.messages = new MessageCommands(catalog, segments, writer, this::notifyListeners);
        this.batches = new BatchCommands(catalog, writer, this::notifyListeners);
    }

    /**
     * Opens (creating if needed) the store in {@code dataDir}/log, recovering its state from the log.
     *
     * @throws StoreException if the folder is in use by another store, was written by a newer format, or cannot be
     *     read
     */
    public static LogQueueStore open(Path dataDir, LogStoreOptions options) {
        Path dir = dataDir.resolve("log");
        DataDirLock lock = null;
        SegmentRegistry segments = new SegmentRegistry();
        try {
            Files.createDirectories(dir);
            lock = DataDirLock.acquire(dir);
            QueueCatalog catalog = new QueueCatalog();
            LogRecovery.End end = new LogRecovery(options.io(), dir, segments, catalog).recover();
            long nextSpare = end.nextSpare();
            if (options.preallocate()
                    && segments.spareCount() == 0
                    && CommitLoad.NONE.wantsPreallocatedFiles(options.fsync())) {
                // the first open of a folder: give the head a preallocated file, later ones come from spares
                Path spare = Maintenance.spareFile(dir, nextSpare++);
                Segment.preallocate(options.io(), spare, options.segmentSize());
                segments.addSpare(spare);
            }
            Segment head =
                    Segment.create(options.io(), dir, end.lastSegmentId() + 1, end.nextLsn(), segments.takeSpare());
            segments.add(head);
            LogWriter writer = new LogWriter(dir, options, segments, head, end.nextLsn());
            Maintenance maintenance =
                    new Maintenance(dir, options, catalog, segments, writer, nextSpare, end.replayedBytes());
            LogQueueStore store = new LogQueueStore(catalog, segments, writer, lock, maintenance);
            writer.start(maintenance::rotated);
            maintenance.start();
            log.info(
                    "log store opened in {}: {} queues, next LSN {}",
                    dir,
                    catalog.queues().size(),
                    end.nextLsn());
            return store;
        } catch (IOException | RuntimeException e) {
            segments.close();
            if (lock != null) {
                lock.close();
            }
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("cannot open the log store in " + dir + ": " + e.getMessage(), e);
        }
    }

    // ---- queues ----

    @Override
    public CreateOutcome createQueue(QueueRecord proposed, Instant recreateAfter) {
        checkOpen();
        PendingRecord record;
        QueueRecord created;
        catalog.lock.lock();
        try {
            QueueIndex existing = catalog.find(proposed.id());
            if (existing != null) {
                return new CreateOutcome.Exists(existing.record);
            }
            Optional<Long> deletedAt = catalog.deletedAt(proposed.id());
            if (deletedAt.isPresent() && deletedAt.get() > recreateAfter.toEpochMilli()) {
                return new CreateOutcome.DeletedRecently();
            }
            writer.checkHealthy();
            created = new QueueRecord(
                    proposed.id(),
                    catalog.takeIncarnation(),
                    proposed.fifo(),
                    proposed.attributes(),
                    proposed.tags(),
                    proposed.dataKeyId(),
                    proposed.created(),
                    proposed.lastModified());
            catalog.applyPut(created);
            record = writer.submit(List.of(new LogOp.PutQueue(created)), null, false);
            catalog.lastLsn = record.lsn;
        } finally {
            catalog.lock.unlock();
        }
        record.await();
        return new CreateOutcome.Created(created);
    }

    @Override
    public Optional<QueueRecord> findQueue(QueueId id) {
        checkOpen();
        QueueIndex q = catalog.find(id);
        return q == null ? Optional.empty() : Optional.of(q.record);
    }

    @Override
    public List<QueueRecord> listQueues(String account, String namePrefix) {
        checkOpen();
        return catalog.records(Comparator.comparing((QueueRecord r) -> r.id().name())).stream()
                .filter(r -> r.id().account().equals(account) && r.id().name().startsWith(namePrefix))
                .toList();
    }

    @Override
    public List<QueueRecord> allQueues() {
        checkOpen();
        return catalog.records(
                Comparator.comparing((QueueRecord r) -> r.id().account()).thenComparing(r -> r.id().name()));
    }

    @Override
    public QueueRecord updateQueue(QueueId id, UnaryOperator<QueueRecord> change) {
        checkOpen();
        PendingRecord record;
        QueueRecord updated;
        catalog.lock.lock();
        try {
            QueueIndex q = catalog.require(id);
            QueueRecord current = q.record;
            QueueRecord proposed = change.apply(current);
            updated = new QueueRecord(
                    current.id(),
                    current.incarnation(),
                    current.fifo(),
                    proposed.attributes(),
                    proposed.tags(),
                    current.dataKeyId(),
                    current.created(),
                    proposed.lastModified());
            writer.checkHealthy();
            catalog.applyPut(updated);
            record = writer.submit(List.of(new LogOp.PutQueue(updated)), null, false);
            catalog.lastLsn = record.lsn;
        } finally {
            catalog.lock.unlock();
        }
        record.await();
        return updated;
    }

    @Override
    public boolean deleteQueue(QueueId id, Instant now) {
        checkOpen();
        PendingRecord record;
        catalog.lock.lock();
        try {
            QueueIndex q = catalog.find(id);
            if (q == null) {
                return false;
            }
            writer.checkHealthy();
            q.lock.lock();
            try {
                q.deleted = true;
                q.clear();
                catalog.applyDelete(id, q.incarnation(), now.toEpochMilli());
                record = writer.submit(
                        List.of(new LogOp.DeleteQueue(id, q.incarnation(), now.toEpochMilli())), null, false);
                catalog.lastLsn = record.lsn;
            } finally {
                q.lock.unlock();
            }
        } finally {
            catalog.lock.unlock();
        }
        record.await();
        return true;
    }

    // ---- messages ----

    @Override
    public List<AppendResult> append(QueueId queue, List<NewMessage> newMessages, AppendOptions options) {
        checkOpen();
        return messages.append(queue, newMessages, options);
    }

    @Override
    public CompletableFuture<List<AppendResult>> appendAsync(
            QueueId queue, List<NewMessage> newMessages, AppendOptions options) {
        if (closed) {
            return CompletableFuture.failedFuture(new StoreException("the store is closed"));
        }
        return messages.appendAsync(queue, newMessages, options);
    }

    /**
     * Queues, settings and the index are in memory, and an append or a delete only changes the index, encodes its
     * record and queues it for the writer; the queue lock it takes is held by others only for index work (a claim
     * also reads the claimed payloads under it, from the page cache as a rule).
     */
    @Override
    public boolean asyncWritesWithoutWaiting() {
        return true;
    }

    @Override
    public List<StoredMessage> claim(QueueId queue, ClaimRequest request) {
        checkOpen();
        return messages.claim(queue, request);
    }

    @Override
    public VisibilityOutcome changeVisibility(
            QueueId queue, MessageRef ref, Instant visibleAt, Instant now, boolean requireCurrent) {
        checkOpen();
        return messages.changeVisibility(queue, ref, visibleAt, now, requireCurrent);
    }

    @Override
    public DeleteOutcome delete(QueueId queue, MessageRef ref, Instant now, boolean requireCurrent) {
        checkOpen();
        return messages.delete(queue, ref, now, requireCurrent);
    }

    @Override
    public List<VisibilityOutcome> changeVisibilityAll(
            QueueId queue, List<NewVisibility> changes, Instant now, boolean requireCurrent) {
        checkOpen();
        return batches.changeVisibilityAll(queue, changes, now, requireCurrent);
    }

    @Override
    public List<DeleteOutcome> deleteAll(QueueId queue, List<MessageRef> refs, Instant now, boolean requireCurrent) {
        checkOpen();
        return batches.deleteAll(queue, refs, now, requireCurrent);
    }

    @Override
    public CompletableFuture<List<DeleteOutcome>> deleteAllAsync(
            QueueId queue, List<MessageRef> refs, Instant now, boolean requireCurrent) {
        if (closed) {
            return CompletableFuture.failedFuture(new StoreException("the store is closed"));
        }
        return batches.deleteAllAsync(queue, refs, now, requireCurrent);
    }

    @Override
    public long purge(QueueId queue) {
        checkOpen();
        return messages.purge(queue);
    }

    @Override
    public long expire(QueueId queue, Instant sentBefore) {
        checkOpen();
        return messages.expire(queue, sentBefore);
    }

    @Override
    public QueueCounts counts(QueueId queue, Instant now) {
        checkOpen();
        return messages.counts(queue, now);
    }

    @Override
    public Optional<Instant> nextVisibleAt(QueueId queue, Instant now) {
        checkOpen();
        return messages.nextVisibleAt(queue, now);
    }

    @Override
    public List<StoredMessage> peek(QueueId queue, long afterSequence, int max) {
        checkOpen();
        return messages.peek(queue, afterSequence, max);
    }

    // ---- other ----

    @Override
    public void addListener(StoreListener listener) {
        listeners.add(listener);
    }

    private void notifyListeners(QueueId queue) {
        for (StoreListener listener : listeners) {
            try {
                listener.messagesAvailable(queue);
            } catch (RuntimeException e) {
                log.warn("a store listener failed for {}", queue, e);
            }
        }
    }

    @Override
    public Optional<byte[]> getSetting(String name) {
        checkOpen();
        return catalog.setting(name);
    }

    @Override
    public void putSetting(String name, byte[] value) {
        checkOpen();
        PendingRecord record;
        catalog.lock.lock();
        try {
            if (catalog.sameSetting(name, value)) {
                return;
            }
            if (catalog.hasSetting(name)) {
                throw new StoreException("setting " + name + " already has a different value");
            }
            writer.checkHealthy();
            catalog.applySetting(name, value);
            record = writer.submit(List.of(new LogOp.PutSetting(name, value.clone())), null, false);
            catalog.lastLsn = record.lsn;
        } finally {
            catalog.lock.unlock();
        }
        record.await();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        maintenance.close();
        try {
            maintenance.checkpoint();
        } catch (IOException | RuntimeException e) {
            log.warn("no checkpoint at close (recovery will replay the log): {}", e.toString());
        }
        writer.close();
        writer.trimHead();
        segments.close();
        dirLock.close();
        log.info("log store closed");
    }

    /**
     * Stops without the clean shutdown's checkpoint, leaving the files as a killed process would (tests use it to
     * simulate a crash; what was written stays in the page cache, as after a process kill).
     */
    void abandon() {
        if (closed) {
            return;
        }
        closed = true;
        maintenance.close();
        writer.close();
        segments.close();
        dirLock.close();
    }

    /**
     * Runs {@code action} while the store renames and deletes none of its files (no checkpoint, segment release or
     * spare creation runs meanwhile); tests copy the data folder this way to simulate a crash.
     */
    void withMaintenancePaused(Runnable action) {
        maintenance.paused(action);
    }

    /** Takes a checkpoint now and releases or compacts old segments (normally done in the background). */
    void checkpoint() {
        checkOpen();
        try {
            maintenance.checkpoint();
        } catch (IOException e) {
            throw new StoreException("checkpoint failed: " + e.getMessage(), e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException("the store is closed");
        }
    }
}
