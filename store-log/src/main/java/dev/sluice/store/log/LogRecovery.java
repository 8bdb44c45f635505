package dev.sluice.store.log;

import dev.sluice.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the store's state at open: replays every segment's records in LSN order into the catalog.
 *
 * <p>A segment is read until its first frame that is not a valid next record: a zero length (the unused,
 * preallocated rest of the file), a length beyond the file, a CRC mismatch, a generation other than the segment's
 * (bytes left from the file's earlier life) or an LSN other than the next one. Such a frame is the end of what was
 * written there; anything from it on is cut (the file is truncated there), never replayed. Because the store starts
 * a new segment at every open, a cut tail is never written over, and the next segment's first LSN continues right
 * after the cut.
 */
final class LogRecovery {
    private static final Logger log = LoggerFactory.getLogger(LogRecovery.class);

    /** Where the log ends: the id of the last segment (0 if none) and the next LSN to assign. */
    record End(long lastSegmentId, long nextLsn) {}

    private final SegmentIo io;
    private final Path dir;
    private final SegmentRegistry registry;
    private final LogReplay replay;

    LogRecovery(SegmentIo io, Path dir, SegmentRegistry registry, QueueCatalog catalog) {
        this.io = io;
        this.dir = dir;
        this.registry = registry;
        this.replay = new LogReplay(catalog);
    }

    End recover() throws IOException {
        List<Path> files = segmentFiles();
        long nextLsn = 1;
        long lastId = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            boolean last = i == files.size() - 1;
            lastId = Math.max(lastId, Segment.idOf(file));
            Segment segment;
            try {
                segment = Segment.open(io, file);
            } catch (CorruptRecordException e) {
                // a segment whose header never reached the disk: its creation was interrupted
                log.warn("ignoring segment without a valid header ({}): {}", file, e.getMessage());
                if (last) {
                    Files.deleteIfExists(file);
                }
                continue;
            }
            if (i > 0 && segment.firstLsn() != nextLsn) {
                log.error(
                        "log gap: segment {} starts at LSN {} but the log before it ends at LSN {}; records in"
                                + " between were lost to corruption",
                        file,
                        segment.firstLsn(),
                        nextLsn - 1);
            }
            nextLsn = replaySegment(segment);
            registry.add(segment);
        }
        return new End(lastId, nextLsn);
    }

    private List<Path> segmentFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> Segment.idOf(p) > 0).forEach(files::add);
        }
        files.sort(Comparator.comparingLong(Segment::idOf));
        return files;
    }

    /** Replays one segment's valid records; returns the LSN after its last one. */
    private long replaySegment(Segment segment) throws IOException {
        long size = segment.size();
        long position = Segment.HEADER_SIZE;
        long expectedLsn = segment.firstLsn();
        int generation = (int) segment.id();
        ByteBuffer header = ByteBuffer.allocate(RecordFrame.HEADER_SIZE);
        String cut = null;
        while (true) {
            header.clear();
            if (segment.read(header, position) < RecordFrame.HEADER_SIZE) {
                cut = header.position() == 0 ? null : "a frame header cut short";
                break;
            }
            int length = header.getInt(0);
            if (length == 0 && header.getInt(4) == 0) {
                break;
            }
            if (length <= 0 || length > RecordFrame.MAX_BODY || position + RecordFrame.HEADER_SIZE + length > size) {
                cut = "a bad record length " + length;
                break;
            }
            ByteBuffer frame = ByteBuffer.allocate(RecordFrame.HEADER_SIZE + length);
            frame.put(header.flip());
            segment.read(frame, position + RecordFrame.HEADER_SIZE);
            if (RecordFrame.crc(frame, 0, length) != frame.getInt(4)) {
                cut = "a checksum mismatch";
                break;
            }
            if (frame.getInt(8) != generation) {
                cut = "a record of an earlier generation (stale bytes)";
                break;
            }
            long lsn = frame.getLong(12);
            if (lsn != expectedLsn) {
                cut = "LSN " + lsn + " where " + expectedLsn + " was expected";
                break;
            }
            List<LogOp> ops;
            try {
                ops = LogOpCodec.decode(new RecordDecoder(
                        frame.position(RecordFrame.HEADER_SIZE).slice()));
            } catch (CorruptRecordException e) {
                cut = "an undecodable record (" + e.getMessage() + ")";
                break;
            }
            long bodyPosition = position + RecordFrame.HEADER_SIZE;
            for (LogOp op : ops) {
                replay.apply(op, segment.id(), bodyPosition);
            }
            expectedLsn++;
            position = bodyPosition + length;
        }
        if (cut != null) {
            log.warn(
                    "segment {}: cutting the log at offset {} after LSN {}: {}",
                    segment.path(),
                    position,
                    expectedLsn - 1,
                    cut);
            try {
                segment.truncate(position);
                segment.force();
            } catch (IOException e) {
                throw new StoreException("cannot cut the corrupt tail of " + segment.path(), e);
            }
        }
        return expectedLsn;
    }
}
