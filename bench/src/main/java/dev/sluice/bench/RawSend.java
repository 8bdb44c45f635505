package dev.sluice.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * Raw SendMessage throughput: many keep-alive connections, each sending one pre-built JSON request after the
 * other for a fixed time after a warm-up; only replies that complete inside the measured window count.
 */
final class RawSend implements Scenario {
    private static final String RATE = "SendMessage requests/s";
    private static final String P50 = "latency p50";
    private static final String P99 = "latency p99";

    private final int connections;
    private final Duration warmup;
    private final Duration duration;

    RawSend(int connections, Duration warmup, Duration duration) {
        this.connections = connections;
        this.warmup = warmup;
        this.duration = duration;
    }

    @Override
    public String name() {
        return "raw-send";
    }

    @Override
    public List<Metric> metrics() {
        return List.of(
                new Metric(RATE, "req/s", Goal.ratioAtLeast(5)),
                new Metric(P50, "ms", Goal.NONE),
                new Metric(P99, "ms", Goal.NONE));
    }

    @Override
    public boolean freshServersEachRound() {
        return false;
    }

    @Override
    public Measurement run(Server server, int round) throws Exception {
        InetSocketAddress address = server.address();
        try (QueueAdmin admin = new QueueAdmin(address)) {
            String queueUrl = admin.createQueue("bench-raw-send-" + round + "-" + System.nanoTime(), Map.of());
            byte[] request = JsonRequest.of(address, "SendMessage", JsonRequest.sendMessage(queueUrl, Bodies.plain()));
            CpuTime cpu = CpuTime.start(server.pid());
            long measureFrom = System.nanoTime() + warmup.toNanos();
            long measureTo = measureFrom + duration.toNanos();
            LongAdder errors = new LongAdder();
            List<Future<Latencies>> results = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < connections; i++) {
                    results.add(threads.submit(() -> sendUntil(address, request, measureFrom, measureTo, errors)));
                }
            }
            List<Latencies> parts = new ArrayList<>();
            List<String> notes = new ArrayList<>(List.of(cpu.note()));
            for (Future<Latencies> result : results) {
                try {
                    parts.add(result.get());
                } catch (Exception e) {
                    notes.add("a connection failed: " + e.getCause());
                }
            }
            Latencies all = Latencies.merge(parts);
            if (errors.sum() > 0) {
                notes.add(errors.sum() + " non-200 replies");
            }
            admin.deleteQueue(queueUrl);
            double seconds = duration.toNanos() / 1e9;
            return new Measurement(
                    Map.of(RATE, all.count() / seconds, P50, all.percentileMillis(50), P99, all.percentileMillis(99)),
                    notes.stream().distinct().limit(5).toList());
        }
    }

    private static Latencies sendUntil(
            InetSocketAddress address, byte[] request, long measureFrom, long measureTo, LongAdder errors)
            throws IOException {
        Latencies latencies = new Latencies();
        try (RawHttpConnection connection = RawHttpConnection.open(address, 5_000)) {
            connection.readTimeoutMillis(30_000);
            while (true) {
                long start = System.nanoTime();
                if (start >= measureTo) {
                    return latencies;
                }
                RawHttpResponse response = connection.exchange(request);
                long end = System.nanoTime();
                if (!response.ok()) {
                    errors.increment();
                } else if (end >= measureFrom && end < measureTo) {
                    latencies.record(end - start);
                }
            }
        }
    }
}
