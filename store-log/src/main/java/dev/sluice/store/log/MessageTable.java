package dev.sluice.store.log;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A queue's messages in sequence order: two parallel arrays (entry and sequence) with holes where messages were
 * removed, compacted when the holes outnumber the messages. New messages always get the highest sequence, so adding
 * is appending; lookup by sequence is a binary search. About 12 bytes per message, no per-message node.
 *
 * <p>Guarded by the owning {@link QueueIndex}'s lock.
 */
final class MessageTable {
    private MessageEntry[] entries = new MessageEntry[16];
    private long[] sequences = new long[16];
    private int head;
    private int tail;
    private int size;

    int size() {
        return size;
    }

    void add(MessageEntry entry) {
        if (tail > head && sequences[tail - 1] >= entry.sequence) {
            throw new IllegalStateException("sequence " + entry.sequence + " is not after " + sequences[tail - 1]);
        }
        if (tail == entries.length) {
            compact(size * 2 + 16 > entries.length ? entries.length * 2 : entries.length);
        }
        entries[tail] = entry;
        sequences[tail] = entry.sequence;
        tail++;
        size++;
    }

    MessageEntry find(long sequence) {
        int i = Arrays.binarySearch(sequences, head, tail, sequence);
        return i >= 0 ? entries[i] : null;
    }

    boolean remove(MessageEntry entry) {
        int i = Arrays.binarySearch(sequences, head, tail, entry.sequence);
        if (i < 0 || entries[i] != entry) {
            return false;
        }
        entries[i] = null;
        size--;
        while (head < tail && entries[head] == null) {
            head++;
        }
        if (head == tail) {
            head = 0;
            tail = 0;
        } else if (tail - head > 64 && size * 2 < tail - head) {
            compact(entries.length);
        }
        return true;
    }

    void clear() {
        entries = new MessageEntry[16];
        sequences = new long[16];
        head = 0;
        tail = 0;
        size = 0;
    }

    /** Calls {@code action} for each message with a sequence greater than {@code after}, in order, until false. */
    void forEachAfter(long after, EntryVisitor action) {
        int i = Arrays.binarySearch(sequences, head, tail, after);
        i = i >= 0 ? i + 1 : -i - 1;
        for (; i < tail; i++) {
            MessageEntry e = entries[i];
            if (e != null && !action.visit(e)) {
                return;
            }
        }
    }

    /** Calls {@code action} for every message; the action must not add or remove messages. */
    void forEach(Consumer<MessageEntry> action) {
        for (int i = head; i < tail; i++) {
            if (entries[i] != null) {
                action.accept(entries[i]);
            }
        }
    }

    private void compact(int capacity) {
        MessageEntry[] newEntries = new MessageEntry[Math.max(16, capacity)];
        long[] newSequences = new long[newEntries.length];
        int n = 0;
        for (int i = head; i < tail; i++) {
            if (entries[i] != null) {
                newEntries[n] = entries[i];
                newSequences[n] = sequences[i];
                n++;
            }
        }
        entries = newEntries;
        sequences = newSequences;
        head = 0;
        tail = n;
    }

    /** Visits one entry; returns false to stop. */
    @FunctionalInterface
    interface EntryVisitor {
        boolean visit(MessageEntry entry);
    }
}
