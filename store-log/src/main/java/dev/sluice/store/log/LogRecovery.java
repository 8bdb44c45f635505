package dev.sluice.store.log;

import dev.sluice.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the store's state at open: loads the last {@link Checkpoint} if there is one, then replays the records of
 * the segments from the checkpoint's start on, in LSN order. Older segments are only opened, for their payloads.
 *
 * <p>A segment is read until its first frame that is not a valid next record: a zero header (the unused,
 * preallocated rest of the file), a length beyond the file, a CRC mismatch, a generation other than the segment's
 * (bytes left from the file's earlier life) or an LSN other than the next one. Nothing from there on is ever
 * replayed. What the stop means decides how it is reported: zeros or bytes of another generation right after the last
 * record are simply where writing ended (DEBUG; a crash leaves such an end, while a clean close cuts the file there,
 * see {@link LogWriter#trimHead}); a frame of the segment's own generation that fails is a torn or corrupt record
 * (WARN), and a valid record of its own further on means records in between were lost (ERROR, see {@link
 * FrameScan}). Damage is cut (the file is truncated there). Because the store starts a new segment at every open, the
 * end of a segment is never written over, and the next segment's first LSN continues right after it.
 */
final class LogRecovery {
    private static final Logger log = LoggerFactory.getLogger(LogRecovery.class);
    private static final String NOT_A_FRAME = "bytes that are not a frame of this segment";
    private static final String UNUSED = "the unused rest of a preallocated file";
    private static final String EARLIER_USE = "left from the file's earlier use";

    /**
     * Where the log ends: the id of the last segment (0 if none), the next LSN to assign, the number after the
     * highest spare file's, and the bytes of log replayed after the checkpoint (which the next checkpoint's cadence
     * counts, so a crash soon after a restart does not replay them again on top of a full interval).
     */
    record End(long lastSegmentId, long nextLsn, long nextSpare, long replayedBytes) {}

    private final SegmentIo io;
    private final Path dir;
    private final SegmentRegistry registry;
    private final LogReplay replay;

    private final QueueCatalog catalog;
    private long replayedBytes;

    LogRecovery(SegmentIo io, Path dir, SegmentRegistry registry, QueueCatalog catalog) {
        this.io = io;
        this.dir = dir;
        this.registry = registry;
        this.catalog = catalog;
        this.replay = new LogReplay(catalog);
    }

    End recover() throws IOException {
        Files.deleteIfExists(dir.resolve(Checkpoint.FILE + ".tmp"));
        long nextSpare = registerSpares();
        Optional<Checkpoint.Start> checkpoint = Checkpoint.read(io, dir, catalog);
        long replayFrom = checkpoint.map(Checkpoint.Start::segment).orElse(0L);
        List<Path> files = segmentFiles();
        long nextLsn = checkpoint.map(Checkpoint.Start::lsn).orElse(1L);
        long lastId = 0;
        boolean replaying = false;
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
            if (segment.id() < replayFrom) {
                registry.add(segment);
                continue;
            }
            if ((replaying || checkpoint.isPresent()) && segment.firstLsn() != nextLsn) {
                log.error(
                        "log gap: segment {} starts at LSN {} but the log before it ends at LSN {}; records in"
                                + " between were lost to corruption",
                        file,
                        segment.firstLsn(),
                        nextLsn - 1);
            }
            nextLsn = replaySegment(segment);
            replaying = true;
            registry.add(segment);
        }
        return new End(lastId, nextLsn, nextSpare, replayedBytes);
    }

    /** Registers the spare files for reuse; returns a number above all of theirs. */
    private long registerSpares() throws IOException {
        long next = 1;
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".spare")) {
                    try {
                        next = Math.max(next, Long.parseLong(name.substring(0, name.length() - 6)) + 1);
                        registry.addSpare(p);
                    } catch (NumberFormatException e) {
                        log.warn("ignoring unexpected file {}", p);
                    }
                }
            }
        }
        return next;
    }

    private List<Path> segmentFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> Segment.idOf(p) > 0).forEach(files::add);
        }
        files.sort(Comparator.comparingLong(Segment::idOf));
        return files;
    }

    /**
     * Why replay of a segment stopped before the end of its file: what it found there, and either that the frame
     * claims to be the segment's own (its generation), which makes it a torn or corrupt record, or, for bytes the
     * segment never wrote, what they are if they are the end of the log ({@code asEnd}).
     */
    private record Stop(String found, boolean ownFrame, String asEnd) {
        static Stop own(String found) {
            return new Stop(found, true, null);
        }

        static Stop foreign(String found, String asEnd) {
            return new Stop(found, false, asEnd);
        }
    }

    /** Replays one segment's valid records; returns the LSN after its last one. */
    private long replaySegment(Segment segment) throws IOException {
        long size = segment.size();
        long position = Segment.HEADER_SIZE;
        long expectedLsn = segment.firstLsn();
        int generation = (int) segment.id();
        ByteBuffer header = ByteBuffer.allocate(RecordFrame.HEADER_SIZE);
        Stop stop;
        while (true) {
            header.clear();
            int read = segment.read(header, position);
            if (read == 0) {
                stop = null;
                break;
            }
            if (allZero(header, read)) {
                stop = Stop.foreign("a zero frame header", UNUSED);
                break;
            }
            // a generation field that can be read and is not this segment's: bytes from the file's earlier life
            boolean ownFrame = read < 12 || header.getInt(8) == generation;
            if (read < RecordFrame.HEADER_SIZE) {
                stop = ownFrame
                        ? Stop.own("a frame header cut short by the end of the file")
                        : Stop.foreign(NOT_A_FRAME, EARLIER_USE);
                break;
            }
            int length = header.getInt(0);
            if (length <= 0 || length > RecordFrame.MAX_BODY || position + RecordFrame.HEADER_SIZE + length > size) {
                stop = ownFrame ? Stop.own("a bad record length " + length) : Stop.foreign(NOT_A_FRAME, EARLIER_USE);
                break;
            }
            ByteBuffer frame = ByteBuffer.allocate(RecordFrame.HEADER_SIZE + length);
            frame.put(header.flip());
            segment.read(frame, position + RecordFrame.HEADER_SIZE);
            if (RecordFrame.crc(frame, 0, length) != frame.getInt(4)) {
                stop = ownFrame ? Stop.own("a checksum mismatch") : Stop.foreign(NOT_A_FRAME, EARLIER_USE);
                break;
            }
            if (!ownFrame) {
                stop = Stop.foreign("a record of generation " + frame.getInt(8), EARLIER_USE);
                break;
            }
            long lsn = frame.getLong(12);
            if (lsn != expectedLsn) {
                stop = Stop.own("LSN " + lsn + " where " + expectedLsn + " was expected");
                break;
            }
            List<LogOp> ops;
            try {
                ops = LogOpCodec.decode(new RecordDecoder(
                        frame.position(RecordFrame.HEADER_SIZE).slice()));
            } catch (CorruptRecordException e) {
                stop = Stop.own("an undecodable record (" + e.getMessage() + ")");
                break;
            }
            long bodyPosition = position + RecordFrame.HEADER_SIZE;
            for (LogOp op : ops) {
                replay.apply(op, lsn, segment.id(), bodyPosition);
            }
            expectedLsn++;
            position = bodyPosition + length;
        }
        replayedBytes += position;
        if (stop != null) {
            endSegment(segment, position, expectedLsn, stop);
        }
        return expectedLsn;
    }

    /**
     * Reports, and cuts if need be, where replay of a segment stopped. Bytes the segment never wrote right after its
     * last record (zeros of a preallocated file, stale bytes of a recycled one) are the normal end of what was written
     * there, as after a crash: logged at DEBUG, and the file is left as it is (so it stays preallocated for reuse;
     * replay stops at the same place every time, and nothing is ever written to it again). A torn or corrupt record
     * of the segment's own is damage, WARN; a valid record of its own further on means records were lost, ERROR.
     * Damage is cut: the file is truncated there, so nothing after it is ever replayed.
     */
    private void endSegment(Segment segment, long position, long nextLsn, Stop stop) throws IOException {
        FrameScan.Found later = FrameScan.after(segment, position, (int) segment.id(), nextLsn);
        if (later != null) {
            log.error(
                    "segment {}: cutting the log at offset {} after LSN {}: {}; a valid record (LSN {}) follows at"
                            + " offset {}, so the records of this segment from LSN {} on are lost",
                    segment.path(),
                    position,
                    nextLsn - 1,
                    stop.found(),
                    later.lsn(),
                    later.position(),
                    nextLsn);
        } else if (stop.ownFrame()) {
            log.warn(
                    "segment {}: cutting the log at offset {} after LSN {}: {} (a torn or corrupt record)",
                    segment.path(),
                    position,
                    nextLsn - 1,
                    stop.found());
        } else {
            log.debug(
                    "segment {}: the log ends at offset {} after LSN {}: {}, {}",
                    segment.path(),
                    position,
                    nextLsn - 1,
                    stop.found(),
                    stop.asEnd());
            return;
        }
        try {
            segment.truncate(position);
            segment.force();
        } catch (IOException e) {
            throw new StoreException("cannot cut the corrupt tail of " + segment.path(), e);
        }
    }

    private static boolean allZero(ByteBuffer header, int length) {
        for (int i = 0; i < length; i++) {
            if (header.get(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
