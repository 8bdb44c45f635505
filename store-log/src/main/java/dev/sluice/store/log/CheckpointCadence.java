package dev.sluice.store.log;

/**
 * Decides when the next checkpoint is due: once the log written since the last one reaches
 * {@code max(checkpointInterval, SIZE_FACTOR x the size the next checkpoint is expected to have)}.
 *
 * <p>The trade-off. A checkpoint rewrites the whole index (about 65 bytes per message, more with group or
 * deduplication ids), so with a backlog of N messages its cost grows with N, not with the traffic since the last one.
 * Waiting for {@code SIZE_FACTOR} times its size keeps the bytes spent on checkpoints at most about
 * {@code 1/SIZE_FACTOR} of the bytes logged (12.5% for 8). With the earlier factor of 2 it was up to half: a steady
 * send load with a growing backlog spent a sixth of its CPU samples rewriting it. The price is a longer replay after
 * a crash and more dead log on disk until the next checkpoint releases it: both are bounded by
 * {@code max(checkpointInterval, SIZE_FACTOR x the checkpoint size of the backlog at that time)} plus one segment.
 * That is linear in the backlog, as loading the checkpoint is. For 1,000,000 messages of 1 KiB: a 65 MB checkpoint,
 * and at most about 520 MB of log (some 460,000 sends) to replay and to keep beside the live segments, about 40% of
 * the backlog's own 1.2 GB. (Measured: a checkpoint of 400,000 such messages plus a replay of 319,000 reopened in
 * 0.6 s, so that case stays near 1.5 s.) With tiny bodies a send logs less, so the same bytes of replay hold more
 * records: still a bounded multiple of the backlog.
 *
 * <p>The expected size is the last checkpoint's size scaled by the number of messages now against then, so a backlog
 * that drains is checkpointed (and its dead segments released) after {@code checkpointInterval}, not after eight
 * times the size of the large checkpoint it had. A store just opened knows no size yet, so its first checkpoint is
 * due after the interval (counting the log replayed at open).
 *
 * <p>Not thread-safe: {@link Maintenance} guards it with its lock.
 */
final class CheckpointCadence {
    /** How many times its own size of log a checkpoint waits for. */
    static final int SIZE_FACTOR = 8;

    private final long interval;
    private long logged;
    private long lastSize;
    private long lastMessages;
    /** {@code logged} when {@link #due} last said no; asking again is pointless until more is logged. */
    private long declinedAt = -1;

    /**
     * @param interval the least log, in bytes, between two checkpoints
     * @param logged log written since the last checkpoint already (the log replayed at open)
     */
    CheckpointCadence(long interval, long logged) {
        this.interval = interval;
        this.logged = logged;
    }

    /** Counts {@code bytes} more of log (a segment the writer finished). */
    void logged(long bytes) {
        logged += bytes;
    }

    long logged() {
        return logged;
    }

    /** Whether enough is logged that {@link #due} could say yes; cheap, so it can be asked at every wake-up. */
    boolean worthAsking() {
        return logged >= interval && logged != declinedAt;
    }

    /** Whether a checkpoint is due now that the store holds {@code messages} messages. */
    boolean due(long messages) {
        boolean due = logged >= threshold(messages);
        if (!due) {
            declinedAt = logged;
        }
        return due;
    }

    /** The log, in bytes, after which a checkpoint is due when the store holds {@code messages} messages. */
    long threshold(long messages) {
        long expected = expectedSize(messages);
        long scaled = expected > Long.MAX_VALUE / SIZE_FACTOR ? Long.MAX_VALUE : expected * SIZE_FACTOR;
        return Math.max(interval, scaled);
    }

    /**
     * A checkpoint was taken that covered {@code counted} bytes of the log counted here; it is {@code size} bytes
     * and holds {@code messages} messages.
     */
    void taken(long counted, long size, long messages) {
        logged -= counted;
        lastSize = size;
        lastMessages = messages;
        declinedAt = -1;
    }

    private long expectedSize(long messages) {
        if (lastMessages == 0) {
            return lastSize;
        }
        return (long) ((double) lastSize / lastMessages * messages);
    }
}
