package dev.sluice.store.log;

import dev.sluice.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's background work, on one thread: checkpoints, deletion of segments nothing lives in any more,
 * compaction of mostly-dead ones, and preallocation of a spare segment file before the writer needs it (when that
 * pays, see {@link CommitLoad}).
 *
 * <p>A checkpoint: the writer starts a new head segment S; the state is snapshotted (each queue under its lock, with
 * the catalog lock held so no queue comes or goes) and written; from then on recovery starts at S, so a segment
 * before S is needed only for the payloads still pointing into it: those the checkpoint points at, and those the
 * index points at, counted with every queue lock held at once (a dead-letter move between two queues' snapshots would
 * otherwise hide a message from the count). Once every change so counted is forced, a segment with none is deleted
 * or kept as a spare, one with few has them copied to the head ({@link Compaction}), after which the next checkpoint
 * deletes it.
 *
 * <p>When a checkpoint is due is {@link CheckpointCadence}'s decision: after the configured interval of log, and
 * after several times the checkpoint's own size, so a large backlog is not rewritten over and over. It is asked when
 * the writer finishes a segment; counting the messages it needs takes each queue lock briefly, on this thread.
 */
final class Maintenance implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Maintenance.class);
    private static final int MAX_SPARES = 2;

    private final Path dir;
    private final LogStoreOptions options;
    private final QueueCatalog catalog;
    private final SegmentRegistry segments;
    private final LogWriter writer;
    private final Compaction compaction;
    private final AtomicLong spareCounter;
    private final Thread thread;

    private final ReentrantLock checkpointLock = new ReentrantLock();
    /** Guards {@code cadence}, {@code spareNeeded} and {@code closing}; held only briefly, never while taking others. */
    private final ReentrantLock lock = new ReentrantLock();

    private final Condition wake = lock.newCondition();
    private final CheckpointCadence cadence;
    private boolean spareNeeded;
    private boolean closing;
    private long lsnAtReclaimCheck = -1; // only the maintenance thread uses it

    Maintenance(
            Path dir,
            LogStoreOptions options,
            QueueCatalog catalog,
            SegmentRegistry segments,
            LogWriter writer,
            long spareCounter,
            long loggedSinceCheckpoint) {
        this.dir = dir;
        this.options = options;
        this.catalog = catalog;
        this.segments = segments;
        this.writer = writer;
        this.compaction = new Compaction(catalog, segments, writer);
        this.spareCounter = new AtomicLong(spareCounter);
        this.cadence = new CheckpointCadence(options.checkpointInterval(), loggedSinceCheckpoint);
        this.thread =
                Thread.ofPlatform().name("sluice-log-maintenance").daemon().unstarted(this::run);
    }

    void start() {
        lock.lock();
        try {
            spareNeeded = spareWanted(CommitLoad.NONE);
        } finally {
            lock.unlock();
        }
        thread.start();
    }

    static Path spareFile(Path dir, long n) {
        return dir.resolve(String.format("%020d.spare", n));
    }

    /**
     * Called on the writer thread when it moved on from {@code full} to a new head segment; a spare is zero-filled
     * only when the last one is gone and the writer's forces served few records each ({@link CommitLoad}).
     */
    void rotated(Segment full, CommitLoad load) {
        long size;
        try {
            size = full.size();
        } catch (IOException e) {
            size = options.segmentSize();
        }
        lock.lock();
        try {
            cadence.logged(size);
            spareNeeded = spareWanted(load);
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    /** A spare is zero-filled when none is left and the writer's load says it pays ({@link CommitLoad}). */
    private boolean spareWanted(CommitLoad load) {
        return options.preallocate() && segments.spareCount() == 0 && load.wantsPreallocatedFiles(options.fsync());
    }

    private void run() {
        while (true) {
            boolean spare;
            boolean askCadence;
            boolean reclaimCheck = false;
            lock.lock();
            try {
                while (!closing && !spareNeeded && !cadence.worthAsking()) {
                    if (!wake.await(options.reclaimCheck().toNanos(), TimeUnit.NANOSECONDS)) {
                        reclaimCheck = true; // quiet for a while: see whether dead segments wait for a checkpoint
                        break;
                    }
                }
                if (closing) {
                    return;
                }
                spare = spareNeeded;
                spareNeeded = false;
                askCadence = cadence.worthAsking();
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            try {
                if (spare) {
                    makeSpare();
                }
                if (askCadence && checkpointDue()) {
                    checkpoint();
                } else if (reclaimCheck && loggedSinceReclaimCheck() && hasDeadSegment()) {
                    // No compaction here: it would move live payloads into the head, which the next quiet check
                    // would find sparse again, and so on. Compaction waits for a checkpoint that traffic brings.
                    checkpoint(false);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("log maintenance failed; will retry: {}", e.toString());
                lock.lock();
                try {
                    wake.await(options.retryDelay().toMillis() * 5, TimeUnit.MILLISECONDS);
                } catch (InterruptedException x) {
                    return;
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** Asks the cadence, with the number of messages the store holds now. */
    private boolean checkpointDue() {
        long messages = 0;
        for (QueueIndex q : catalog.queues()) {
            q.lock.lock();
            try {
                messages += q.table.size();
            } finally {
                q.lock.unlock();
            }
        }
        lock.lock();
        try {
            return cadence.due(messages);
        } finally {
            lock.unlock();
        }
    }

    private void makeSpare() throws IOException {
        checkpointLock.lock();
        try {
            Path spare = spareFile(dir, spareCounter.getAndIncrement());
            Segment.preallocate(options.io(), spare, options.segmentSize());
            segments.addSpare(spare);
        } finally {
            checkpointLock.unlock();
        }
    }

    /** Runs {@code action} while no checkpoint, segment release or spare creation is in progress. */
    void paused(Runnable action) {
        checkpointLock.lock();
        try {
            action.run();
        } finally {
            checkpointLock.unlock();
        }
    }

    /**
     * Whether anything was logged since the last quiet check, so that an idle store with a large backlog does not
     * hold its queue locks for a pass over the index every {@link LogStoreOptions#reclaimCheck()} forever (the
     * checkpoint a check takes logs a record, so the check after it runs once more and finds nothing).
     */
    private boolean loggedSinceReclaimCheck() {
        long lsn = writer.nextLsn();
        boolean logged = lsn != lsnAtReclaimCheck;
        lsnAtReclaimCheck = lsn;
        return logged;
    }

    /**
     * Whether a segment before the head holds no live payload any more, so that a checkpoint would delete it. Without
     * this, a drained backlog followed by no traffic would keep its dead segments until more log is written. Costs
     * one pass over the index with every queue lock held, so it runs only when the store has been quiet for {@link
     * LogStoreOptions#reclaimCheck()}.
     */
    private boolean hasDeadSegment() {
        List<Segment> all = new ArrayList<>(segments.all());
        if (all.size() < 2) {
            return false;
        }
        long head = all.stream().mapToLong(Segment::id).max().orElseThrow();
        Map<Long, Long> live = liveBytes();
        return all.stream().anyMatch(s -> s.id() < head && live.getOrDefault(s.id(), 0L) == 0);
    }

    /** Takes a checkpoint, deletes segments nothing needs, and compacts sparse ones. */
    void checkpoint() throws IOException {
        checkpoint(true);
    }

    private void checkpoint(boolean compact) throws IOException {
        checkpointLock.lock();
        try {
            long counted;
            lock.lock();
            try {
                counted = cadence.logged();
            } finally {
                lock.unlock();
            }
            Segment head = writer.rotate().join();
            Checkpoint.Start start = new Checkpoint.Start(head.id(), head.firstLsn());
            Map<Long, Long> live;
            Checkpoint.Written written;
            catalog.lock.lock();
            try {
                written = Checkpoint.write(options.io(), dir, catalog, start);
                live = liveBytes();
                // A payload the checkpoint points at stays even if the index has moved on since (a message whose
                // payload was in flight to a second copy when its queue was snapshotted).
                written.referenced().forEach((segment, bytes) -> live.merge(segment, bytes, Math::max));
            } finally {
                catalog.lock.unlock();
            }
            // The count reflects changes whose records may not be forced yet (a delete, say); once an empty record
            // submitted after them is forced, they are, so a crash cannot bring back a message whose payload the
            // release below deletes.
            writer.submit(List.of(), null, false).await();
            lock.lock();
            try {
                cadence.taken(counted, written.size(), written.messages());
            } finally {
                lock.unlock();
            }
            Set<Long> sparse = release(start, live);
            if (compact && !sparse.isEmpty()) {
                compaction.relocate(sparse);
            }
        } catch (CompletionException e) {
            throw new StoreException("checkpoint failed: " + e.getCause(), e.getCause());
        } finally {
            checkpointLock.unlock();
        }
    }

    /** Live payload bytes per segment, counted with every queue lock held (in incarnation order). */
    private Map<Long, Long> liveBytes() {
        List<QueueIndex> queues = new ArrayList<>(catalog.queues());
        queues.sort(Comparator.comparingLong(QueueIndex::incarnation));
        SegmentTally live = new SegmentTally();
        int locked = 0;
        try {
            for (QueueIndex q : queues) {
                q.lock.lock();
                locked++;
            }
            for (QueueIndex q : queues) {
                q.table.forEach(e -> {
                    if (e.pendingPayload == null) {
                        live.add(e.segment(), e.payloadLength);
                    }
                });
            }
        } finally {
            for (int i = 0; i < locked; i++) {
                queues.get(i).lock.unlock();
            }
        }
        return live.totals();
    }

    /** Deletes (or keeps as spares) the segments before {@code start} with nothing live; returns the sparse ones. */
    private Set<Long> release(Checkpoint.Start start, Map<Long, Long> live) throws IOException {
        Set<Long> sparse = new HashSet<>();
        for (Segment segment : segments.all()) {
            if (segment.id() >= start.segment()) {
                continue;
            }
            long bytes = live.getOrDefault(segment.id(), 0L);
            long size = Math.max(options.segmentSize(), segment.size());
            if (bytes == 0) {
                segments.remove(segment.id());
                if (options.preallocate() && segments.spareCount() < MAX_SPARES) {
                    Path spare = spareFile(dir, spareCounter.getAndIncrement());
                    Files.move(segment.path(), spare);
                    segments.addSpare(spare);
                } else {
                    Files.delete(segment.path());
                }
                log.debug("released segment {}", segment.path());
            } else if (bytes < options.compactionThreshold() * size) {
                sparse.add(segment.id());
            }
        }
        return sparse;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closing = true;
            wake.signal();
        } finally {
            lock.unlock();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
