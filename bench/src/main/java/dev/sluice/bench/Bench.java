package dev.sluice.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The benchmark's command line: runs the chosen scenarios against Sluice and ElasticMQ in the same run,
 * alternating A B A B round by round, and writes a markdown report of medians and ratios.
 *
 * <p>Design: both servers run as separate processes on 127.0.0.1, started and stopped by this process by pid.
 * Throughput scenarios keep one server process per scenario across rounds (steady state after a warm-up);
 * memory scenarios start fresh processes every round so that one round's heap growth does not colour the next.
 * The report gives ratios because the machine is noisy: two identical servers differ by up to 50%.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmark Sluice against ElasticMQ: raw-send, pipeline, longpoll, backlog or all.")
public final class Bench implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(Bench.class);

    @Parameters(index = "0", defaultValue = "all", description = "raw-send, pipeline, longpoll, backlog or all")
    private String scenario;

    @Option(names = "--rounds", defaultValue = "3", description = "rounds per scenario (A B A B)")
    private int rounds;

    @Option(names = "--backlog-rounds", defaultValue = "1", description = "rounds of the (long) backlog scenario")
    private int backlogRounds;

    @Option(names = "--servers", split = ",", defaultValue = "sluice,elasticmq", description = "servers to measure")
    private List<String> servers;

    @Option(names = "--sluice-jar", defaultValue = "server/target/sluice.jar")
    private Path sluiceJar;

    @Option(names = "--sluice-java", description = "java launcher for Sluice (default: the one running the bench)")
    private Path sluiceJava;

    @Option(names = "--elasticmq-start", defaultValue = "../shared/peers/elasticmq/start.sh")
    private Path elasticMqStart;

    @Option(names = "--server-jvm-opts", defaultValue = "", description = "JVM options given to both servers")
    private String serverJvmOptions;

    @Option(
            names = "--sluice-jvm-opts",
            defaultValue = "",
            description = "JVM options given to Sluice only, after --server-jvm-opts (bench/run.sh passes the"
                    + " defaults of bin/sluice, so Sluice is measured as users run it)")
    private String sluiceJvmOptions;

    @Option(names = "--out", defaultValue = "bench-results/bench.md", description = "markdown report file")
    private Path out;

    @Option(names = "--work-dir", description = "data folders and server logs (default: a new temp folder)")
    private Path workDir;

    @Option(
            names = "--warmup-rounds",
            description = "uncounted rounds per server before the counted ones (raw-send, pipeline; default: 1 for"
                    + " raw-send, 3 for pipeline); both servers' throughput keeps rising for about a minute of load, so"
                    + " 5 measure raw-send at steady state")
    private Integer warmupRounds;

    @Option(names = "--warmup", defaultValue = "3", description = "seconds of warm-up (raw-send, pipeline)")
    private int warmupSeconds;

    @Option(names = "--duration", defaultValue = "10", description = "measured seconds (raw-send, pipeline)")
    private int durationSeconds;

    @Option(names = "--connections", defaultValue = "128", description = "raw-send keep-alive connections")
    private int connections;

    @Option(names = "--producers", defaultValue = "16")
    private int producers;

    @Option(names = "--consumers", defaultValue = "32")
    private int consumers;

    @Option(names = "--window", defaultValue = "1000", description = "pipeline: messages between send and delete")
    private int window;

    @Option(names = "--wait-time", defaultValue = "2", description = "pipeline: WaitTimeSeconds of the consumers")
    private int waitTimeSeconds;

    @Option(names = "--polls", defaultValue = "10000", description = "longpoll: concurrent idle long polls")
    private int polls;

    @Option(names = "--poll-messages", defaultValue = "200", description = "longpoll: messages sent, 20 ms apart")
    private int pollMessages;

    @Option(names = "--backlog-messages", defaultValue = "1000000")
    private int backlogMessages;

    @Option(names = "--backlog-connections", defaultValue = "32")
    private int backlogConnections;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path work = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("sluice-bench-");
        Path java = sluiceJava != null ? sluiceJava : Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> jvmOptions = words(serverJvmOptions);
        List<String> sluiceOptions = new ArrayList<>(jvmOptions);
        sluiceOptions.addAll(words(sluiceJvmOptions));
        List<Server> targets = new ArrayList<>();
        if (servers.contains("sluice")) {
            targets.add(new SluiceProcess(java, sluiceJar.toAbsolutePath(), sluiceOptions, work));
        }
        if (servers.contains("elasticmq")) {
            targets.add(new ElasticMqProcess(elasticMqStart.toAbsolutePath(), jvmOptions));
        }
        List<String> header = header(java, jvmOptions, work);
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario selected : scenarios()) {
            results.add(run(selected, targets));
        }
        header.add("load average at the end: " + Machine.loadAverage());
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, Report.markdown(header, results));
        log.info("report written to {}", out);
        return 0;
    }

    private List<Scenario> scenarios() {
        Duration warmup = Duration.ofSeconds(warmupSeconds);
        Duration duration = Duration.ofSeconds(durationSeconds);
        Map<String, Scenario> all = new LinkedHashMap<>();
        all.put("raw-send", new RawSend(connections, warmup, duration));
        all.put("pipeline", new Pipeline(producers, consumers, window, waitTimeSeconds, warmup, duration));
        all.put("longpoll", new LongPoll(polls, pollMessages, Duration.ofMillis(20)));
        all.put("backlog", new Backlog(backlogMessages, backlogConnections));
        if (scenario.equals("all")) {
            return List.copyOf(all.values());
        }
        Scenario chosen = all.get(scenario);
        if (chosen == null) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this),
                    "unknown scenario " + scenario + "; choose from " + all.keySet() + " or all");
        }
        return List.of(chosen);
    }

    private ScenarioResult run(Scenario scenario, List<Server> targets) {
        int roundCount = scenario instanceof Backlog ? backlogRounds : rounds;
        boolean fresh = scenario.freshServersEachRound();
        Map<Server, List<Measurement>> byServer = new LinkedHashMap<>();
        Map<Server, String> notStarted = new LinkedHashMap<>();
        targets.forEach(server -> byServer.put(server, new ArrayList<>()));
        try {
            if (!fresh) {
                targets.forEach(server -> start(server).ifPresent(failure -> notStarted.put(server, failure)));
                // A cold JVM (either server's) runs several times slower for its first seconds.
                int warmRounds = warmupRounds != null ? warmupRounds : scenario.defaultWarmupRounds();
                for (int warm = 1; warm <= warmRounds; warm++) {
                    for (Server server : targets) {
                        log.info("{} warm-up round {} (not counted): {}", scenario.name(), warm, server.name());
                        runRound(scenario, server, 0, false, notStarted.get(server));
                    }
                }
            }
            for (int round = 1; round <= roundCount; round++) {
                for (Server server : targets) {
                    log.info("{} round {}/{}: {}", scenario.name(), round, roundCount, server.name());
                    byServer.get(server).add(runRound(scenario, server, round, fresh, notStarted.get(server)));
                }
            }
        } finally {
            if (!fresh) {
                targets.forEach(Server::close);
            }
        }
        return new ScenarioResult(scenario, roundsOf(byServer, "Sluice"), roundsOf(byServer, "ElasticMQ"));
    }

    private static Measurement runRound(Scenario scenario, Server server, int round, boolean fresh, String notStarted) {
        if (notStarted != null) {
            return Measurement.failed("server did not start: " + notStarted);
        }
        try {
            if (fresh) {
                String failure = start(server).orElse(null);
                if (failure != null) {
                    return Measurement.failed("server did not start: " + failure);
                }
            }
            Measurement measurement = scenario.run(server, round);
            log.info(
                    "{} {} round {}: {} {}",
                    scenario.name(),
                    server.name(),
                    round,
                    measurement.values(),
                    measurement.notes());
            return measurement;
        } catch (Exception e) {
            log.warn("{} round {} failed on {}", scenario.name(), round, server.name(), e);
            return Measurement.failed("failed: " + e);
        } finally {
            if (fresh) {
                server.close();
            }
        }
    }

    private static java.util.Optional<String> start(Server server) {
        try {
            server.start();
            return java.util.Optional.empty();
        } catch (Exception e) {
            log.warn("{} did not start", server.name(), e);
            server.close();
            return java.util.Optional.of(e.toString());
        }
    }

    private static List<Measurement> roundsOf(Map<Server, List<Measurement>> byServer, String name) {
        return byServer.entrySet().stream()
                .filter(entry -> entry.getKey().name().equals(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(List.of());
    }

    private static List<String> words(String options) {
        return options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }

    private List<String> header(Path java, List<String> jvmOptions, Path work) {
        List<String> lines = new ArrayList<>();
        lines.add("date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        lines.add("machine: " + Machine.cpus() + ", " + Machine.memory() + ", Linux " + Machine.kernel()
                + ", load average at the start: " + Machine.loadAverage());
        lines.add("Sluice: " + sluiceJar + " on " + Machine.javaVersion(java.toString())
                + ", fsync on (default), data folder under " + work);
        lines.add("ElasticMQ 1.7.1 (in memory) via " + elasticMqStart + " on " + Machine.javaVersion("java")
                + (System.getenv("EMQ_JAVA_OPTS") == null ? "" : ", EMQ_JAVA_OPTS=" + System.getenv("EMQ_JAVA_OPTS")));
        lines.add("server JVM options (both): "
                + (jvmOptions.isEmpty() ? "none (JVM defaults: G1, max heap 1/4 of RAM)" : String.join(" ", jvmOptions))
                + "; Sluice only: " + (sluiceJvmOptions.isBlank() ? "none" : sluiceJvmOptions.trim()));
        lines.add("load generator: this JVM (" + Runtime.version() + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB), " + Machine.openFilesLimit());
        lines.add(String.format(
                "settings: rounds %d after %s uncounted (backlog %d); raw-send %d connections; pipeline %d producers, %d consumers,"
                        + " window %d, WaitTimeSeconds %d; warm-up %d s, measured %d s; longpoll %d polls"
                        + " (WaitTimeSeconds 20), %d messages; backlog %,d x 1 KiB over %d connections",
                rounds,
                warmupRounds != null ? warmupRounds : "1 (raw-send) or 3 (pipeline)",
                backlogRounds,
                connections,
                producers,
                consumers,
                window,
                waitTimeSeconds,
                warmupSeconds,
                durationSeconds,
                polls,
                pollMessages,
                backlogMessages,
                backlogConnections));
        return lines;
    }
}
