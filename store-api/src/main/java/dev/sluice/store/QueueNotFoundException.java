package dev.sluice.store;

/** The queue a message operation named does not exist (for example it was deleted concurrently). */
public class QueueNotFoundException extends RuntimeException {
    private final QueueId queue;

    public QueueNotFoundException(QueueId queue) {
        super("no such queue: " + queue);
        this.queue = queue;
    }

    public QueueId queue() {
        return queue;
    }
}
