package dev.sluice.store.log;

/**
 * How the writer's forces were shared while it filled one segment: {@code records} written, {@code forces} made. It
 * decides whether the maintenance thread zero-fills a new spare file for a later head.
 *
 * <p>A forced write to a preallocated file changes no file metadata, so it is cheaper: one connection sending 1 KiB
 * messages did 5.0k requests/s with 0.19 ms median latency into preallocated files against 3.3-4.1k and 0.23-0.29 ms
 * into growing ones. But zero-filling writes the whole file once more, and the kernel writes those zeros back to
 * disk: with 128 connections sending, 46.7k requests/s with zero-filled spares against 51.9k without (medians of six
 * alternated rounds each; bench/results/2026-12-08.md). The cheaper force pays when each force serves few records, a
 * client waiting on every send; when many records share one force, the force is not what holds a request up and the
 * zero-fill is only extra work.
 * Segments released because nothing lives in them any more are preallocated for free and are always reused.
 */
record CommitLoad(long records, long forces) {
    /** Below this many records per force on average, a new head is worth a zero-filled file. */
    static final int FEW_RECORDS_PER_FORCE = 4;

    /** Nothing written yet: the store has just opened. */
    static final CommitLoad NONE = new CommitLoad(0, 0);

    /**
     * Whether forces served few records each. A segment with no forces either was not written to (the store has just
     * opened, or a checkpoint moved on from an idle head: nothing is known, so a preallocated file is wanted as before) or was written without
     * fsync, where a preallocated file buys nothing.
     */
    boolean wantsPreallocatedFiles(boolean fsync) {
        if (forces == 0) {
            return fsync;
        }
        return records < forces * FEW_RECORDS_PER_FORCE;
    }
}
