package dev.sluice.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

/** Waits until a freshly started server answers an HTTP request with 200. */
final class Readiness {
    private Readiness() {}

    static void await(InetSocketAddress address, String path, ProcessHandle process, Duration timeout, Path logFile)
            throws IOException, InterruptedException {
        byte[] request = JsonRequest.get(address, path);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the server exited during start-up; see " + logFile);
            }
            try (RawHttpConnection connection = RawHttpConnection.open(address, 1_000)) {
                connection.readTimeoutMillis(2_000);
                if (connection.exchange(request).ok()) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IOException("the server did not answer " + path + " within " + timeout + "; see " + logFile);
    }
}
