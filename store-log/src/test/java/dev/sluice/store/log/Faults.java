package dev.sluice.store.log;

import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Switches for injected disk faults, and the {@link SegmentIo} that applies them to every file the store opens; it also
 * counts the forces that succeed, so a test can tell how many group commits a call cost.
 */
final class Faults {
    final AtomicInteger forces = new AtomicInteger();
    volatile boolean failWrites;
    volatile boolean failForces;
    volatile boolean tornWrites;

    SegmentIo io() {
        return (file, options) -> new FaultyChannel(FileChannel.open(file, options), this);
    }

    void heal() {
        failWrites = false;
        failForces = false;
        tornWrites = false;
    }
}
