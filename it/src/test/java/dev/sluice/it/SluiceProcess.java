package dev.sluice.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sluice as a separate operating-system process ({@code dev.sluice.server.Main serve}), started with the JDK and class
 * path of the running tests, so a test can kill it with SIGKILL.
 *
 * <p>It listens on a port the system picks ({@code --port 0}) and this class reads the port from its "listening on"
 * line: a port found free here and passed on could be taken by another process before Sluice binds it.
 */
final class SluiceProcess implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final Path log;
    private final long logStart;
    private int port = -1;

    private SluiceProcess(Process process, Path log, long logStart) {
        this.process = process;
        this.log = log;
        this.logStart = logStart;
    }

    /** Starts Sluice on a free port with this data folder and waits until {@code /health/ready} answers 200. */
    static SluiceProcess start(Path dataDir, Path log) throws IOException, InterruptedException {
        var started = launch(dataDir, log);
        try {
            started.awaitReady();
        } catch (IOException | RuntimeException | InterruptedException | Error e) {
            started.kill();
            throw e;
        }
        return started;
    }

    /** Starts Sluice without waiting for it: for starts that are expected to fail. */
    static SluiceProcess launch(Path dataDir, Path log) throws IOException {
        long logStart = Files.exists(log) ? Files.size(log) : 0; // a restart appends to the same log
        var java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.sluice.server.Main",
                "serve",
                "--bind",
                "127.0.0.1",
                "--port",
                "0",
                "--data-dir",
                dataDir.toString()));
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new SluiceProcess(process, log, logStart);
    }

    /** Waits for the process to end; its exit code, or empty if it still runs after the timeout. */
    java.util.OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                ? java.util.OptionalInt.of(process.exitValue())
                : java.util.OptionalInt.empty();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** SIGTERM: asks for a graceful shutdown; true if the process ended within the timeout. */
    boolean terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The port it listens on, once {@link #start} returned. */
    int port() {
        if (port < 0) {
            throw new IllegalStateException("not ready yet");
        }
        return port;
    }

    /** SIGKILL: no shutdown hook, no flush, no clean close. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** Waits for the "listening on" line of this start, then for {@code /health/ready} on the port it names. */
    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError(
                            "Sluice exited with " + process.exitValue() + " before it was ready:\n" + logTail());
                }
                if (port < 0) {
                    port = listeningPort();
                }
                if (port >= 0 && answersReady(client)) {
                    return;
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("Sluice was not ready within " + READY_TIMEOUT + ":\n" + logTail());
    }

    /** The port this start's "listening on" line names, or -1 before the line is written. */
    private int listeningPort() throws IOException {
        Matcher listening = LISTENING.matcher(logSinceStart());
        return listening.find() ? Integer.parseInt(listening.group(1)) : -1;
    }

    private boolean answersReady(HttpClient client) throws InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(endpoint() + "/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not answering yet
        }
    }

    private String logSinceStart() throws IOException {
        byte[] all = Files.readAllBytes(log);
        int from = (int) Math.min(logStart, all.length);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    String logTail() throws IOException {
        var lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
