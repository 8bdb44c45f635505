package dev.sluice.store.log;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of a {@link LogQueueStore}.
 *
 * @param segmentSize bytes per segment file; a record larger than a segment gets a segment of its own
 * @param fsync force every commit group to disk before acknowledging it; turn off only to measure others' stores
 *     without durability, never in production
 * @param preallocate keep released segment files as spares for new heads, and fill a new spare with zeros when
 *     none is left and the writer's forces serve few records each (a forced write to a preallocated file does not
 *     change file metadata, so it is cheaper; see {@link CommitLoad})
 * @param checkpointInterval bytes of log written before the next checkpoint of the index is due (bounds recovery
 *     time); with a large backlog, at least 8 times the checkpoint's expected size, so the backlog is not rewritten
 *     too often (the trade-off with recovery time and disk use is described in {@code CheckpointCadence})
 * @param compactionThreshold a sealed segment whose live payload bytes fall below this fraction of its size has its
 *     live messages rewritten to the head so it can be deleted
 * @param retryDelay how long the writer waits before retrying after a disk failure
 * @param reclaimCheck how often the store, when no checkpoint came due by itself, checks whether one would delete
 *     segments nothing lives in any more (a drained backlog with no traffic after it would otherwise keep its dead
 *     segments on disk until more log is written)
 * @param io the file seam (tests wrap it to inject faults)
 */
public record LogStoreOptions(
        int segmentSize,
        boolean fsync,
        boolean preallocate,
        long checkpointInterval,
        double compactionThreshold,
        Duration retryDelay,
        Duration reclaimCheck,
        SegmentIo io) {
    public static final int MIN_SEGMENT_SIZE = 4096;

    public LogStoreOptions {
        if (segmentSize < MIN_SEGMENT_SIZE) {
            throw new IllegalArgumentException("segmentSize must be at least " + MIN_SEGMENT_SIZE);
        }
        Objects.requireNonNull(retryDelay, "retryDelay");
        if (reclaimCheck.isNegative() || reclaimCheck.isZero()) {
            throw new IllegalArgumentException("reclaimCheck must be positive");
        }
        Objects.requireNonNull(io, "io");
        if (checkpointInterval < 1) {
            throw new IllegalArgumentException("checkpointInterval must be positive");
        }
    }

    /**
     * 64 MiB preallocated segments, fsync on, a checkpoint after at least 128 MiB of log, dead segments looked for
     * every 30 s.
     */
    public static LogStoreOptions defaults() {
        return new LogStoreOptions(
                64 << 20,
                true,
                true,
                128L << 20,
                0.25,
                Duration.ofMillis(200),
                Duration.ofSeconds(30),
                SegmentIo.files());
    }

    public LogStoreOptions withSegmentSize(int size) {
        return new LogStoreOptions(
                size, fsync, preallocate, checkpointInterval, compactionThreshold, retryDelay, reclaimCheck, io);
    }

    public LogStoreOptions withFsync(boolean on) {
        return new LogStoreOptions(
                segmentSize, on, preallocate, checkpointInterval, compactionThreshold, retryDelay, reclaimCheck, io);
    }

    public LogStoreOptions withPreallocate(boolean on) {
        return new LogStoreOptions(
                segmentSize, fsync, on, checkpointInterval, compactionThreshold, retryDelay, reclaimCheck, io);
    }

    public LogStoreOptions withCheckpointInterval(long bytes) {
        return new LogStoreOptions(
                segmentSize, fsync, preallocate, bytes, compactionThreshold, retryDelay, reclaimCheck, io);
    }

    public LogStoreOptions withCompactionThreshold(double fraction) {
        return new LogStoreOptions(
                segmentSize, fsync, preallocate, checkpointInterval, fraction, retryDelay, reclaimCheck, io);
    }

    public LogStoreOptions withRetryDelay(Duration delay) {
        return new LogStoreOptions(
                segmentSize, fsync, preallocate, checkpointInterval, compactionThreshold, delay, reclaimCheck, io);
    }

    public LogStoreOptions withIo(SegmentIo seam) {
        return new LogStoreOptions(
                segmentSize,
                fsync,
                preallocate,
                checkpointInterval,
                compactionThreshold,
                retryDelay,
                reclaimCheck,
                seam);
    }

    public LogStoreOptions withReclaimCheck(Duration every) {
        return new LogStoreOptions(
                segmentSize, fsync, preallocate, checkpointInterval, compactionThreshold, retryDelay, every, io);
    }
}
