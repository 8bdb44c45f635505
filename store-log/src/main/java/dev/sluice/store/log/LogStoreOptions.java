package dev.sluice.store.log;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of a {@link LogQueueStore}.
 *
 * @param segmentSize bytes per segment file; a record larger than a segment gets a segment of its own
 * @param fsync force every commit group to disk before acknowledging it; turn off only to measure others' stores
 *     without durability, never in production
 * @param preallocate fill new segment files to {@code segmentSize} with zeros before use (a forced write to a
 *     preallocated file does not change file metadata, so it is cheaper)
 * @param checkpointInterval bytes of log written before the next checkpoint of the index is due (bounds recovery
 *     time); with a large backlog, at least 8 times the checkpoint's expected size, so the backlog is not rewritten
 *     too often (the trade-off with recovery time and disk use is described in {@code CheckpointCadence})
 * @param compactionThreshold a sealed segment whose live payload bytes fall below this fraction of its size has its
 *     live messages rewritten to the head so it can be deleted
 * @param retryDelay how long the writer waits before retrying after a disk failure
 * @param io the file seam (tests wrap it to inject faults)
 */
public record LogStoreOptions(
        int segmentSize,
        boolean fsync,
        boolean preallocate,
        long checkpointInterval,
        double compactionThreshold,
        Duration retryDelay,
        SegmentIo io) {
    public static final int MIN_SEGMENT_SIZE = 4096;

    public LogStoreOptions {
        if (segmentSize < MIN_SEGMENT_SIZE) {
            throw new IllegalArgumentException("segmentSize must be at least " + MIN_SEGMENT_SIZE);
        }
        Objects.requireNonNull(retryDelay, "retryDelay");
        Objects.requireNonNull(io, "io");
        if (checkpointInterval < 1) {
            throw new IllegalArgumentException("checkpointInterval must be positive");
        }
    }

    /** 64 MiB preallocated segments, fsync on, a checkpoint after at least 128 MiB of log. */
    public static LogStoreOptions defaults() {
        return new LogStoreOptions(64 << 20, true, true, 128L << 20, 0.25, Duration.ofMillis(200), SegmentIo.files());
    }

    public LogStoreOptions withSegmentSize(int size) {
        return new LogStoreOptions(size, fsync, preallocate, checkpointInterval, compactionThreshold, retryDelay, io);
    }

    public LogStoreOptions withFsync(boolean on) {
        return new LogStoreOptions(
                segmentSize, on, preallocate, checkpointInterval, compactionThreshold, retryDelay, io);
    }

    public LogStoreOptions withPreallocate(boolean on) {
        return new LogStoreOptions(segmentSize, fsync, on, checkpointInterval, compactionThreshold, retryDelay, io);
    }

    public LogStoreOptions withCheckpointInterval(long bytes) {
        return new LogStoreOptions(segmentSize, fsync, preallocate, bytes, compactionThreshold, retryDelay, io);
    }

    public LogStoreOptions withCompactionThreshold(double fraction) {
        return new LogStoreOptions(segmentSize, fsync, preallocate, checkpointInterval, fraction, retryDelay, io);
    }

    public LogStoreOptions withRetryDelay(Duration delay) {
        return new LogStoreOptions(segmentSize, fsync, preallocate, checkpointInterval, compactionThreshold, delay, io);
    }

    public LogStoreOptions withIo(SegmentIo seam) {
        return new LogStoreOptions(
                segmentSize, fsync, preallocate, checkpointInterval, compactionThreshold, retryDelay, seam);
    }
}
