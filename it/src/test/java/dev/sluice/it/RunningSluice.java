package dev.sluice.it;

import java.nio.file.Path;

/** A Sluice started in this JVM through the server module's entry point, on a random port. */
final class RunningSluice implements AutoCloseable {
    private final int port;

    private RunningSluice(int port) {
        this.port = port;
    }

    static RunningSluice start(Path dataDir) {
        throw new UnsupportedOperationException("in-process start not wired yet; use -Dsluice.it.endpoint " + dataDir);
    }

    int port() {
        return port;
    }

    @Override
    public void close() {}
}
