package dev.sluice.store.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The seam through which the store opens its files; tests wrap the returned channels to inject torn writes, full
 * disks and failing forces.
 */
@FunctionalInterface
public interface SegmentIo {
    FileChannel open(Path file, StandardOpenOption... options) throws IOException;

    /** Plain {@link FileChannel#open}. */
    static SegmentIo files() {
        return FileChannel::open;
    }
}
