package dev.sluice.store.log;

import dev.sluice.store.ClaimRequest;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A FIFO queue's recent receives by {@code ReceiveRequestAttemptId} (REFERENCE §7.3, {@link ClaimRequest}): a retry
 * with the same id within five minutes gets the same deliveries, with the original receive time (so the engine
 * rebuilds the same receipt handles), as long as none of them was removed, received again or had its visibility
 * changed since. Kept in memory only: after a restart a retry is simply a new receive. Guarded by the owning {@link
 * QueueIndex}'s lock.
 */
final class ReceiveAttempts {
    static final long LIFETIME_MILLIS = ClaimRequest.ATTEMPT_WINDOW.toMillis();

    /** What one attempt returned: the messages' sequences and receive counts, and when it was made. */
    private record Attempt(long at, long[] sequences, int[] receiveCounts) {}

    /** The deliveries an attempt repeats, and the receive time they keep. */
    record Repeat(long receivedAt, List<MessageEntry> entries) {}

    private final LinkedHashMap<String, Attempt> attempts = new LinkedHashMap<>();

    /**
     * The deliveries of attempt {@code id} if it is recent and every one of them is still as it left it (not removed
     * or expired by retention, not received again, no visibility change since), else null.
     */
    Repeat replay(String id, long now, long retainedSince, QueueIndex queue) {
        prune(now);
        Attempt a = attempts.get(id);
        if (a == null) {
            return null;
        }
        if (now - a.at() >= LIFETIME_MILLIS) {
            // older than the window but not pruned yet (claims may reach the lock slightly out of time order)
            attempts.remove(id);
            return null;
        }
        MessageEntry[] entries = new MessageEntry[a.sequences().length];
        for (int i = 0; i < entries.length; i++) {
            MessageEntry e = queue.find(a.sequences()[i]);
            if (e == null
                    || e.receiveCount != a.receiveCounts()[i]
                    || e.visibilityChanged
                    || e.sentAt < retainedSince) {
                attempts.remove(id);
                return null;
            }
            entries[i] = e;
        }
        return new Repeat(a.at(), List.of(entries));
    }

    void record(String id, long now, List<MessageEntry> claimed) {
        long[] sequences = new long[claimed.size()];
        int[] receiveCounts = new int[claimed.size()];
        for (int i = 0; i < sequences.length; i++) {
            sequences[i] = claimed.get(i).sequence;
            receiveCounts[i] = claimed.get(i).receiveCount;
        }
        attempts.remove(id);
        attempts.put(id, new Attempt(now, sequences, receiveCounts));
    }

    void clear() {
        attempts.clear();
    }

    /** Drops attempts older than the window; they sit in insertion order, which is the order of their times. */
    private void prune(long now) {
        Iterator<Attempt> it = attempts.values().iterator();
        while (it.hasNext() && now - it.next().at() >= LIFETIME_MILLIS) {
            it.remove();
        }
    }
}
