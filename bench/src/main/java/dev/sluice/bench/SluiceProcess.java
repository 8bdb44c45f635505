package dev.sluice.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sluice started from its runnable jar with a fresh data folder (fsync on, its default). */
final class SluiceProcess implements Server {
    private static final Logger log = LoggerFactory.getLogger(SluiceProcess.class);

    private final Path java;
    private final Path jar;
    private final List<String> jvmOptions;
    private final Path workDir;
    private Process process;
    private InetSocketAddress address;
    private Path dataDir;
    private Duration startedIn = Duration.ZERO;

    SluiceProcess(Path java, Path jar, List<String> jvmOptions, Path workDir) {
        this.java = java;
        this.jar = jar;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.workDir = workDir;
    }

    @Override
    public String name() {
        return "Sluice";
    }

    @Override
    public void start() throws Exception {
        address = new InetSocketAddress("127.0.0.1", Ports.free());
        dataDir = Files.createTempDirectory(workDir, "sluice-data-");
        startedIn = launch();
        log.info("Sluice pid {} ready on {} in {} ms", pid(), address, startedIn.toMillis());
    }

    private Duration launch() throws Exception {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "serve",
                "--port",
                Integer.toString(address.getPort()),
                "--data-dir",
                dataDir.toString()));
        Path logFile = workDir.resolve("sluice-" + address.getPort() + ".log");
        long started = System.nanoTime();
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        Readiness.await(address, "/health/ready", process.toHandle(), Duration.ofSeconds(120), logFile);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public Duration startedIn() {
        return startedIn;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public Optional<Duration> restartOnSameData() throws Exception {
        long stopping = System.nanoTime();
        Processes.stop(process.pid(), 60);
        log.info(
                "Sluice stopped (SIGTERM) in {} ms; restarting on {}",
                (System.nanoTime() - stopping) / 1_000_000,
                dataDir);
        return Optional.of(launch());
    }

    @Override
    public void close() {
        if (process != null) {
            Processes.stop(process.pid(), 30);
            process = null;
        }
        if (dataDir != null) {
            deleteTree(dataDir);
            dataDir = null;
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete {}: {}", root, e.toString());
        }
    }
}
