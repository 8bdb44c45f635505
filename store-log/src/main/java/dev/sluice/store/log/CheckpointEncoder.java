package dev.sluice.store.log;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The big-endian byte sink a {@link Checkpoint} is encoded into: the same encoding as {@link RecordEncoder} (and as
 * {@code DataOutputStream}, which earlier versions used), but in fixed-size chunks.
 *
 * <p>Why chunks: a queue is encoded while its lock is held, so growing must not copy what is already there, and a
 * large backlog (tens of MiB of snapshot) must not need one contiguous array on a small capped heap. Every chunk but
 * the last is full; a value that does not fit the rest of a chunk continues in the next. {@link #drainTo} writes the
 * chunks out and keeps them for the next queue of the same checkpoint, so the encoder holds at most the largest
 * queue's snapshot, and only while the checkpoint is written.
 */
final class CheckpointEncoder {
    static final int DEFAULT_CHUNK_SIZE = 1 << 20;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final int chunkSize;
    private final List<byte[]> chunks = new ArrayList<>();
    /** Index in {@code chunks} of the chunk being filled. */
    private int index;

    private byte[] chunk;
    private int position;

    CheckpointEncoder() {
        this(DEFAULT_CHUNK_SIZE);
    }

    CheckpointEncoder(int chunkSize) {
        if (chunkSize < 8) {
            throw new IllegalArgumentException("chunkSize must be at least 8");
        }
        this.chunkSize = chunkSize;
        chunk = new byte[chunkSize];
        chunks.add(chunk);
    }

    /** Bytes encoded since the last drain. */
    long size() {
        return (long) index * chunkSize + position;
    }

    CheckpointEncoder putByte(int v) {
        if (position == chunkSize) {
            nextChunk();
        }
        chunk[position++] = (byte) v;
        return this;
    }

    CheckpointEncoder putBoolean(boolean v) {
        return putByte(v ? 1 : 0);
    }

    CheckpointEncoder putInt(int v) {
        if (chunkSize - position >= 4) {
            INT.set(chunk, position, v);
            position += 4;
        } else {
            for (int shift = 24; shift >= 0; shift -= 8) {
                putByte(v >>> shift);
            }
        }
        return this;
    }

    CheckpointEncoder putLong(long v) {
        if (chunkSize - position >= 8) {
            LONG.set(chunk, position, v);
            position += 8;
        } else {
            for (int shift = 56; shift >= 0; shift -= 8) {
                putByte((int) (v >>> shift));
            }
        }
        return this;
    }

    /** Length-prefixed bytes; -1 encodes null. */
    CheckpointEncoder putBytes(byte[] v) {
        if (v == null) {
            return putInt(-1);
        }
        putInt(v.length);
        int done = 0;
        while (done < v.length) {
            if (position == chunkSize) {
                nextChunk();
            }
            int n = Math.min(v.length - done, chunkSize - position);
            System.arraycopy(v, done, chunk, position, n);
            position += n;
            done += n;
        }
        return this;
    }

    /** UTF-8, length-prefixed; null allowed. */
    CheckpointEncoder putString(String v) {
        return putBytes(v == null ? null : v.getBytes(StandardCharsets.UTF_8));
    }

    CheckpointEncoder putMap(Map<String, String> map) {
        putInt(map.size());
        map.forEach((k, v) -> {
            putString(k);
            putString(v);
        });
        return this;
    }

    /**
     * Writes everything encoded since the last drain to {@code channel} (at its position), adds it to {@code crc},
     * and empties the encoder, keeping its chunks for reuse.
     *
     * @return the number of bytes written
     */
    long drainTo(WritableByteChannel channel, CRC32C crc) throws IOException {
        long written = 0;
        for (int i = 0; i <= index; i++) {
            byte[] c = chunks.get(i);
            int length = i < index ? chunkSize : position;
            crc.update(c, 0, length);
            // a heap buffer goes through a temporary direct buffer of its size; one chunk keeps that small
            ByteBuffer buffer = ByteBuffer.wrap(c, 0, length);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            written += length;
        }
        index = 0;
        chunk = chunks.getFirst();
        position = 0;
        return written;
    }

    private void nextChunk() {
        index++;
        if (index == chunks.size()) {
            chunks.add(new byte[chunkSize]);
        }
        chunk = chunks.get(index);
        position = 0;
    }
}
