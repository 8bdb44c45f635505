package dev.sluice.store.log;

/**
 * Applies decoded ops to the catalog and indexes during recovery, with no locks (nothing else runs yet).
 *
 * <p>After a checkpoint, an op is skipped when the state it touches already reflects it: catalog ops up to the
 * catalog's {@code checkpointLsn}, a queue's message ops up to that queue's {@code checkpointLsn} (the checkpoint
 * snapshots each queue at its own moment). Ops that name a queue or message that no longer exists are skipped too: the queue was
 * deleted later in the log.
 */
final class LogReplay {
    private static final long NO_NOW = Long.MIN_VALUE;

    private final QueueCatalog catalog;

    LogReplay(QueueCatalog catalog) {
        this.catalog = catalog;
    }

    /** Applies one op of record {@code lsn}, whose body starts at {@code bodyPosition} in segment {@code segmentId}. */
    void apply(LogOp op, long lsn, long segmentId, long bodyPosition) {
        switch (op) {
            case LogOp.PutQueue p -> {
                if (catalogOp(lsn)) {
                    catalog.applyPut(p.queue());
                }
            }
            case LogOp.DeleteQueue d -> {
                if (catalogOp(lsn)) {
                    catalog.applyDelete(d.id(), d.incarnation(), d.deletedAt());
                }
            }
            case LogOp.PutSetting s -> {
                if (catalogOp(lsn)) {
                    catalog.applySetting(s.name(), s.value());
                }
            }
            case LogOp.Send s -> send(s, lsn, segmentId, bodyPosition);
            case LogOp.Claim c -> {
                QueueIndex q = queue(c.queue(), lsn);
                MessageEntry e = q == null ? null : q.find(c.sequence());
                if (e != null) {
                    q.markClaimed(e, c.receiveCount(), c.visibleAt(), c.firstReceivedAt());
                }
            }
            case LogOp.Visibility v -> {
                QueueIndex q = queue(v.queue(), lsn);
                MessageEntry e = q == null ? null : q.find(v.sequence());
                if (e != null) {
                    q.setVisibleAt(e, v.visibleAt(), NO_NOW);
                }
            }
            case LogOp.Remove r -> {
                QueueIndex q = queue(r.queue(), lsn);
                MessageEntry e = q == null ? null : q.find(r.sequence());
                if (e != null) {
                    q.remove(e);
                }
            }
            case LogOp.Purge p -> {
                QueueIndex q = queue(p.queue(), lsn);
                if (q != null) {
                    q.clear();
                }
            }
            case LogOp.Move m -> move(m, lsn, segmentId, bodyPosition);
            case LogOp.Relocate r -> {
                QueueIndex q = queue(r.queue(), lsn);
                MessageEntry e = q == null ? null : q.find(r.sequence());
                if (e != null) {
                    e.setLocation(segmentId, bodyPosition + r.payloadOffset(), r.payloadLength());
                    e.pendingPayload = null;
                }
            }
        }
    }

    private boolean catalogOp(long lsn) {
        if (lsn <= catalog.checkpointLsn) {
            return false;
        }
        catalog.lastLsn = lsn;
        return true;
    }

    /** The queue if it exists and does not reflect record {@code lsn} yet; marks it as reflecting it. */
    private QueueIndex queue(long incarnation, long lsn) {
        QueueIndex q = catalog.byIncarnation(incarnation);
        if (q == null || lsn <= q.checkpointLsn) {
            return null;
        }
        q.lastLsn = lsn;
        return q;
    }

    private void send(LogOp.Send s, long lsn, long segmentId, long bodyPosition) {
        QueueIndex q = queue(s.queue(), lsn);
        if (q == null || s.sequence() < q.nextSequence) {
            return;
        }
        MessageEntry e = new MessageEntry(
                s.sequence(),
                s.messageId(),
                s.sentAt(),
                s.visibleAt(),
                s.receiveCount(),
                s.firstReceivedAt(),
                s.groupId(),
                s.deduplicationId(),
                s.deadLetterSourceArn());
        e.setLocation(segmentId, bodyPosition + s.payloadOffset(), s.payloadLength());
        q.insert(e, s.sentAt());
        if (s.dedupAt() >= 0) {
            q.dedup.put(
                    DedupHistory.key(s.groupId(), s.deduplicationId(), s.dedupPerGroup()),
                    new DedupHistory.Accepted(s.messageId(), s.sequence(), s.dedupAt()));
        }
    }

    private void move(LogOp.Move m, long lsn, long segmentId, long bodyPosition) {
        QueueIndex from = queue(m.queue(), lsn);
        MessageEntry old = from == null ? null : from.find(m.sequence());
        if (old != null) {
            from.remove(old);
        }
        QueueIndex to = queue(m.toQueue(), lsn);
        if (to == null || m.toSequence() < to.nextSequence) {
            return;
        }
        MessageEntry e = new MessageEntry(
                m.toSequence(),
                m.messageId(),
                m.sentAt(),
                m.visibleAt(),
                m.receiveCount(),
                m.firstReceivedAt(),
                m.groupId(),
                m.deduplicationId(),
                m.sourceArn());
        if (m.payloadOffset() >= 0) {
            e.setLocation(segmentId, bodyPosition + m.payloadOffset(), m.length());
        } else {
            // where the payload was when the move happened; still there, since only a checkpoint taken after this
            // record deletes segments, and then this record is not replayed
            e.setLocation(m.segment(), m.offset(), m.length());
        }
        to.insert(e, m.visibleAt());
    }
}
