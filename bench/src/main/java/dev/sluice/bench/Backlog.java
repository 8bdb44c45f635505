package dev.sluice.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A large backlog: fill one queue with 1 KiB messages through concurrent raw SendMessageBatch requests, read the
 * server's resident memory holding it, then (for a durable server) restart it on the same data and time how long
 * until it answers again, and check that the backlog is all there.
 */
final class Backlog implements Scenario {
    private static final Logger log = LoggerFactory.getLogger(Backlog.class);
    private static final String FILL_RATE = "fill rate (SendMessageBatch x10)";
    private static final String RSS = "RSS holding backlog";
    private static final String PEAK = "peak RSS (VmHWM)";
    private static final String RSS_GC = "RSS after a full GC (jcmd GC.run)";
    private static final String START = "start until ready (empty data)";
    private static final String COUNT = "ApproximateNumberOfMessages";
    private static final String READY = "restart until /health/ready";
    private static final String COUNT_AFTER = "messages after restart";
    private static final String RSS_AFTER = "RSS after restart";

    private final int messages;
    private final int connections;

    Backlog(int messages, int connections) {
        this.messages = messages;
        this.connections = connections;
    }

    @Override
    public String name() {
        return "backlog";
    }

    @Override
    public List<Metric> metrics() {
        return List.of(
                new Metric(FILL_RATE, "msg/s", Goal.NONE),
                new Metric(COUNT, "msgs", Goal.NONE),
                new Metric(RSS, "MiB", Goal.sluiceBelow(1024)),
                new Metric(PEAK, "MiB", Goal.NONE),
                new Metric(RSS_GC, "MiB", Goal.NONE),
                new Metric(START, "s", Goal.NONE),
                new Metric(READY, "s", Goal.sluiceBelow(10)),
                new Metric(COUNT_AFTER, "msgs", Goal.NONE),
                new Metric(RSS_AFTER, "MiB", Goal.NONE));
    }

    @Override
    public boolean freshServersEachRound() {
        return true;
    }

    @Override
    public Measurement run(Server server, int round) throws Exception {
        Map<String, Double> values = new HashMap<>();
        List<String> notes = new ArrayList<>();
        String queueUrl;
        try (QueueAdmin admin = new QueueAdmin(server.address())) {
            queueUrl = admin.createQueue("bench-backlog-" + round, Map.of());
        }
        long started = System.nanoTime();
        long sent = fill(server.address(), queueUrl, notes);
        double seconds = (System.nanoTime() - started) / 1e9;
        values.put(FILL_RATE, sent / seconds);
        log.info("{}: {} messages sent in {} s", server.name(), sent, Math.round(seconds));
        Thread.sleep(3_000);
        values.put(RSS, ProcessMemory.residentMiB(server.pid()));
        values.put(PEAK, ProcessMemory.peakResidentMiB(server.pid()));
        try (QueueAdmin admin = new QueueAdmin(server.address())) {
            values.put(COUNT, (double) admin.approximateNumberOfMessages(queueUrl));
        }
        try {
            Jcmd.fullGc(server.pid());
            Thread.sleep(2_000);
            values.put(RSS_GC, ProcessMemory.residentMiB(server.pid()));
        } catch (IOException e) {
            notes.add("no full GC: " + e.getMessage());
        }
        values.put(START, server.startedIn().toNanos() / 1e9);
        Optional<Duration> restart = server.restartOnSameData();
        if (restart.isPresent()) {
            values.put(READY, restart.get().toNanos() / 1e9);
            try (QueueAdmin admin = new QueueAdmin(server.address())) {
                values.put(COUNT_AFTER, (double) admin.approximateNumberOfMessages(queueUrl));
            }
            values.put(RSS_AFTER, ProcessMemory.residentMiB(server.pid()));
        }
        return new Measurement(values, notes);
    }

    private long fill(InetSocketAddress address, String queueUrl, List<String> notes) throws InterruptedException {
        byte[] request =
                JsonRequest.of(address, "SendMessageBatch", JsonRequest.sendMessageBatch(queueUrl, Bodies.plain(), 10));
        long batches = messages / 10;
        AtomicLong next = new AtomicLong();
        LongAdder sent = new LongAdder();
        LongAdder failed = new LongAdder();
        List<Future<Void>> workers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < connections; i++) {
                workers.add(threads.submit(() -> {
                    try (RawHttpConnection connection = RawHttpConnection.open(address, 5_000)) {
                        connection.readTimeoutMillis(60_000);
                        while (next.getAndIncrement() < batches) {
                            RawHttpResponse response = connection.exchange(request);
                            int ok = response.ok()
                                    ? JsonFields.all(response.text(), "MessageId")
                                            .size()
                                    : 0;
                            sent.add(ok);
                            failed.add(10 - ok);
                        }
                    }
                    return null;
                }));
            }
        }
        for (Future<Void> worker : workers) {
            try {
                worker.get();
            } catch (Exception e) {
                notes.add("a sending connection failed: " + e.getCause());
            }
        }
        if (failed.sum() > 0) {
            notes.add(failed.sum() + " messages not accepted");
        }
        return sent.sum();
    }
}
