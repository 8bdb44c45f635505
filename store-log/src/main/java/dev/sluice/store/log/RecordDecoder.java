package dev.sluice.store.log;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Reads what {@link RecordEncoder} wrote; a malformed input throws {@link CorruptRecordException}. */
final class RecordDecoder {
    private final ByteBuffer buffer;

    RecordDecoder(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    int position() {
        return buffer.position();
    }

    boolean hasRemaining() {
        return buffer.hasRemaining();
    }

    byte getByte() {
        try {
            return buffer.get();
        } catch (BufferUnderflowException e) {
            throw new CorruptRecordException("record body ends early");
        }
    }

    int getInt() {
        try {
            return buffer.getInt();
        } catch (BufferUnderflowException e) {
            throw new CorruptRecordException("record body ends early");
        }
    }

    long getLong() {
        try {
            return buffer.getLong();
        } catch (BufferUnderflowException e) {
            throw new CorruptRecordException("record body ends early");
        }
    }

    boolean getBoolean() {
        return getByte() != 0;
    }

    byte[] getBytes() {
        int length = getInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > buffer.remaining()) {
            throw new CorruptRecordException("bad length " + length);
        }
        byte[] out = new byte[length];
        buffer.get(out);
        return out;
    }

    /** Skips length-prefixed bytes, returning the offset of their first byte; the length is at {@code offset - 4}. */
    int skipBytes() {
        int length = getInt();
        if (length < 0 || length > buffer.remaining()) {
            throw new CorruptRecordException("bad length " + length);
        }
        int start = buffer.position();
        buffer.position(start + length);
        return start;
    }

    /** Like {@link #skipBytes} but returns -1 for a null. */
    int skipNullableBytes() {
        if (buffer.remaining() >= 4 && buffer.getInt(buffer.position()) == -1) {
            buffer.position(buffer.position() + 4);
            return -1;
        }
        return skipBytes();
    }

    int lengthAt(int offset) {
        return buffer.getInt(offset - 4);
    }

    String getString() {
        byte[] b = getBytes();
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    Map<String, String> getMap() {
        int n = getInt();
        if (n < 0 || n > buffer.remaining()) {
            throw new CorruptRecordException("bad map size " + n);
        }
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < n; i++) {
            map.put(getString(), getString());
        }
        return map;
    }
}
