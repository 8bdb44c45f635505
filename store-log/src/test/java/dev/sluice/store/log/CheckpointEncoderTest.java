package dev.sluice.store.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * {@link CheckpointEncoder} writes exactly what {@code DataOutputStream} wrote before it (so checkpoints keep their
 * format), whatever the chunk boundaries, and can be drained and reused.
 */
class CheckpointEncoderTest {
    @Test
    void encodesLikeDataOutputStreamAcrossChunkBoundaries() throws IOException {
        for (int chunkSize : new int[] {8, 13, 64, 1024}) {
            Random random = new Random(chunkSize);
            CheckpointEncoder encoder = new CheckpointEncoder(chunkSize);
            for (int round = 0; round < 3; round++) {
                ByteArrayOutputStream expected = new ByteArrayOutputStream();
                DataOutputStream reference = new DataOutputStream(expected);
                for (int i = 0; i < 500; i++) {
                    putRandom(random, encoder, reference);
                }
                ByteArrayOutputStream actual = new ByteArrayOutputStream();
                CRC32C crc = new CRC32C();
                long written = encoder.drainTo(Channels.newChannel(actual), crc);

                assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
                assertThat(written).isEqualTo(expected.size());
                CRC32C expectedCrc = new CRC32C();
                expectedCrc.update(expected.toByteArray());
                assertThat(crc.getValue()).isEqualTo(expectedCrc.getValue());
                assertThat(encoder.size()).isZero();
            }
        }
    }

    @Test
    void aByteArrayLargerThanAChunkSpansSeveralChunks() throws IOException {
        byte[] big = new byte[10_000];
        new Random(1).nextBytes(big);
        CheckpointEncoder encoder = new CheckpointEncoder(1024);
        encoder.putLong(42).putBytes(big).putInt(7);
        assertThat(encoder.size()).isEqualTo(8 + 4 + big.length + 4);

        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        encoder.drainTo(Channels.newChannel(actual), new CRC32C());

        ByteBuffer read = ByteBuffer.wrap(actual.toByteArray());
        assertThat(read.getLong()).isEqualTo(42);
        assertThat(read.getInt()).isEqualTo(big.length);
        byte[] back = new byte[big.length];
        read.get(back);
        assertThat(back).isEqualTo(big);
        assertThat(read.getInt()).isEqualTo(7);
        assertThat(read.hasRemaining()).isFalse();
    }

    private static void putRandom(Random random, CheckpointEncoder encoder, DataOutputStream reference)
            throws IOException {
        switch (random.nextInt(7)) {
            case 0 -> {
                int v = random.nextInt();
                encoder.putByte(v);
                reference.writeByte(v);
            }
            case 1 -> {
                boolean v = random.nextBoolean();
                encoder.putBoolean(v);
                reference.writeBoolean(v);
            }
            case 2 -> {
                int v = random.nextInt();
                encoder.putInt(v);
                reference.writeInt(v);
            }
            case 3 -> {
                long v = random.nextLong();
                encoder.putLong(v);
                reference.writeLong(v);
            }
            case 4 -> {
                byte[] v = random.nextInt(5) == 0 ? null : new byte[random.nextInt(40)];
                if (v != null) {
                    random.nextBytes(v);
                }
                encoder.putBytes(v);
                writeBytes(reference, v);
            }
            case 5 -> {
                String v = random.nextInt(5) == 0 ? null : "id-ü-" + random.nextInt();
                encoder.putString(v);
                writeBytes(reference, v == null ? null : v.getBytes(StandardCharsets.UTF_8));
            }
            default -> {
                Map<String, String> v = new LinkedHashMap<>();
                for (int i = random.nextInt(3); i > 0; i--) {
                    v.put("k" + random.nextInt(), "v" + random.nextInt());
                }
                encoder.putMap(v);
                reference.writeInt(v.size());
                for (var e : v.entrySet()) {
                    writeBytes(reference, e.getKey().getBytes(StandardCharsets.UTF_8));
                    writeBytes(reference, e.getValue().getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** How checkpoints wrote length-prefixed bytes with {@code DataOutputStream}: -1 for null. */
    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        if (b == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(b.length);
            out.write(b);
        }
    }
}
