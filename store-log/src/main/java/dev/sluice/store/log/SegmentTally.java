package dev.sluice.store.log;

import java.util.HashMap;
import java.util.Map;

/**
 * Payload bytes per segment, summed over a pass through a queue's messages.
 *
 * <p>Messages in sequence order mostly lie in the same segment as their neighbours, so the tally keeps a running sum
 * for the current segment and touches the map (boxing) only when the segment changes, not once per message. Not
 * thread-safe: one pass, one thread.
 */
final class SegmentTally {
    private final Map<Long, Long> totals = new HashMap<>();
    private long segment = -1;
    private long run;

    void add(long segmentId, long bytes) {
        if (segmentId != segment) {
            flush();
            segment = segmentId;
        }
        run += bytes;
    }

    /** The bytes per segment id so far (a live map: later adds change it). Segments with 0 bytes may be absent. */
    Map<Long, Long> totals() {
        flush();
        return totals;
    }

    private void flush() {
        if (run != 0) {
            totals.merge(segment, run, Long::sum);
            run = 0;
        }
    }
}
