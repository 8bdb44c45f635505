package dev.sluice.store.log;

import dev.sluice.store.QueueCounts;
import dev.sluice.store.QueueRecord;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One queue's in-memory state: its definition and the index of its messages.
 *
 * <p>Structures: every message sits in {@link MessageTable} by sequence. A visible message of a standard queue is
 * in {@code ready}, a heap by sequence with lazy removal (an entry that left the READY state is skipped when it
 * surfaces; {@code inReadyHeap} keeps it from being pushed twice, and since its key never changes a skipped-over
 * entry that became ready again is already in place). Delayed and in-flight messages sit in {@code timed}, ordered
 * by visibility deadline, and move to ready when a call's {@code now} passes it ({@link #promote}). A FIFO queue
 * keeps its messages per group instead of in {@code ready}; a group whose first message is visible sits in
 * {@code available}, keyed by that message's sequence, so receives take the oldest groups first.
 *
 * <p>All mutable state is guarded by {@link #lock}; the record is volatile for lock-free reads.
 */
final class QueueIndex {
    final ReentrantLock lock = new ReentrantLock();
    volatile QueueRecord record;
    boolean deleted;
    long nextSequence = 1;
    /** The LSN of the last record that changed this queue's messages (a checkpoint's "applied up to"). */
    long lastLsn;
    /** The {@code lastLsn} the checkpoint this queue was loaded from recorded; replay skips records up to it. */
    long checkpointLsn;

    final MessageTable table = new MessageTable();
    private final PriorityQueue<MessageEntry> ready =
            new PriorityQueue<>(Comparator.comparingLong((MessageEntry e) -> e.sequence));
    private final TreeSet<MessageEntry> timed = new TreeSet<>(
            Comparator.comparingLong((MessageEntry e) -> e.visibleAt).thenComparingLong(e -> e.sequence));
    private final Map<String, MessageGroup> groups = new HashMap<>();
    private final TreeMap<Long, MessageGroup> available = new TreeMap<>();
    final DedupHistory dedup = new DedupHistory();
    final ReceiveAttempts attempts = new ReceiveAttempts();

    private long visibleCount;
    private long inFlightCount;
    private long delayedCount;

    QueueIndex(QueueRecord record) {
        this.record = record;
    }

    long incarnation() {
        return record.incarnation();
    }

    boolean fifo() {
        return record.fifo();
    }

    /** Adds a message; it is visible if its {@code visibleAt} is not after {@code now}. */
    void insert(MessageEntry e, long now) {
        table.add(e);
        if (e.sequence >= nextSequence) {
            nextSequence = e.sequence + 1;
        }
        if (fifo()) {
            MessageGroup g = groups.computeIfAbsent(groupKey(e), MessageGroup::new);
            g.messages.addLast(e);
        }
        place(e, stateFor(e, now));
    }

    MessageEntry find(long sequence) {
        return table.find(sequence);
    }

    /** Makes every delayed or in-flight message whose deadline is not after {@code now} visible. */
    void promote(long now) {
        while (!timed.isEmpty() && timed.first().visibleAt <= now) {
            MessageEntry e = timed.pollFirst();
            setState(e, MessageEntry.GONE);
            place(e, MessageEntry.READY);
        }
    }

    /** Records a delivery: in flight until {@code visibleUntil}. */
    void markClaimed(MessageEntry e, int receiveCount, long visibleUntil, long firstReceivedAt) {
        unplace(e);
        e.receiveCount = receiveCount;
        e.firstReceivedAt = firstReceivedAt;
        e.visibleAt = visibleUntil;
        e.visibilityChanged = false;
        place(e, MessageEntry.IN_FLIGHT);
    }

    void setVisibleAt(MessageEntry e, long visibleAt, long now) {
        unplace(e);
        e.visibleAt = visibleAt;
        place(e, stateFor(e, now));
    }

    void remove(MessageEntry e) {
        if (!table.remove(e)) {
            return;
        }
        unplace(e);
        if (fifo()) {
            MessageGroup g = groups.get(groupKey(e));
            if (g != null) {
                g.messages.removeFirstOccurrence(e);
                if (g.messages.isEmpty()) {
                    groups.remove(g.id);
                }
                refreshAvailability(g);
            }
        }
    }

    /** Removes every message and the deduplication history. */
    void clear() {
        table.forEach(e -> e.state = MessageEntry.GONE);
        table.clear();
        ready.clear();
        timed.clear();
        groups.clear();
        available.clear();
        dedup.clear();
        attempts.clear();
        visibleCount = 0;
        inFlightCount = 0;
        delayedCount = 0;
    }

    /** The next visible message of a standard queue in sequence order, taken off the ready heap; null if none. */
    MessageEntry pollReady() {
        MessageEntry e;
        while ((e = ready.poll()) != null) {
            e.inReadyHeap = false;
            if (e.state == MessageEntry.READY) {
                return e;
            }
        }
        return null;
    }

    /** The available FIFO group with the oldest first message after sequence {@code after}, or null. */
    MessageGroup nextAvailableGroup(long after) {
        Map.Entry<Long, MessageGroup> next = available.higherEntry(after);
        return next == null ? null : next.getValue();
    }

    QueueCounts counts() {
        return new QueueCounts(visibleCount, inFlightCount, delayedCount);
    }

    /** The earliest pending deadline, or -1; call {@link #promote} first. */
    long nextDeadline() {
        return timed.isEmpty() ? -1 : timed.first().visibleAt;
    }

    private static String groupKey(MessageEntry e) {
        String g = e.groupId();
        return g == null ? "" : g;
    }

    private static byte stateFor(MessageEntry e, long now) {
        if (e.visibleAt <= now) {
            return MessageEntry.READY;
        }
        return e.receiveCount > 0 ? MessageEntry.IN_FLIGHT : MessageEntry.DELAYED;
    }

    private void place(MessageEntry e, byte state) {
        setState(e, state);
        if (state == MessageEntry.READY) {
            if (fifo()) {
                MessageGroup g = groups.get(groupKey(e));
                if (g != null && g.messages.peekFirst() == e) {
                    refreshAvailability(g);
                }
            } else if (!e.inReadyHeap) {
                e.inReadyHeap = true;
                ready.add(e);
            }
        } else {
            timed.add(e);
            if (fifo()) {
                MessageGroup g = groups.get(groupKey(e));
                if (g != null && g.messages.peekFirst() == e) {
                    refreshAvailability(g);
                }
            }
        }
    }

    private void unplace(MessageEntry e) {
        if (e.state == MessageEntry.DELAYED || e.state == MessageEntry.IN_FLIGHT) {
            timed.remove(e);
        }
        setState(e, MessageEntry.GONE);
    }

    private void setState(MessageEntry e, byte state) {
        adjust(e.state, -1);
        e.state = state;
        adjust(state, 1);
    }

    private void adjust(byte state, int delta) {
        switch (state) {
            case MessageEntry.READY -> visibleCount += delta;
            case MessageEntry.IN_FLIGHT -> inFlightCount += delta;
            case MessageEntry.DELAYED -> delayedCount += delta;
            default -> {}
        }
    }

    /** Puts the group into, or takes it out of, the available map after its first message changed. */
    void refreshAvailability(MessageGroup g) {
        MessageEntry first = g.messages.peekFirst();
        boolean shouldBe = first != null && first.state == MessageEntry.READY && groups.get(g.id) == g;
        long key = shouldBe ? first.sequence : -1;
        if (g.availableKey != key) {
            if (g.availableKey != -1) {
                available.remove(g.availableKey);
            }
            if (key != -1) {
                available.put(key, g);
            }
            g.availableKey = key;
        }
    }
}
