package dev.sluice.protocol.wire;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * Collects one encoded answer. Jackson's generator buffers the document in a pooled buffer and writes it here once
 * when it is small (under its 8,000-byte buffer), so the answer is one exactly sized copy of that buffer, not a
 * growing array copied again at the end.
 */
final class ResultBytes extends OutputStream {
    private static final byte[] NONE = new byte[0];

    private byte[] bytes = NONE;
    private int length;

    @Override
    public void write(int b) {
        ensure(1);
        bytes[length++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int count) {
        if (length == 0 && bytes.length == 0) {
            bytes = Arrays.copyOfRange(source, offset, offset + count);
            length = count;
            return;
        }
        ensure(count);
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
    }

    byte[] toByteArray() {
        return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(Math.max(16, bytes.length * 2), length + more));
        }
    }
}
