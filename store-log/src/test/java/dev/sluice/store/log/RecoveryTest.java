package dev.sluice.store.log;

import static dev.sluice.store.log.StoreFixture.QUEUE;
import static dev.sluice.store.log.StoreFixture.createQueue;
import static dev.sluice.store.log.StoreFixture.indexOf;
import static dev.sluice.store.log.StoreFixture.options;
import static dev.sluice.store.log.StoreFixture.payload;
import static dev.sluice.store.log.StoreFixture.peekIds;
import static dev.sluice.store.log.StoreFixture.segmentFiles;
import static dev.sluice.store.log.StoreFixture.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.store.QueueId;
import dev.sluice.store.QueueRecord;
import dev.sluice.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recovery from damaged files: what is cut, what is kept, and what is refused. */
class RecoveryTest {
    @TempDir
    Path dir;

    @Test
    void corruptRecordIsCutThereAndEarlierRecordsStayIntact() throws IOException {
        try (LogQueueStore store = LogQueueStore.open(dir, options())) {
            createQueue(store, QUEUE);
            send(store, "m1");
            send(store, "m2");
            send(store, "m3");
            store.abandon();
        }
        Path segment = segmentFiles(dir).getLast();
        int at = indexOf(segment, payload("m2"));
        assertThat(at).isPositive();
        flipByte(segment, at + 3);

        try (LogQueueStore reopened = LogQueueStore.open(dir, options())) {
            assertThat(peekIds(reopened)).containsExactly("m1");
            send(reopened, "m4");
        }
        try (LogQueueStore again = LogQueueStore.open(dir, options())) {
            assertThat(peekIds(again)).containsExactly("m1", "m4");
        }
    }

    @Test
    void zeroedTailOfAPreallocatedSegmentIsCutAsATornWrite() throws IOException {
        try (LogQueueStore store = LogQueueStore.open(dir, options())) {
            createQueue(store, QUEUE);
            send(store, "m1");
            send(store, "m2");
            store.abandon();
        }
        Path segment = segmentFiles(dir).getLast();
        int at = indexOf(segment, payload("m2"));
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(8), at + 4);
        }

        try (LogQueueStore reopened = LogQueueStore.open(dir, options())) {
            assertThat(peekIds(reopened)).containsExactly("m1");
        }
    }

    @Test
    void validFramesOfAnEarlierGenerationAreNeverReplayed() throws IOException {
        Path log = Files.createDirectories(dir.resolve("log"));
        QueueRecord queue = new QueueRecord(QUEUE, 1, false, Map.of(), Map.of(), "", Instant.EPOCH, Instant.EPOCH);
        QueueRecord stale = new QueueRecord(
                new QueueId("000000000000", "stale"), 2, false, Map.of(), Map.of(), "", Instant.EPOCH, Instant.EPOCH);
        // segment 5, as if recycled from segment 4: one record of its own, then a leftover frame of generation 4
        // whose CRC and LSN would both pass
        ByteBuffer file = ByteBuffer.allocate(4096);
        file.put(Segment.header(5, 1));
        writeFrame(file, 5, 1, new LogOp.PutQueue(queue));
        writeFrame(file, 4, 2, new LogOp.PutQueue(stale));
        Files.write(Segment.fileName(log, 5), file.array());

        try (LogQueueStore store = LogQueueStore.open(dir, options())) {
            assertThat(store.allQueues()).extracting(QueueRecord::id).containsExactly(QUEUE);
        }
    }

    @Test
    void segmentOfANewerFormatVersionIsRefusedWithAClearMessage() throws IOException {
        try (LogQueueStore store = LogQueueStore.open(dir, options())) {
            createQueue(store, QUEUE);
            store.abandon();
        }
        Path segment = segmentFiles(dir).getFirst();
        ByteBuffer header = ByteBuffer.allocate(Segment.HEADER_SIZE);
        header.putLong(Segment.MAGIC)
                .putInt(Segment.FORMAT_VERSION + 1)
                .putLong(Segment.idOf(segment))
                .putLong(1);
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, 28);
        header.putInt((int) crc.getValue()).flip();
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.write(header, 0);
        }

        assertThatThrownBy(() -> LogQueueStore.open(dir, options()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("format version " + (Segment.FORMAT_VERSION + 1))
                .hasMessageContaining("reads only version " + Segment.FORMAT_VERSION);
    }

    @Test
    void secondOpenOfTheSameFolderIsRefusedWhileTheFirstIsOpen() {
        try (LogQueueStore first = LogQueueStore.open(dir, options())) {
            assertThatThrownBy(() -> LogQueueStore.open(dir, options()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("in use");
            createQueue(first, QUEUE);
        }
        try (LogQueueStore afterClose = LogQueueStore.open(dir, options())) {
            assertThat(afterClose.findQueue(QUEUE)).isPresent();
        }
    }

    @Test
    void corruptCheckpointIsRefusedRatherThanGuessed() throws IOException {
        try (LogQueueStore store = LogQueueStore.open(dir, options())) {
            createQueue(store, QUEUE);
            send(store, "m1");
        }
        Path checkpoint = dir.resolve("log").resolve(Checkpoint.FILE);
        flipByte(checkpoint, (int) Files.size(checkpoint) / 2);

        assertThatThrownBy(() -> LogQueueStore.open(dir, options()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("checkpoint");
    }

    private static void writeFrame(ByteBuffer file, int generation, long lsn, LogOp op) {
        RecordEncoder body = new RecordEncoder(64);
        LogOpCodec.encode(List.of(op), body);
        RecordFrame.write(file, generation, lsn, body.array(), body.size());
    }

    private static void flipByte(Path file, int offset) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[offset] ^= 0x40;
        Files.write(file, bytes);
    }
}
