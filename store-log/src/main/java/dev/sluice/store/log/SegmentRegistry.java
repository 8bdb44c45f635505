package dev.sluice.store.log;

import dev.sluice.store.StoreException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;

/** The open segments, by id, for reading payloads, and the spare files kept for recycling. */
final class SegmentRegistry implements AutoCloseable {
    private final ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
    private final ReentrantLock spareLock = new ReentrantLock();
    private final ArrayDeque<Path> spares = new ArrayDeque<>();

    void add(Segment segment) {
        segments.put(segment.id(), segment);
    }

    Segment get(long id) {
        Segment segment = segments.get(id);
        if (segment == null) {
            throw new StoreException("segment " + id + " is gone");
        }
        return segment;
    }

    List<Segment> all() {
        List<Segment> list = new ArrayList<>(segments.values());
        list.sort(Comparator.comparingLong(Segment::id));
        return list;
    }

    /** Forgets the segment and closes it; the caller deletes or recycles its file. */
    Segment remove(long id) {
        Segment segment = segments.remove(id);
        if (segment != null) {
            segment.close();
        }
        return segment;
    }

    byte[] readPayload(MessageEntry entry) {
        byte[] pending = entry.pendingPayload;
        if (pending != null) {
            return pending;
        }
        return get(entry.segment()).readPayload(entry.offset(), entry.payloadLength);
    }

    void addSpare(Path file) {
        spareLock.lock();
        try {
            spares.add(file);
        } finally {
            spareLock.unlock();
        }
    }

    int spareCount() {
        spareLock.lock();
        try {
            return spares.size();
        } finally {
            spareLock.unlock();
        }
    }

    Path takeSpare() {
        spareLock.lock();
        try {
            return spares.poll();
        } finally {
            spareLock.unlock();
        }
    }

    @Override
    public void close() {
        segments.values().forEach(Segment::close);
        segments.clear();
    }
}
