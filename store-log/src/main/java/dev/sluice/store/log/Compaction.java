package dev.sluice.store.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the live payloads out of sparse segments to the head of the log, so the next checkpoint can delete those
 * segments.
 *
 * <p>Per queue, in small batches under the queue's lock: the payload is read from its old place and set as the
 * entry's pending payload (so a dead-letter move meanwhile carries it inline instead of pointing at the old place),
 * and one record of {@link LogOp.Relocate} ops is submitted; the writer points the entries at their new copies.
 * The old copies stay valid until the next checkpoint, which is the only thing that deletes segments.
 */
final class Compaction {
    private static final Logger log = LoggerFactory.getLogger(Compaction.class);
    private static final int BATCH_MESSAGES = 256;
    private static final long BATCH_BYTES = 4 << 20;

    private final QueueCatalog catalog;
    private final SegmentRegistry segments;
    private final LogWriter writer;

    Compaction(QueueCatalog catalog, SegmentRegistry segments, LogWriter writer) {
        this.catalog = catalog;
        this.segments = segments;
        this.writer = writer;
    }

    /** Relocates every message whose payload lies in one of {@code sparse}; returns how many it moved. */
    long relocate(Set<Long> sparse) {
        long moved = 0;
        for (QueueIndex q : catalog.queues()) {
            long after = Long.MIN_VALUE;
            while (true) {
                PendingRecord record;
                List<MessageEntry> batch = new ArrayList<>();
                q.lock.lock();
                try {
                    if (q.deleted) {
                        break;
                    }
                    long[] bytes = {0};
                    q.table.forEachAfter(after, e -> {
                        if (e.pendingPayload == null && sparse.contains((long) e.segment())) {
                            batch.add(e);
                            bytes[0] += e.payloadLength;
                        }
                        return batch.size() < BATCH_MESSAGES && bytes[0] < BATCH_BYTES;
                    });
                    if (batch.isEmpty()) {
                        break;
                    }
                    writer.checkHealthy();
                    List<LogOp> ops = new ArrayList<>(batch.size());
                    for (MessageEntry e : batch) {
                        byte[] payload = segments.readPayload(e);
                        e.pendingPayload = payload;
                        ops.add(new LogOp.Relocate(q.incarnation(), e.sequence, payload, 0, payload.length));
                    }
                    record = writer.submit(ops, batch.toArray(new MessageEntry[0]), false);
                    q.lastLsn = record.lsn;
                    after = batch.getLast().sequence;
                } finally {
                    q.lock.unlock();
                }
                record.await();
                moved += batch.size();
            }
        }
        log.debug("compaction moved {} live messages out of segments {}", moved, sparse);
        return moved;
    }
}
