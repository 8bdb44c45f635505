package dev.sluice.store.log;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The frame around each record body in a segment.
 *
 * <p>Layout (20 bytes, big-endian): body length (int), CRC32C (int), segment generation (int), LSN (long), then the
 * body. The CRC covers the length, generation, LSN and body, so a torn write, a flipped bit or a frame left over
 * from an earlier use of the file fails it. LSNs increase by one across the whole log, which recovery also checks.
 */
final class RecordFrame {
    static final int HEADER_SIZE = 20;
    static final int MAX_BODY = 1 << 30;

    private RecordFrame() {}

    /** Writes header and body into {@code out} (which must have room). */
    static void write(ByteBuffer out, int generation, long lsn, byte[] body, int bodyLength) {
        int start = out.position();
        out.putInt(bodyLength).putInt(0).putInt(generation).putLong(lsn).put(body, 0, bodyLength);
        out.putInt(start + 4, crc(out, start, bodyLength));
    }

    /** The CRC of the frame starting at {@code start} in {@code buffer} whose body has {@code bodyLength} bytes. */
    static int crc(ByteBuffer buffer, int start, int bodyLength) {
        CRC32C crc = new CRC32C();
        ByteBuffer view = buffer.duplicate();
        view.limit(start + 4).position(start);
        crc.update(view);
        view.limit(start + HEADER_SIZE + bodyLength).position(start + 8);
        crc.update(view);
        return (int) crc.getValue();
    }
}
