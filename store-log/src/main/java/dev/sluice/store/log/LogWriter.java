package dev.sluice.store.log;

import dev.sluice.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The group-commit writer: one thread drains every pending record, writes them in LSN order with one positional
 * write, forces once, then completes their futures.
 *
 * <p>Failure: if a write, force or rotation fails, every record not yet forced fails its caller with a
 * {@link StoreException}, and the store refuses new changes ({@link #checkHealthy}) until a retry succeeds. The
 * failed records are kept and written again from the last forced position (never before it, so nothing
 * acknowledged is touched); the in-memory index already holds their changes, so rewriting them keeps disk and memory
 * in agreement, and their callers, who saw an error, get the usual at-least-once ambiguity of a 5xx. A failed force
 * is answered by rewriting the whole unforced range, since the kernel may have dropped the dirty pages.
 *
 * <p>Locking: {@code lock} guards {@code pending}, {@code nextLsn} and {@code closing}; it is the innermost lock of
 * the store (callers hold a queue lock while submitting, so LSN order matches each queue's order of changes). All
 * other fields belong to the writer thread.
 */
final class LogWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LogWriter.class);
    private static final int BUFFER_SIZE = 4 << 20;

    private final Path dir;
    private final LogStoreOptions options;
    private final SegmentRegistry segments;
    private final Thread thread;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private List<PendingRecord> pending = new ArrayList<>();
    private long nextLsn;
    private boolean closing;
    private List<CompletableFuture<Segment>> rotationWaiters = new ArrayList<>();

    private volatile StoreException failure;

    // writer thread only
    private final List<PendingRecord> unforced = new ArrayList<>();
    private Segment head;
    private long headPosition;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
    private long headRecords; // written to the head since it became the head, for its CommitLoad
    private long headForces;
    private SegmentListener listener = (full, load) -> {};

    /**
     * Told when the writer moves on from {@code full} to a new head segment (on the writer thread), with how its
     * forces were shared while it wrote {@code full}.
     */
    @FunctionalInterface
    interface SegmentListener {
        void rotated(Segment full, CommitLoad load);
    }

    LogWriter(Path dir, LogStoreOptions options, SegmentRegistry segments, Segment head, long nextLsn) {
        this.dir = dir;
        this.options = options;
        this.segments = segments;
        this.head = head;
        this.headPosition = Segment.HEADER_SIZE;
        this.nextLsn = nextLsn;
        this.thread = Thread.ofPlatform().name("sluice-log-writer").daemon().unstarted(this::run);
    }

    void start(SegmentListener segmentListener) {
        this.listener = segmentListener;
        thread.start();
    }

    /** Throws the current disk failure, or a closed-store error, so a change is refused before it is applied. */
    void checkHealthy() {
        StoreException f = failure;
        if (f != null) {
            throw new StoreException("the log cannot be written: " + f.getMessage(), f);
        }
        if (closing) {
            throw new StoreException("the store is closed");
        }
    }

    /** Queues a record; the caller then waits with {@link PendingRecord#await} (after releasing its locks). */
    PendingRecord submit(List<LogOp> ops, MessageEntry[] payloadEntries, boolean writeAck) {
        RecordEncoder encoder = new RecordEncoder(LogOpCodec.estimateSize(ops));
        int[] offsets = LogOpCodec.encode(ops, encoder);
        if (encoder.size() > RecordFrame.MAX_BODY) {
            throw new StoreException("record too large: " + encoder.size() + " bytes");
        }
        PendingRecord record = new PendingRecord(encoder.array(), encoder.size(), offsets, payloadEntries, writeAck);
        lock.lock();
        try {
            if (closing) {
                throw new StoreException("the store is closed");
            }
            record.lsn = nextLsn++;
            pending.add(record);
            wake.signal();
        } finally {
            lock.unlock();
        }
        return record;
    }

    /**
     * Asks the writer to start a new segment (unless the head is still empty) before writing anything submitted
     * after this call; completes with the new head, which holds every record from its first LSN on.
     */
    CompletableFuture<Segment> rotate() {
        CompletableFuture<Segment> done = new CompletableFuture<>();
        lock.lock();
        try {
            if (closing) {
                done.completeExceptionally(new StoreException("the store is closed"));
                return done;
            }
            rotationWaiters.add(done);
            wake.signal();
        } finally {
            lock.unlock();
        }
        return done;
    }

    private void run() {
        while (true) {
            List<PendingRecord> batch;
            List<CompletableFuture<Segment>> rotations;
            lock.lock();
            try {
                while (pending.isEmpty()
                        && !closing
                        && rotationWaiters.isEmpty()
                        && (failure == null || unforced.isEmpty())) {
                    wake.await();
                }
                if (failure != null && pending.isEmpty() && !closing) {
                    wake.await(options.retryDelay().toNanos(), TimeUnit.NANOSECONDS);
                }
                if (closing && pending.isEmpty() && (unforced.isEmpty() || failure != null)) {
                    return;
                }
                batch = pending;
                pending = new ArrayList<>();
                rotations = rotationWaiters;
                rotationWaiters = new ArrayList<>();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            unforced.addAll(batch);
            attempt(rotations);
        }
    }

    private void attempt(List<CompletableFuture<Segment>> rotations) {
        try {
            if (!rotations.isEmpty() && failure != null) {
                // The unforced records may partly be in the head already; writing them again anywhere but at
                // the same place would leave two copies of their LSNs in the log. Rotate once the disk works.
                throw new IOException("cannot start a new segment while earlier records are not forced");
            }
            if (!rotations.isEmpty()) {
                if (headPosition > Segment.HEADER_SIZE) {
                    rotate(unforced.isEmpty() ? lsnAfterUnforced() : unforced.getFirst().lsn);
                }
                for (CompletableFuture<Segment> r : rotations) {
                    r.complete(head);
                }
                rotations = List.of();
            }
            while (!unforced.isEmpty()) {
                PendingRecord first = unforced.getFirst();
                if (headPosition > Segment.HEADER_SIZE && headPosition + first.frameSize() > options.segmentSize()) {
                    rotate(first.lsn);
                    continue;
                }
                int to = 1;
                long end = headPosition + first.frameSize();
                while (to < unforced.size() && end + unforced.get(to).frameSize() <= options.segmentSize()) {
                    end += unforced.get(to).frameSize();
                    to++;
                }
                writeChunk(to);
                unforced.subList(0, to).clear();
            }
            if (failure != null) {
                log.info("log writes succeed again; the store accepts changes");
                failure = null;
            }
        } catch (IOException | RuntimeException e) {
            StoreException f = new StoreException("log write failed: " + e, e);
            if (failure == null) {
                log.error("log write failed; refusing changes until the disk works again", e);
            }
            failure = f;
            for (PendingRecord record : unforced) {
                record.done.completeExceptionally(f);
            }
            for (CompletableFuture<Segment> r : rotations) {
                r.completeExceptionally(f);
            }
        }
    }

    /** The LSN the next record will get; it moves whenever anything is logged. */
    long nextLsn() {
        lock.lock();
        try {
            return nextLsn;
        } finally {
            lock.unlock();
        }
    }

    private long lsnAfterUnforced() {
        lock.lock();
        try {
            return pending.isEmpty() ? nextLsn : pending.getFirst().lsn;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes the first {@code to} unforced records from the head position (through a buffer of at most a few MiB,
     * so a burst does not grow it to a whole segment), forces once, then completes them.
     */
    private void writeChunk(int to) throws IOException {
        long position = headPosition;
        int generation = (int) head.id();
        buffer.clear();
        for (int i = 0; i < to; i++) {
            PendingRecord r = unforced.get(i);
            if (buffer.position() > 0 && buffer.remaining() < r.frameSize()) {
                position = flush(position);
            }
            if (buffer.capacity() < r.frameSize()) {
                buffer = ByteBuffer.allocateDirect(r.frameSize());
            }
            RecordFrame.write(buffer, generation, r.lsn, r.body, r.bodyLength);
        }
        flush(position);
        position = headPosition;
        for (int i = 0; i < to; i++) {
            PendingRecord r = unforced.get(i);
            publishPayloads(r, position + RecordFrame.HEADER_SIZE);
            position += r.frameSize();
            if (r.writeAck) {
                acknowledge(r);
            }
        }
        if (options.fsync()) {
            head.force();
            headRecords += to;
            headForces++;
        }
        headPosition = position;
        for (int i = 0; i < to; i++) {
            acknowledge(unforced.get(i));
        }
        if (buffer.capacity() > BUFFER_SIZE) {
            buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
        }
    }

    /**
     * Completes a record's future. Callers of {@code appendAsync} chain their answer to it, so it runs their code on
     * this thread; a failure there is theirs, and must not be taken for a failure of the disk.
     */
    private static void acknowledge(PendingRecord record) {
        try {
            record.done.complete(null);
        } catch (RuntimeException e) {
            log.error("a caller's continuation failed after its record was written", e);
        }
    }

    /** Writes the buffer's content at {@code position}; returns the position after it. */
    private long flush(long position) throws IOException {
        buffer.flip();
        int length = buffer.remaining();
        head.write(buffer, position);
        buffer.clear();
        return position + length;
    }

    private void publishPayloads(PendingRecord r, long bodyPosition) {
        if (r.payloadEntries == null) {
            return;
        }
        for (int i = 0; i < r.payloadOffsets.length; i++) {
            MessageEntry entry = r.payloadEntries[i];
            if (entry != null && r.payloadOffsets[i] >= 0) {
                entry.setLocation(head.id(), bodyPosition + r.payloadOffsets[i], entry.payloadLength);
                entry.pendingPayload = null;
            }
        }
    }

    private void rotate(long firstLsn) throws IOException {
        Segment full = head;
        Segment next = Segment.create(options.io(), dir, full.id() + 1, firstLsn, segments.takeSpare());
        syncDirectory();
        segments.add(next);
        head = next;
        headPosition = Segment.HEADER_SIZE;
        CommitLoad load = new CommitLoad(headRecords, headForces);
        headRecords = 0;
        headForces = 0;
        listener.rotated(full, load);
    }

    private void syncDirectory() throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    /**
     * After {@link #close}, cuts the head file right after its last record when everything was written and forced,
     * so the file ends where the log does: the next open then finds the end of the file there instead of the zeros or
     * stale bytes of a preallocated or recycled file, which it could tell from damage only by reading the rest of the
     * file (see {@link LogRecovery}). Only for a clean shutdown; a crash leaves the file as it is.
     */
    void trimHead() {
        if (thread.isAlive() || failure != null || !unforced.isEmpty()) {
            return;
        }
        try {
            head.truncate(headPosition);
            head.force();
        } catch (IOException e) {
            // harmless: recovery tells the end of the log from damage without it, only more slowly
            log.debug("could not trim the head segment {}: {}", head.path(), e.toString());
        }
    }

    /** Writes and forces what is pending, then stops the thread. */
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
        StoreException closed = new StoreException("the store is closed");
        for (PendingRecord record : pending) {
            record.done.completeExceptionally(closed);
        }
        for (CompletableFuture<Segment> r : rotationWaiters) {
            r.completeExceptionally(closed);
        }
    }
}
