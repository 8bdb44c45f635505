package dev.sluice.server;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice serve}: runs Sluice until SIGTERM or Ctrl-C, then shuts it down gracefully. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Serve the SQS API (AWS JSON 1.0 and AWS Query) on one port.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Option(
            names = "--bind",
            defaultValue = "${env:SLUICE_BIND:-127.0.0.1}",
            description = "Address to listen on (env SLUICE_BIND; default ${DEFAULT-VALUE}).")
    String bind;

    @Option(
            names = "--port",
            defaultValue = "${env:SLUICE_PORT:-9324}",
            description = "Port to listen on, 0 for any free one (env SLUICE_PORT; default ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--data-dir",
            defaultValue = "${env:SLUICE_DATA_DIR:-./data}",
            description = "Data folder (env SLUICE_DATA_DIR; default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--advertised-url",
            defaultValue = "${env:SLUICE_ADVERTISED_URL:-}",
            description = "Base of the queue URLs handed out, e.g. http://sqs.example:9324 (env SLUICE_ADVERTISED_URL;"
                    + " default: the Host header of each request).")
    String advertisedUrl;

    @Option(
            names = "--region",
            defaultValue = "${env:SLUICE_REGION:-us-east-1}",
            description = "Region named in queue ARNs (env SLUICE_REGION; default ${DEFAULT-VALUE}).")
    String region;

    @Option(
            names = "--max-body-bytes",
            defaultValue = "${env:SLUICE_MAX_BODY_BYTES:-4194304}",
            description = "Largest request body accepted; larger ones get RequestEntityTooLarge (413)"
                    + " (env SLUICE_MAX_BODY_BYTES; default ${DEFAULT-VALUE}, room for a 1 MiB message encoded).")
    int maxBodyBytes;

    @Option(
            names = "--io-threads",
            defaultValue = "${env:SLUICE_IO_THREADS:-0}",
            description = "HTTP event-loop threads (env SLUICE_IO_THREADS; default 0: one per core).")
    int ioThreads;

    @Override
    public Integer call() {
        if (port < 0 || port > 65_535) {
            log.error("Sluice could not start: --port must be between 0 and 65535, not {}", port);
            return 2;
        }
        if (maxBodyBytes < 1) {
            log.error("Sluice could not start: --max-body-bytes must be positive, not {}", maxBodyBytes);
            return 2;
        }
        if (ioThreads < 0) {
            log.error("Sluice could not start: --io-threads must not be negative, not {}", ioThreads);
            return 2;
        }
        ServerConfig config = ServerConfig.defaults(dataDir)
                .withBind(bind, port)
                .withAdvertisedUrl(advertisedUrl)
                .withRegion(region)
                .withMaxBodyBytes(maxBodyBytes)
                .withIoThreads(ioThreads);
        String masterKey = System.getenv("SLUICE_MASTER_KEY");
        if (masterKey != null && !masterKey.isBlank()) {
            config = config.withMasterKey(masterKey);
        }
        // A SIGTERM during the start ends the process without a graceful close (the store recovers at the next
        // start); one after it closes Sluice gracefully.
        AtomicReference<SluiceServer> started = new AtomicReference<>();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> Optional.ofNullable(started.get()).ifPresent(SluiceServer::close), "sluice-shutdown"));
        SluiceServer server;
        try {
            server = SluiceServer.start(config);
        } catch (RuntimeException e) {
            log.error(
                    "Sluice could not start: {}",
                    Optional.ofNullable(e.getMessage()).orElse(e.toString()));
            log.debug("Start failure", e);
            return 1;
        }
        started.set(server);
        try {
            server.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        return 0;
    }
}
