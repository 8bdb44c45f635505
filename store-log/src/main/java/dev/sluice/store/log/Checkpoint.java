package dev.sluice.store.log;

import dev.sluice.store.QueueId;
import dev.sluice.store.QueueRecord;
import dev.sluice.store.StoreException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

/**
 * A snapshot of the whole store state (catalog, settings, every queue's index with payload positions) in the file
 * {@code checkpoint}, so recovery loads it and replays only the log after it.
 *
 * <p>Format (big-endian, streamed): magic {@code SLUICECP}, format version, the segment and LSN replay starts at,
 * the catalog's LSN, the incarnation counter, tombstones, settings, then per queue its record, LSN, next sequence,
 * deduplication history and messages; a CRC32C of all of it at the end. A message's payload is a position in a
 * segment, or inline for the few messages whose payload had not reached a segment yet. Written to a temporary file,
 * forced, then renamed over the previous one, so a crash leaves either the old or the new checkpoint.
 */
final class Checkpoint {
    static final String FILE = "checkpoint";
    private static final long MAGIC = 0x534C_5549_4345_4350L; // "SLUICECP"
    private static final int FORMAT_VERSION = 1;
    private static final int UUID_ID = 1;
    private static final int INLINE = 2;
    private static final int EXTRAS = 4;

    /** Where replay starts after this checkpoint. */
    record Start(long segment, long lsn) {}

    private Checkpoint() {}

    /**
     * What a written checkpoint holds.
     *
     * @param referenced payload bytes per segment id that the checkpoint points at
     * @param size the file's size in bytes
     * @param messages the number of messages in it
     */
    record Written(Map<Long, Long> referenced, long size, long messages) {}

    /**
     * Writes a checkpoint of the current state; the caller holds the catalog lock. Each queue is encoded under its
     * own lock, with its {@code lastLsn}, into memory (one pass over its messages, plain puts into reused chunks: the
     * lock is held for the encoding only), and written to the file after the lock is released, so the queue never
     * waits for the disk. The queue is one consistent cut: replay after the checkpoint skips exactly the records
     * its {@code lastLsn} covers (see {@link LogReplay}), so it is not split across lock holds.
     */
    static Written write(SegmentIo io, Path dir, QueueCatalog catalog, Start start) throws IOException {
        Path tmp = dir.resolve(FILE + ".tmp");
        SegmentTally referenced = new SegmentTally();
        CheckpointEncoder out = new CheckpointEncoder();
        CRC32C crc = new CRC32C();
        long size;
        long messages = 0;
        try (FileChannel channel = io.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.putLong(MAGIC);
            out.putInt(FORMAT_VERSION);
            out.putLong(start.segment());
            out.putLong(start.lsn());
            out.putLong(catalog.lastLsn);
            out.putLong(catalog.nextIncarnation());
            Map<QueueId, Long> tombstones = catalog.tombstones();
            out.putInt(tombstones.size());
            for (var t : tombstones.entrySet()) {
                out.putString(t.getKey().account());
                out.putString(t.getKey().name());
                out.putLong(t.getValue());
            }
            Map<String, byte[]> settings = catalog.settings();
            out.putInt(settings.size());
            for (var s : settings.entrySet()) {
                out.putString(s.getKey());
                out.putBytes(s.getValue());
            }
            var queues = catalog.queues();
            out.putInt(queues.size());
            size = out.drainTo(channel, crc);
            for (QueueIndex q : queues) {
                q.lock.lock();
                try {
                    messages += q.table.size();
                    writeQueue(out, q, referenced);
                } finally {
                    q.lock.unlock();
                }
                size += out.drainTo(channel, crc);
            }
            ByteBuffer checksum =
                    ByteBuffer.allocate(4).putInt((int) crc.getValue()).flip();
            while (checksum.hasRemaining()) {
                channel.write(checksum);
            }
            size += 4;
            channel.force(true);
        }
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
        return new Written(referenced.totals(), size, messages);
    }

    private static void writeQueue(CheckpointEncoder out, QueueIndex q, SegmentTally referenced) {
        QueueRecord r = q.record;
        out.putLong(r.incarnation());
        out.putString(r.id().account());
        out.putString(r.id().name());
        out.putBoolean(r.fifo());
        out.putMap(r.attributes());
        out.putMap(r.tags());
        out.putString(r.dataKeyId());
        out.putLong(r.created().toEpochMilli());
        out.putLong(r.lastModified().toEpochMilli());
        out.putLong(q.lastLsn);
        out.putLong(q.nextSequence);
        var dedup = q.dedup.entries();
        out.putInt(dedup.size());
        for (var d : dedup.entrySet()) {
            out.putString(d.getKey());
            out.putString(d.getValue().messageId());
            out.putLong(d.getValue().sequence());
            out.putLong(d.getValue().acceptedAt());
        }
        out.putInt(q.table.size());
        q.table.forEach(e -> writeMessage(out, e, referenced));
    }

    private static void writeMessage(CheckpointEncoder out, MessageEntry e, SegmentTally referenced) {
        // the volatile read first: a null here means the writer's location is visible too (see MessageEntry)
        byte[] pending = e.pendingPayload;
        MessageExtras x = e.extras;
        boolean uuid = x == null || x.rawMessageId() == null;
        int flags = (uuid ? UUID_ID : 0) | (pending != null ? INLINE : 0) | (x != null ? EXTRAS : 0);
        out.putLong(e.sequence);
        out.putByte(flags);
        if (uuid) {
            out.putLong(e.idHigh);
            out.putLong(e.idLow);
        } else {
            out.putString(x.rawMessageId());
        }
        out.putLong(e.sentAt);
        out.putLong(e.visibleAt);
        out.putInt(e.receiveCount);
        out.putLong(e.firstReceivedAt);
        if (x != null) {
            out.putString(x.groupId());
            out.putString(x.deduplicationId());
            out.putString(x.deadLetterSourceArn());
        }
        if (pending != null) {
            out.putBytes(pending);
        } else {
            long location = e.location;
            int length = e.payloadLength;
            out.putLong(location);
            out.putInt(length);
            referenced.add((int) (location >>> 32), length); // the segment id, as MessageEntry.segment()
        }
    }

    /**
     * Loads the checkpoint into an empty catalog.
     *
     * @return where replay starts, or empty if there is no checkpoint
     * @throws StoreException if the checkpoint is corrupt or of a newer format
     */
    static Optional<Start> read(SegmentIo io, Path dir, QueueCatalog catalog) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = io.open(file, StandardOpenOption.READ)) {
            InputStream buffered = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
            CRC32C crc = new CRC32C();
            DataInputStream in = new DataInputStream(new CheckedInputStream(buffered, crc));
            if (in.readLong() != MAGIC) {
                throw new StoreException("the checkpoint " + file + " is not a Sluice checkpoint");
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new StoreException("the checkpoint " + file + " uses format version " + version
                        + " but this Sluice reads only version " + FORMAT_VERSION
                        + "; use the Sluice version that wrote it");
            }
            Start start = new Start(in.readLong(), in.readLong());
            catalog.lastLsn = in.readLong();
            catalog.checkpointLsn = catalog.lastLsn;
            catalog.advanceIncarnation(in.readLong());
            int tombstones = in.readInt();
            for (int i = 0; i < tombstones; i++) {
                catalog.restoreTombstone(new QueueId(readString(in), readString(in)), in.readLong());
            }
            int settings = in.readInt();
            for (int i = 0; i < settings; i++) {
                catalog.applySetting(readString(in), readBytes(in));
            }
            int queues = in.readInt();
            for (int i = 0; i < queues; i++) {
                readQueue(in, catalog);
            }
            int expected = (int) crc.getValue();
            if (new DataInputStream(buffered).readInt() != expected) {
                throw new StoreException("the checkpoint " + file + " is corrupt (checksum mismatch)");
            }
            return Optional.of(start);
        } catch (EOFException | RuntimeException e) {
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("the checkpoint " + file + " is corrupt: " + e, e);
        }
    }

    private static void readQueue(DataInputStream in, QueueCatalog catalog) throws IOException {
        long incarnation = in.readLong();
        QueueId id = new QueueId(readString(in), readString(in));
        boolean fifo = in.readBoolean();
        Map<String, String> attributes = readMap(in);
        Map<String, String> tags = readMap(in);
        String dataKeyId = readString(in);
        Instant created = Instant.ofEpochMilli(in.readLong());
        Instant modified = Instant.ofEpochMilli(in.readLong());
        QueueIndex q = catalog.applyPut(
                new QueueRecord(id, incarnation, fifo, attributes, tags, dataKeyId, created, modified));
        q.lastLsn = in.readLong();
        q.checkpointLsn = q.lastLsn;
        long nextSequence = in.readLong();
        int dedup = in.readInt();
        for (int i = 0; i < dedup; i++) {
            String key = readString(in);
            q.dedup.put(key, new DedupHistory.Accepted(readString(in), in.readLong(), in.readLong()));
        }
        int messages = in.readInt();
        for (int i = 0; i < messages; i++) {
            MessageEntry e = readMessage(in);
            q.insert(e, e.sentAt);
        }
        q.nextSequence = Math.max(q.nextSequence, nextSequence);
    }

    private static MessageEntry readMessage(DataInputStream in) throws IOException {
        long sequence = in.readLong();
        int flags = in.readByte();
        long high = 0;
        long low = 0;
        String rawId = null;
        if ((flags & UUID_ID) != 0) {
            high = in.readLong();
            low = in.readLong();
        } else {
            rawId = readString(in);
        }
        long sentAt = in.readLong();
        long visibleAt = in.readLong();
        int receiveCount = in.readInt();
        long firstReceivedAt = in.readLong();
        MessageExtras extras = null;
        if ((flags & EXTRAS) != 0) {
            extras = new MessageExtras(readString(in), readString(in), readString(in), rawId);
        }
        MessageEntry e =
                new MessageEntry(sequence, high, low, sentAt, visibleAt, receiveCount, firstReceivedAt, extras);
        if ((flags & INLINE) != 0) {
            byte[] payload = readBytes(in);
            e.payloadLength = payload.length;
            e.pendingPayload = payload;
        } else {
            e.location = in.readLong();
            e.payloadLength = in.readInt();
        }
        return e;
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = readBytes(in);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > RecordFrame.MAX_BODY) {
            throw new StoreException("bad length " + length + " in the checkpoint");
        }
        return in.readNBytes(length);
    }

    private static Map<String, String> readMap(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < n; i++) {
            map.put(readString(in), readString(in));
        }
        return map;
    }
}
