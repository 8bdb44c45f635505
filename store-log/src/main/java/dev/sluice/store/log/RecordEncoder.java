package dev.sluice.store.log;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** A growable big-endian byte buffer for record bodies (checkpoints use {@link CheckpointEncoder}). */
final class RecordEncoder {
    private byte[] bytes;
    private int size;

    RecordEncoder(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    RecordEncoder putByte(int v) {
        ensure(1);
        bytes[size++] = (byte) v;
        return this;
    }

    RecordEncoder putInt(int v) {
        ensure(4);
        bytes[size++] = (byte) (v >>> 24);
        bytes[size++] = (byte) (v >>> 16);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
        return this;
    }

    RecordEncoder putLong(long v) {
        putInt((int) (v >>> 32));
        return putInt((int) v);
    }

    RecordEncoder putBoolean(boolean v) {
        return putByte(v ? 1 : 0);
    }

    /** Length-prefixed bytes; -1 encodes null. */
    RecordEncoder putBytes(byte[] v) {
        if (v == null) {
            return putInt(-1);
        }
        putInt(v.length);
        ensure(v.length);
        System.arraycopy(v, 0, bytes, size, v.length);
        size += v.length;
        return this;
    }

    RecordEncoder putString(String v) {
        return putBytes(v == null ? null : v.getBytes(StandardCharsets.UTF_8));
    }

    RecordEncoder putMap(Map<String, String> map) {
        putInt(map.size());
        map.forEach((k, v) -> {
            putString(k);
            putString(v);
        });
        return this;
    }
}
