package dev.sluice.store.log;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Looks for a valid record of a segment's own generation after the point where its replay stopped. Finding one means
 * the stop was damage in the middle of what was written (records after it are lost), not the end of the log; finding
 * none means nothing this segment wrote lies beyond the stop.
 *
 * <p>Frames after a damaged one need not start where its length says, so every offset is a candidate; a candidate
 * must carry the segment's generation, an LSN from the expected one on (and not more above it than records could fit
 * in between), a length that fits the file, and a matching CRC32C. The CRC makes a false find from stale bytes as
 * unlikely as a stale frame passing replay. The scan reads the rest of the file once, in chunks.
 */
final class FrameScan {
    private static final int CHUNK = 1 << 20;

    private FrameScan() {}

    /** A valid frame of {@code generation} found at {@code position} with LSN {@code lsn}. */
    record Found(long position, long lsn) {}

    /**
     * The first valid frame of {@code generation} with an LSN of at least {@code nextLsn} that starts after {@code
     * from}, or null.
     */
    static Found after(Segment segment, long from, int generation, long nextLsn) throws IOException {
        long size = segment.size();
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK + RecordFrame.HEADER_SIZE);
        long base = from + 1;
        while (base + RecordFrame.HEADER_SIZE <= size) {
            chunk.clear();
            int read = segment.read(chunk, base);
            int last = read - RecordFrame.HEADER_SIZE;
            if (last < 0) {
                return null;
            }
            for (int i = 0; i <= last; i++) {
                if (chunk.getInt(i + 8) == generation) {
                    long position = base + i;
                    long lsn = chunk.getLong(i + 12);
                    int length = chunk.getInt(i);
                    if (plausible(position, lsn, length, from, nextLsn, size) && valid(segment, position, length)) {
                        return new Found(position, lsn);
                    }
                }
            }
            // the next chunk overlaps this one by a header, so a frame across the boundary is still seen whole
            base += last + 1;
        }
        return null;
    }

    private static boolean plausible(long position, long lsn, int length, long from, long nextLsn, long size) {
        // every record takes more than a header, so at most (position - from) / header of them fit in between
        long skipped = lsn - nextLsn;
        return skipped >= 0
                && skipped <= (position - from) / RecordFrame.HEADER_SIZE
                && length > 0
                && length <= RecordFrame.MAX_BODY
                && position + RecordFrame.HEADER_SIZE + length <= size;
    }

    private static boolean valid(Segment segment, long position, int length) throws IOException {
        ByteBuffer frame = ByteBuffer.allocate(RecordFrame.HEADER_SIZE + length);
        if (segment.read(frame, position) != frame.capacity()) {
            return false;
        }
        return RecordFrame.crc(frame, 0, length) == frame.getInt(4);
    }
}
