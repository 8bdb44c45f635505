package dev.sluice.bench;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Raw SendMessage throughput: many keep-alive connections, each sending one pre-built JSON request after the
 * other for a fixed time after a warm-up; only replies that complete inside the measured window count. The
 * connections are driven by one selector thread ({@link SendLoop}) so that the load generator takes as little of
 * the shared cores as it can.
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
            SendLoop.Result result = new SendLoop(address, request, connections).run(measureFrom, measureTo);
            List<String> notes = new ArrayList<>(List.of(cpu.note()));
            notes.addAll(result.failures());
            Latencies all = Latencies.merge(List.of(result.latencies()));
            if (result.errors() > 0) {
                notes.add(result.errors() + " non-200 replies");
            }
            admin.deleteQueue(queueUrl);
            double seconds = duration.toNanos() / 1e9;
            return new Measurement(
                    Map.of(RATE, all.count() / seconds, P50, all.percentileMillis(50), P99, all.percentileMillis(99)),
                    notes.stream().distinct().limit(5).toList());
        }
    }
}
