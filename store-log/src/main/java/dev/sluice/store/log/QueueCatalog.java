package dev.sluice.store.log;

import dev.sluice.store.QueueId;
import dev.sluice.store.QueueNotFoundException;
import dev.sluice.store.QueueRecord;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The store's queues (by id and by incarnation), the tombstones of deleted queues, the settings and the incarnation
 * counter. The maps are concurrent for lock-free lookups; every change happens under {@link #lock}, which the store
 * takes before any queue lock.
 */
final class QueueCatalog {
    final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentHashMap<QueueId, QueueIndex> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, QueueIndex> byIncarnation = new ConcurrentHashMap<>();
    private final Map<QueueId, Long> deletedAt = new HashMap<>();
    private final ConcurrentHashMap<String, byte[]> settings = new ConcurrentHashMap<>();
    private long nextIncarnation = 1;
    /** The LSN of the last record that changed the catalog; guarded by {@link #lock}. */
    long lastLsn;
    /** The {@code lastLsn} of the checkpoint loaded at open; replay skips catalog records up to it. */
    long checkpointLsn;

    QueueIndex find(QueueId id) {
        return byId.get(id);
    }

    QueueIndex require(QueueId id) {
        QueueIndex q = byId.get(id);
        if (q == null) {
            throw new QueueNotFoundException(id);
        }
        return q;
    }

    QueueIndex byIncarnation(long incarnation) {
        return byIncarnation.get(incarnation);
    }

    List<QueueIndex> queues() {
        return List.copyOf(byId.values());
    }

    List<QueueRecord> records(Comparator<QueueRecord> order) {
        return byId.values().stream().map(q -> q.record).sorted(order).toList();
    }

    Optional<Long> deletedAt(QueueId id) {
        return Optional.ofNullable(deletedAt.get(id));
    }

    Map<QueueId, Long> tombstones() {
        return Map.copyOf(deletedAt);
    }

    long takeIncarnation() {
        return nextIncarnation++;
    }

    long nextIncarnation() {
        return nextIncarnation;
    }

    void advanceIncarnation(long atLeast) {
        nextIncarnation = Math.max(nextIncarnation, atLeast);
    }

    /** Creates the queue, or replaces the definition of the same incarnation. */
    QueueIndex applyPut(QueueRecord record) {
        advanceIncarnation(record.incarnation() + 1);
        QueueIndex q = byIncarnation.get(record.incarnation());
        if (q != null) {
            q.record = record;
            return q;
        }
        QueueIndex old = byId.get(record.id());
        if (old != null) {
            byIncarnation.remove(old.incarnation());
        }
        q = new QueueIndex(record);
        byId.put(record.id(), q);
        byIncarnation.put(record.incarnation(), q);
        deletedAt.remove(record.id());
        return q;
    }

    /** Forgets the queue of that incarnation (if still present) and remembers when its name was deleted. */
    void applyDelete(QueueId id, long incarnation, long at) {
        advanceIncarnation(incarnation + 1);
        QueueIndex q = byIncarnation.remove(incarnation);
        if (q != null) {
            byId.remove(id, q);
        }
        deletedAt.put(id, at);
    }

    void restoreTombstone(QueueId id, long at) {
        deletedAt.put(id, at);
    }

    Optional<byte[]> setting(String name) {
        byte[] v = settings.get(name);
        return v == null ? Optional.empty() : Optional.of(v.clone());
    }

    boolean sameSetting(String name, byte[] value) {
        byte[] v = settings.get(name);
        return v != null && Arrays.equals(v, value);
    }

    boolean hasSetting(String name) {
        return settings.containsKey(name);
    }

    void applySetting(String name, byte[] value) {
        settings.put(name, value.clone());
    }

    Map<String, byte[]> settings() {
        return Map.copyOf(settings);
    }
}
