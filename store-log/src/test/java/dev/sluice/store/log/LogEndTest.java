package dev.sluice.store.log;

import static dev.sluice.store.log.StoreFixture.QUEUE;
import static dev.sluice.store.log.StoreFixture.T0;
import static dev.sluice.store.log.StoreFixture.createQueue;
import static dev.sluice.store.log.StoreFixture.options;
import static dev.sluice.store.log.StoreFixture.peekIds;
import static dev.sluice.store.log.StoreFixture.segmentFiles;
import static dev.sluice.store.log.StoreFixture.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.sluice.store.AppendOptions;
import dev.sluice.store.NewMessage;
import dev.sluice.store.QueueId;
import dev.sluice.store.QueueRecord;
import dev.sluice.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How recovery tells the normal end of the log from damage: the zeros of a preallocated file or the stale bytes of a
 * recycled one right after the last record are where writing ended (DEBUG, as after every restart); a torn or corrupt
 * record is damage (WARN), and valid records after it mean records were lost (ERROR). Either way nothing after the
 * stop is replayed.
 */
class LogEndTest {
    private static final int SEGMENT_SIZE = options().segmentSize();
    private static final QueueRecord ORDERS = queue(QUEUE, 1);
    private static final QueueId FILLER = new QueueId("000000000000", "filler");

    @TempDir
    Path dir;

    @Test
    void cleanCloseAndReopenLogNoWarningEvenWithRecycledSegments() {
        try (RecoveryLog recovery = new RecoveryLog()) {
            for (int round = 0; round < 4; round++) {
                try (LogQueueStore store = LogQueueStore.open(dir, options())) {
                    if (round == 0) {
                        createQueue(store, QUEUE);
                        createQueue(store, FILLER);
                    }
                    fillSegmentsAndPurge(store);
                    send(store, "kept-" + round);
                }
            }
            try (LogQueueStore store = LogQueueStore.open(dir, options())) {
                assertThat(peekIds(store)).containsExactly("kept-0", "kept-1", "kept-2", "kept-3");
            }

            assertThat(recovery.warnings()).isEmpty();
            // a clean close cut its head file where the log ended, so no reopen had an end of the log to judge
            assertThat(recovery.at(Level.DEBUG)).noneMatch(m -> m.contains("the log ends"));
        }
    }

    @Test
    void crashWithARecycledHeadEndsTheLogAtDebugNotWarn() throws IOException {
        // spare files holding bytes of an earlier use, as released segments do: the head is made from one of them
        Path log = Files.createDirectories(dir.resolve("log"));
        Random random = new Random(42);
        for (int n = 1; n <= 3; n++) {
            byte[] stale = new byte[SEGMENT_SIZE];
            random.nextBytes(stale);
            Files.write(Maintenance.spareFile(log, n), stale);
        }
        try (LogQueueStore store = LogQueueStore.open(dir, options())) {
            createQueue(store, QUEUE);
            send(store, "m1");
            send(store, "m2");
            store.abandon();
        }

        try (RecoveryLog recovery = new RecoveryLog();
                LogQueueStore reopened = LogQueueStore.open(dir, options())) {
            assertThat(peekIds(reopened)).containsExactly("m1", "m2");
            assertThat(recovery.warnings()).isEmpty();
            assertThat(recovery.at(Level.DEBUG)).singleElement().asString().contains("earlier use");
        }
    }

    @Test
    void staleBytesOfARecycledFileAfterTheLastRecordAreTheEndOfTheLog() throws IOException {
        // segment 5, recycled from segment 4: its one record overwrote the start of 4's frames, and the next bytes
        // are the middle of one of them
        ByteBuffer file = recycledFile();
        writeFrame(file, 5, 1, new LogOp.PutQueue(ORDERS));
        Path segment = writeSegment(file, 5);

        try (RecoveryLog recovery = new RecoveryLog();
                LogQueueStore store = LogQueueStore.open(dir, options())) {
            assertThat(store.allQueues()).extracting(QueueRecord::id).containsExactly(QUEUE);
            assertThat(recovery.warnings()).isEmpty();
            assertThat(recovery.at(Level.DEBUG)).anyMatch(m -> m.contains("not a frame of this segment"));
            // left as it is: still a full-size file to recycle
            assertThat(Files.size(segment)).isEqualTo(SEGMENT_SIZE);
        }
    }

    @Test
    void aWholeStaleRecordOfAnEarlierGenerationAfterTheLastRecordIsTheEndOfTheLog() throws IOException {
        // as above, but the new record has exactly the length of the old first one: the next bytes are a complete,
        // checksum-valid frame of generation 4
        ByteBuffer file = recycledFile();
        writeFrame(file, 5, 1, new LogOp.PutQueue(queue(new QueueId("000000000000", "stale-000"), 1)));
        writeSegment(file, 5);

        try (RecoveryLog recovery = new RecoveryLog();
                LogQueueStore store = LogQueueStore.open(dir, options())) {
            assertThat(store.allQueues()).extracting(r -> r.id().name()).containsExactly("stale-000");
            assertThat(recovery.warnings()).isEmpty();
            assertThat(recovery.at(Level.DEBUG)).anyMatch(m -> m.contains("a record of generation 4"));
        }
    }

    @Test
    void zerosOfAPreallocatedFileAfterTheLastRecordAreTheEndOfTheLog() throws IOException {
        ByteBuffer file = ByteBuffer.allocate(SEGMENT_SIZE);
        file.put(Segment.header(5, 1));
        writeFrame(file, 5, 1, new LogOp.PutQueue(ORDERS));
        writeSegment(file, 5);

        try (RecoveryLog recovery = new RecoveryLog();
                LogQueueStore store = LogQueueStore.open(dir, options())) {
            assertThat(store.allQueues()).extracting(QueueRecord::id).containsExactly(QUEUE);
            assertThat(recovery.warnings()).isEmpty();
            assertThat(recovery.at(Level.DEBUG)).anyMatch(m -> m.contains("unused rest of a preallocated file"));
        }
    }

    @Test
    void tornTailIsStillCutAndReportedAsDamage() {
        Faults faults = new Faults();
        try (LogQueueStore store = LogQueueStore.open(dir, options().withIo(faults.io()))) {
            createQueue(store, QUEUE);
            send(store, "m1");
            send(store, "m2");
            faults.tornWrites = true;
            assertThatThrownBy(() -> send(store, "torn")).isInstanceOf(StoreException.class);
            store.abandon();
        }

        try (RecoveryLog recovery = new RecoveryLog();
                LogQueueStore reopened = LogQueueStore.open(dir, options())) {
            assertThat(peekIds(reopened)).containsExactly("m1", "m2");
            assertThat(recovery.at(Level.WARN)).singleElement().asString().contains("torn or corrupt record");
            assertThat(recovery.at(Level.ERROR)).isEmpty();
        }
    }

    @Test
    void validRecordsAfterAZeroedFrameHeaderAreReportedAsLost() throws IOException {
        Path segment = threeMessagesAbandoned();
        // a lost block: the header of m2's frame (the third record) reads as zeros, as the end of the log would
        long m2 = framePositions(segment).get(2);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(RecordFrame.HEADER_SIZE), m2);
        }

        try (RecoveryLog recovery = new RecoveryLog();
                LogQueueStore store = LogQueueStore.open(dir, options())) {
            assertThat(peekIds(store)).containsExactly("m1");
            assertThat(recovery.at(Level.ERROR)).singleElement().asString().contains("are lost");
            // damage is cut
            assertThat(Files.size(segment)).isEqualTo(m2);
        }
    }

    @Test
    void validRecordsAfterAFrameWithADamagedGenerationAreReportedAsLost() throws IOException {
        Path segment = threeMessagesAbandoned();
        long m2 = framePositions(segment).get(2);
        byte[] bytes = Files.readAllBytes(segment);
        bytes[(int) m2 + 8] ^= 0x10;
        Files.write(segment, bytes);

        try (RecoveryLog recovery = new RecoveryLog();
                LogQueueStore store = LogQueueStore.open(dir, options())) {
            assertThat(peekIds(store)).containsExactly("m1");
            assertThat(recovery.at(Level.ERROR)).singleElement().asString().contains("are lost");
        }
    }

    // ---- fixtures ----

    private static QueueRecord queue(QueueId id, long incarnation) {
        return new QueueRecord(id, incarnation, false, Map.of(), Map.of(), "", T0, T0);
    }

    /**
     * Writes enough to another queue to fill a few segments, purges it, and checkpoints, so released segments become
     * spares and later heads are recycled files.
     */
    private static void fillSegmentsAndPurge(LogQueueStore store) {
        byte[] payload = new byte[2048];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31 + 7);
        }
        for (int batch = 0; batch < 12; batch++) {
            List<NewMessage> messages = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                messages.add(NewMessage.of(UUID.randomUUID().toString(), payload, T0, T0));
            }
            store.append(FILLER, messages, AppendOptions.at(T0));
        }
        store.purge(FILLER);
        store.checkpoint();
        store.checkpoint();
    }

    /** A full-size file as segment 4 left it: its header, then frames of generation 4 up to the end. */
    private static ByteBuffer recycledFile() {
        ByteBuffer file = ByteBuffer.allocate(SEGMENT_SIZE);
        file.put(Segment.header(4, 1));
        for (int i = 0; file.remaining() > 200; i++) {
            QueueId old = new QueueId("000000000000", String.format("stale-%03d", i % 1000));
            writeFrame(file, 4, i + 1, new LogOp.PutQueue(queue(old, 1)));
        }
        file.clear();
        file.put(Segment.header(5, 1));
        return file;
    }

    private Path writeSegment(ByteBuffer file, long id) throws IOException {
        Path log = Files.createDirectories(dir.resolve("log"));
        Path segment = Segment.fileName(log, id);
        Files.write(segment, file.array());
        return segment;
    }

    private static void writeFrame(ByteBuffer file, int generation, long lsn, LogOp op) {
        RecordEncoder body = new RecordEncoder(64);
        LogOpCodec.encode(List.of(op), body);
        RecordFrame.write(file, generation, lsn, body.array(), body.size());
    }

    /** A crash after the queue and m1, m2, m3 were written (records 1 to 4 of the one segment). */
    private Path threeMessagesAbandoned() {
        try (LogQueueStore store = LogQueueStore.open(dir, options())) {
            createQueue(store, QUEUE);
            send(store, "m1");
            send(store, "m2");
            send(store, "m3");
            store.abandon();
        }
        Path segment = segmentFiles(dir).getLast();
        assertThat(framePositions(segment)).hasSize(4);
        return segment;
    }

    /** Where the segment's valid frames start, walking them from its header. */
    private static List<Long> framePositions(Path segment) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(segment));
            int generation = (int) Segment.idOf(segment);
            List<Long> positions = new ArrayList<>();
            int at = Segment.HEADER_SIZE;
            while (at + RecordFrame.HEADER_SIZE <= bytes.limit()) {
                int length = bytes.getInt(at);
                if (length <= 0
                        || bytes.getInt(at + 8) != generation
                        || at + RecordFrame.HEADER_SIZE + length > bytes.limit()
                        || RecordFrame.crc(bytes, at, length) != bytes.getInt(at + 4)) {
                    break;
                }
                positions.add((long) at);
                at += RecordFrame.HEADER_SIZE + length;
            }
            return positions;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
