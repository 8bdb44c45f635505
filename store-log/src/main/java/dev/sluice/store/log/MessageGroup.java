package dev.sluice.store.log;

import java.util.ArrayDeque;

/**
 * A FIFO message group's messages in sequence order. The group is available to a receive while its first message
 * is visible; {@code availableKey} is the sequence under which it sits in its queue's available-groups map (-1 when
 * it is not there). Guarded by the owning {@link QueueIndex}'s lock.
 */
final class MessageGroup {
    final String id;
    final ArrayDeque<MessageEntry> messages = new ArrayDeque<>();
    long availableKey = -1;

    MessageGroup(String id) {
        this.id = id;
    }
}
