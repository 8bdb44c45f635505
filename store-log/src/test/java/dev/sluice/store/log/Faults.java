package dev.sluice.store.log;

import java.nio.channels.FileChannel;

/** Switches for injected disk faults, and the {@link SegmentIo} that applies them to every file the store opens. */
final class Faults {
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
