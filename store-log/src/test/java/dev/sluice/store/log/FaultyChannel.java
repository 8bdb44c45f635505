package dev.sluice.store.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/** A file channel that fails writes or forces on demand (see {@link Faults}); everything else goes to the file. */
final class FaultyChannel extends FileChannel {
    private final FileChannel file;
    private final Faults faults;

    FaultyChannel(FileChannel file, Faults faults) {
        this.file = file;
        this.faults = faults;
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        if (faults.tornWrites) {
            // half the bytes reach the file, then the "power" goes
            ByteBuffer half = src.duplicate();
            half.limit(src.position() + src.remaining() / 2);
            file.write(half, position);
            throw new IOException("injected torn write");
        }
        if (faults.failWrites) {
            throw new IOException("No space left on device (injected)");
        }
        return file.write(src, position);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (faults.failWrites || faults.tornWrites) {
            throw new IOException("No space left on device (injected)");
        }
        return file.write(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        if (faults.failWrites || faults.tornWrites) {
            throw new IOException("No space left on device (injected)");
        }
        return file.write(srcs, offset, length);
    }

    @Override
    public void force(boolean metaData) throws IOException {
        if (faults.failForces) {
            throw new IOException("Input/output error (injected)");
        }
        file.force(metaData);
        faults.forces.incrementAndGet();
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return file.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return file.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return file.read(dst, position);
    }

    @Override
    public long position() throws IOException {
        return file.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        file.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return file.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        file.truncate(size);
        return this;
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return file.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        return file.transferFrom(src, position, count);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return file.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return file.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return file.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        file.close();
    }
}
