package dev.sluice.store.log;

import dev.sluice.store.QueueId;
import dev.sluice.store.QueueRecord;
import dev.sluice.store.StoreException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.zip.CheckedOutputStream;

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
     * Writes a checkpoint of the current state; the caller holds the catalog lock. Each queue is snapshotted under
     * its own lock, with its {@code lastLsn}, into memory, and written to the file after the lock is released, so
     * the queue waits for the encoding only, not for the disk.
     *
     * @return payload bytes per segment id that the checkpoint points at
     */
    static Map<Long, Long> write(SegmentIo io, Path dir, QueueCatalog catalog, Start start) throws IOException {
        Path tmp = dir.resolve(FILE + ".tmp");
        Map<Long, Long> referenced = new HashMap<>();
        try (FileChannel channel = io.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            BufferedOutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            CRC32C crc = new CRC32C();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(buffered, crc));
            out.writeLong(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeLong(start.segment());
            out.writeLong(start.lsn());
            out.writeLong(catalog.lastLsn);
            out.writeLong(catalog.nextIncarnation());
            Map<QueueId, Long> tombstones = catalog.tombstones();
            out.writeInt(tombstones.size());
            for (var t : tombstones.entrySet()) {
                writeString(out, t.getKey().account());
                writeString(out, t.getKey().name());
                out.writeLong(t.getValue());
            }
            Map<String, byte[]> settings = catalog.settings();
            out.writeInt(settings.size());
            for (var s : settings.entrySet()) {
                writeString(out, s.getKey());
                writeBytes(out, s.getValue());
            }
            var queues = catalog.queues();
            out.writeInt(queues.size());
            for (QueueIndex q : queues) {
                ByteArrayOutputStream snapshot;
                q.lock.lock();
                try {
                    snapshot = new ByteArrayOutputStream(4096 + 80 * q.table.size());
                    writeQueue(new DataOutputStream(snapshot), q, referenced);
                } finally {
                    q.lock.unlock();
                }
                snapshot.writeTo(out);
            }
            out.flush();
            new DataOutputStream(buffered).writeInt((int) crc.getValue());
            buffered.flush();
            channel.force(true);
        }
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
        return referenced;
    }

    private static void writeQueue(DataOutputStream out, QueueIndex q, Map<Long, Long> referenced) throws IOException {
        QueueRecord r = q.record;
        out.writeLong(r.incarnation());
        writeString(out, r.id().account());
        writeString(out, r.id().name());
        out.writeBoolean(r.fifo());
        writeMap(out, r.attributes());
        writeMap(out, r.tags());
        writeString(out, r.dataKeyId());
        out.writeLong(r.created().toEpochMilli());
        out.writeLong(r.lastModified().toEpochMilli());
        out.writeLong(q.lastLsn);
        out.writeLong(q.nextSequence);
        var dedup = q.dedup.entries();
        out.writeInt(dedup.size());
        for (var d : dedup.entrySet()) {
            writeString(out, d.getKey());
            writeString(out, d.getValue().messageId());
            out.writeLong(d.getValue().sequence());
            out.writeLong(d.getValue().acceptedAt());
        }
        out.writeInt(q.table.size());
        IOException[] failure = new IOException[1];
        q.table.forEach(e -> {
            if (failure[0] == null) {
                try {
                    writeMessage(out, e, referenced);
                } catch (IOException x) {
                    failure[0] = x;
                }
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static void writeMessage(DataOutputStream out, MessageEntry e, Map<Long, Long> referenced)
            throws IOException {
        byte[] pending = e.pendingPayload;
        MessageExtras x = e.extras;
        boolean uuid = x == null || x.rawMessageId() == null;
        int flags = (uuid ? UUID_ID : 0) | (pending != null ? INLINE : 0) | (x != null ? EXTRAS : 0);
        out.writeLong(e.sequence);
        out.writeByte(flags);
        if (uuid) {
            out.writeLong(e.idHigh);
            out.writeLong(e.idLow);
        } else {
            writeString(out, x.rawMessageId());
        }
        out.writeLong(e.sentAt);
        out.writeLong(e.visibleAt);
        out.writeInt(e.receiveCount);
        out.writeLong(e.firstReceivedAt);
        if (x != null) {
            writeString(out, x.groupId());
            writeString(out, x.deduplicationId());
            writeString(out, x.deadLetterSourceArn());
        }
        if (pending != null) {
            writeBytes(out, pending);
        } else {
            out.writeLong(e.location);
            out.writeInt(e.payloadLength);
            referenced.merge((long) e.segment(), (long) e.payloadLength, Long::sum);
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

    private static void writeString(DataOutputStream out, String s) throws IOException {
        writeBytes(out, s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        if (b == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(b.length);
            out.write(b);
        }
    }

    private static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (var e : map.entrySet()) {
            writeString(out, e.getKey());
            writeString(out, e.getValue());
        }
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
