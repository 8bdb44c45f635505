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
 * <p>A segment is read until its first frame that is not a valid next record: a zero length (the unused,
 * preallocated rest of the file), a length beyond the file, a CRC mismatch, a generation other than the segment's
 * (bytes left from the file's earlier life) or an LSN other than the next one. Such a frame is the end of what was
 * written there; anything from it on is cut (the file is truncated there), never replayed. Because the store starts
 * a new segment at every open, a cut tail is never written over, and the next segment's first LSN continues right
 * after the cut.
 */
final class LogRecovery {
    private static final Logger log = LoggerFactory.getLogger(LogRecovery.class);

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
                replay.apply(op, lsn, segment.id(), bodyPosition);
            }
            expectedLsn++;
            position = bodyPosition + length;
        }
        replayedBytes += position;
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
