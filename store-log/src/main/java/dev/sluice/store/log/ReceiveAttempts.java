package dev.sluice.store.log;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A FIFO queue's recent receives by {@code ReceiveRequestAttemptId} (REFERENCE §7.3): a retry with the same id within
 * five minutes gets the same messages and receipt handles, as long as none of them was deleted, received again or had
 * its visibility changed since. Kept in memory only: after a restart a retry is simply a new receive. Guarded by the
 * owning {@link QueueIndex}'s lock.
 */
final class ReceiveAttempts {
    static final long LIFETIME_MILLIS = 5 * 60 * 1000;

    /** What one attempt returned: the messages' sequences and receive counts, and the deadline it gave them. */
    record Attempt(long at, long[] sequences, int[] receiveCounts, long visibleUntil) {}

    private final LinkedHashMap<String, Attempt> attempts = new LinkedHashMap<>();

    /** The messages of attempt {@code id} if it is recent and all of them are still as it left them, else null. */
    List<MessageEntry> replay(String id, long now, QueueIndex queue) {
        prune(now);
        Attempt a = attempts.get(id);
        if (a == null) {
            return null;
        }
        MessageEntry[] entries = new MessageEntry[a.sequences().length];
        for (int i = 0; i < entries.length; i++) {
            MessageEntry e = queue.find(a.sequences()[i]);
            if (e == null || e.receiveCount != a.receiveCounts()[i] || e.visibleAt != a.visibleUntil()) {
                attempts.remove(id);
                return null;
            }
            entries[i] = e;
        }
        return List.of(entries);
    }

    void record(String id, long now, List<MessageEntry> claimed, long visibleUntil) {
        long[] sequences = new long[claimed.size()];
        int[] receiveCounts = new int[claimed.size()];
        for (int i = 0; i < sequences.length; i++) {
            sequences[i] = claimed.get(i).sequence;
            receiveCounts[i] = claimed.get(i).receiveCount;
        }
        attempts.remove(id);
        attempts.put(id, new Attempt(now, sequences, receiveCounts, visibleUntil));
    }

    /** Keeps attempt {@code id} (and its age) after a retry renewed its messages' deadline. */
    void renew(String id, long visibleUntil) {
        Attempt a = attempts.get(id);
        if (a != null) {
            attempts.put(id, new Attempt(a.at(), a.sequences(), a.receiveCounts(), visibleUntil));
        }
    }

    void clear() {
        attempts.clear();
    }

    private void prune(long now) {
        Iterator<Attempt> it = attempts.values().iterator();
        while (it.hasNext() && now - it.next().at() >= LIFETIME_MILLIS) {
            it.remove();
        }
    }
}
