package dev.sluice.store.log;

/**
 * Applies decoded ops to the catalog and indexes during recovery, with no locks (nothing else runs yet).
 *
 * <p>Ops that name a queue or message that no longer exists are skipped: the queue was deleted later in the log, or
 * the op is older than the state a checkpoint restored.
 */
final class LogReplay {
    private static final long NO_NOW = Long.MIN_VALUE;

    private final QueueCatalog catalog;

    LogReplay(QueueCatalog catalog) {
        this.catalog = catalog;
    }

    /** Applies one op of the record whose body starts at {@code bodyPosition} in segment {@code segmentId}. */
    void apply(LogOp op, long segmentId, long bodyPosition) {
        switch (op) {
            case LogOp.PutQueue p -> catalog.applyPut(p.queue());
            case LogOp.DeleteQueue d -> catalog.applyDelete(d.id(), d.incarnation(), d.deletedAt());
            case LogOp.PutSetting s -> catalog.applySetting(s.name(), s.value());
            case LogOp.Send s -> send(s, segmentId, bodyPosition);
            case LogOp.Claim c -> {
                QueueIndex q = catalog.byIncarnation(c.queue());
                MessageEntry e = q == null ? null : q.find(c.sequence());
                if (e != null) {
                    q.markClaimed(e, c.receiveCount(), c.visibleAt(), c.firstReceivedAt());
                }
            }
            case LogOp.Visibility v -> {
                QueueIndex q = catalog.byIncarnation(v.queue());
                MessageEntry e = q == null ? null : q.find(v.sequence());
                if (e != null) {
                    q.setVisibleAt(e, v.visibleAt(), NO_NOW);
                }
            }
            case LogOp.Remove r -> {
                QueueIndex q = catalog.byIncarnation(r.queue());
                MessageEntry e = q == null ? null : q.find(r.sequence());
                if (e != null) {
                    q.remove(e);
                }
            }
            case LogOp.Purge p -> {
                QueueIndex q = catalog.byIncarnation(p.queue());
                if (q != null) {
                    q.clear();
                }
            }
            case LogOp.Move m -> move(m);
            case LogOp.Relocate r -> {
                QueueIndex q = catalog.byIncarnation(r.queue());
                MessageEntry e = q == null ? null : q.find(r.sequence());
                if (e != null) {
                    e.setLocation(segmentId, bodyPosition + r.payloadOffset(), r.payloadLength());
                    e.pendingPayload = null;
                }
            }
        }
    }

    private void send(LogOp.Send s, long segmentId, long bodyPosition) {
        QueueIndex q = catalog.byIncarnation(s.queue());
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

    private void move(LogOp.Move m) {
        QueueIndex from = catalog.byIncarnation(m.queue());
        MessageEntry e = from == null ? null : from.find(m.sequence());
        if (e == null) {
            return;
        }
        from.remove(e);
        QueueIndex to = catalog.byIncarnation(m.toQueue());
        if (to == null || m.toSequence() < to.nextSequence) {
            return;
        }
        e.sequence = m.toSequence();
        e.visibleAt = m.visibleAt();
        e.setDeadLetterSourceArn(m.sourceArn());
        to.insert(e, m.visibleAt());
    }
}
