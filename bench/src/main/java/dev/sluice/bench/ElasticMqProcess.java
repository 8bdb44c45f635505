package dev.sluice.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** ElasticMQ, the peer, started through its start script (in memory; the script prints the server's pid). */
final class ElasticMqProcess implements Server {
    private static final Logger log = LoggerFactory.getLogger(ElasticMqProcess.class);

    private final Path startScript;
    private final List<String> jvmOptions;
    private InetSocketAddress address;
    private long pid = -1;
    private Duration startedIn = Duration.ZERO;

    ElasticMqProcess(Path startScript, List<String> jvmOptions) {
        this.startScript = startScript;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    @Override
    public String name() {
        return "ElasticMQ";
    }

    @Override
    public void start() throws Exception {
        address = new InetSocketAddress("127.0.0.1", Ports.free());
        ProcessBuilder builder =
                new ProcessBuilder("bash", startScript.toString()).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("PORT", Integer.toString(address.getPort()));
        if (!jvmOptions.isEmpty()) {
            String inherited = builder.environment().getOrDefault("EMQ_JAVA_OPTS", "");
            builder.environment().put("EMQ_JAVA_OPTS", (String.join(" ", jvmOptions) + " " + inherited).trim());
        }
        long started = System.nanoTime();
        Process script = builder.start();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (script.waitFor() != 0) {
            throw new IOException("ElasticMQ did not start: " + output);
        }
        pid = output.lines()
                .map(String::strip)
                .filter(line -> line.matches("[0-9]+"))
                .map(Long::parseLong)
                .reduce((first, second) -> second)
                .orElseThrow(() -> new IOException("the ElasticMQ start script printed no pid: " + output));
        startedIn = Duration.ofNanos(System.nanoTime() - started);
        log.info("ElasticMQ pid {} ready on {} in {} ms", pid, address, startedIn.toMillis());
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
        return pid;
    }

    @Override
    public Optional<Duration> restartOnSameData() {
        return Optional.empty();
    }

    @Override
    public void close() {
        if (pid > 0) {
            Processes.stop(pid, 30);
            pid = -1;
        }
    }
}
