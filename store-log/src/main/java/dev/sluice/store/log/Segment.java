package dev.sluice.store.log;

import dev.sluice.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * One segment file of the log.
 *
 * <p>Format: a 32-byte header (magic {@code SLUICELG}, format version, the segment's generation, the LSN of its
 * first record, a CRC32C of those fields), then records back to back (see {@link RecordFrame}). A segment's
 * generation is its id, unique for the life of the data folder; records carry it, so bytes left over from whatever
 * the file held before (a recycled segment) never pass as records of this one. After the last record the file holds
 * zeros or such stale bytes, which recovery stops at.
 */
final class Segment implements AutoCloseable {
    static final long MAGIC = 0x534C_5549_4345_4C47L; // "SLUICELG"
    static final int FORMAT_VERSION = 1;
    static final int HEADER_SIZE = 32;

    private final long id;
    private final Path path;
    private final FileChannel channel;
    private final long firstLsn;

    private Segment(long id, Path path, FileChannel channel, long firstLsn) {
        this.id = id;
        this.path = path;
        this.channel = channel;
        this.firstLsn = firstLsn;
    }

    static Path fileName(Path dir, long id) {
        return dir.resolve(String.format("%020d.seg", id));
    }

    /** Parses a segment id from a file name, or -1 if the name is not a segment's. */
    static long idOf(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".seg") || name.length() != 24) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(0, 20));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Creates the segment {@code id}, or takes over the spare file {@code recycled} (preallocated, or an old segment
     * whose stale bytes the new generation makes invalid), and writes and forces its header.
     */
    static Segment create(SegmentIo io, Path dir, long id, long firstLsn, Path recycled) throws IOException {
        Path path = fileName(dir, id);
        if (recycled != null) {
            Files.move(recycled, path);
        }
        FileChannel channel =
                io.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            ByteBuffer header = header(id, firstLsn);
            writeFully(channel, header, 0);
            channel.force(true);
            return new Segment(id, path, channel, firstLsn);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(path);
            throw e;
        }
    }

    /** Writes a spare file of {@code size} zeros and forces it, so a segment made from it starts preallocated. */
    static void preallocate(SegmentIo io, Path file, int size) throws IOException {
        try (FileChannel channel = io.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
            for (long pos = 0; pos < size; ) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), size - pos));
                pos += channel.write(zeros, pos);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    static ByteBuffer header(long id, long firstLsn) {
        ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
        header.putLong(MAGIC).putInt(FORMAT_VERSION).putLong(id).putLong(firstLsn);
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, 28);
        header.putInt((int) crc.getValue());
        return header.flip();
    }

    /**
     * Opens an existing segment and checks its header.
     *
     * @throws StoreException if the segment was written by a newer format version (refuse rather than guess)
     * @throws CorruptRecordException if the header is not a valid segment header
     */
    static Segment open(SegmentIo io, Path path) throws IOException {
        long id = idOf(path);
        FileChannel channel = io.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
            while (header.hasRemaining() && channel.read(header, header.position()) > 0) {
                // keep reading
            }
            if (header.hasRemaining()) {
                throw new CorruptRecordException("segment " + path + " has no complete header");
            }
            header.flip();
            if (header.getLong() != MAGIC) {
                throw new CorruptRecordException("segment " + path + " does not start with the Sluice log magic");
            }
            int version = header.getInt();
            long headerId = header.getLong();
            long firstLsn = header.getLong();
            CRC32C crc = new CRC32C();
            crc.update(header.array(), 0, 28);
            if (header.getInt() != (int) crc.getValue()) {
                throw new CorruptRecordException("segment " + path + " has a corrupt header");
            }
            if (version != FORMAT_VERSION) {
                throw new StoreException("segment " + path + " uses log format version " + version
                        + " but this Sluice reads only version " + FORMAT_VERSION
                        + "; use the Sluice version that wrote it");
            }
            if (headerId != id) {
                throw new CorruptRecordException("segment " + path + " says it is segment " + headerId);
            }
            return new Segment(id, path, channel, firstLsn);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    long id() {
        return id;
    }

    Path path() {
        return path;
    }

    long firstLsn() {
        return firstLsn;
    }

    long size() throws IOException {
        return channel.size();
    }

    /** Reads exactly {@code length} bytes at {@code position}, or fewer if the file ends first. */
    int read(ByteBuffer into, long position) throws IOException {
        int total = 0;
        while (into.hasRemaining()) {
            int n = channel.read(into, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    byte[] readPayload(long offset, int length) {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try {
            if (read(buffer, offset) != length) {
                throw new StoreException("segment " + path + " ends before a payload at " + offset);
            }
        } catch (IOException e) {
            throw new StoreException("cannot read a message payload from " + path, e);
        }
        return buffer.array();
    }

    void write(ByteBuffer buffer, long position) throws IOException {
        writeFully(channel, buffer, position);
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long pos = position;
        while (buffer.hasRemaining()) {
            pos += channel.write(buffer, pos);
        }
    }

    void force() throws IOException {
        channel.force(false);
    }

    void truncate(long size) throws IOException {
        channel.truncate(size);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a read/write channel we are done with; nothing left to lose
        }
    }
}
