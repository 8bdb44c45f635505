package dev.sluice.bench;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/** A server under test, started as its own process on 127.0.0.1 and stopped by its process id. */
interface Server extends AutoCloseable {

    String name();

    void start() throws Exception;

    InetSocketAddress address();

    /** How long the last start took, from launching the process until the server answered. */
    Duration startedIn();

    long pid();

    /**
     * Stops the server gracefully and starts it again on the same data, returning the time from the new process's
     * start until it answers; empty for a server that keeps nothing across a restart.
     */
    Optional<Duration> restartOnSameData() throws Exception;

    /** Stops the server; a stopped server may be started again, fresh. */
    @Override
    void close();
}
