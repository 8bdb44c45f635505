package dev.sluice.store.log;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A FIFO queue's accepted deduplication ids, oldest first, pruned as they leave the window. Guarded by the owning
 * {@link QueueIndex}'s lock.
 */
final class DedupHistory {
    /** One accepted id: the message it produced and when it was accepted (epoch millis). */
    record Accepted(String messageId, long sequence, long acceptedAt) {}

    private final LinkedHashMap<String, Accepted> accepted = new LinkedHashMap<>();

    static String key(String groupId, String deduplicationId, boolean perMessageGroup) {
        return perMessageGroup ? groupId + '\u0000' + deduplicationId : deduplicationId;
    }

    /** The message accepted under {@code key} within {@code windowMillis} before {@code now}, or null. */
    Accepted find(String key, long now, long windowMillis) {
        Accepted a = accepted.get(key);
        return a != null && now - a.acceptedAt() < windowMillis ? a : null;
    }

    void put(String key, Accepted a) {
        accepted.remove(key);
        accepted.put(key, a);
    }

    /** Drops ids accepted at or before {@code cutoff} from the old end (the map is in acceptance order). */
    void prune(long cutoff) {
        Iterator<Accepted> it = accepted.values().iterator();
        while (it.hasNext() && it.next().acceptedAt() <= cutoff) {
            it.remove();
        }
    }

    void clear() {
        accepted.clear();
    }

    Map<String, Accepted> entries() {
        return accepted;
    }
}
