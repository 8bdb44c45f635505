package dev.sluice.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The SDK pipeline: AWS SDK v2 producers send batches of 10 x 1 KiB, consumers receive up to 10 with long polling
 * and delete them in batches.
 *
 * <p>Flow control: at most {@code window} messages are between send and delete. Without it, producers that outrun
 * consumers grow a backlog and the end-to-end latency measures only how long the run lasted; with it, the
 * throughput is that of the whole pipeline and the latency that of a loaded queue with a bounded backlog.
 */
final class Pipeline implements Scenario {
    private static final String RATE = "messages/s end-to-end";
    private static final String P50 = "end-to-end p50";
    private static final String P99 = "end-to-end p99";

    private final int producers;
    private final int consumers;
    private final int window;
    private final int waitTimeSeconds;
    private final Duration warmup;
    private final Duration duration;

    Pipeline(int producers, int consumers, int window, int waitTimeSeconds, Duration warmup, Duration duration) {
        this.producers = producers;
        this.consumers = consumers;
        this.window = window;
        this.waitTimeSeconds = waitTimeSeconds;
        this.warmup = warmup;
        this.duration = duration;
    }

    @Override
    public String name() {
        return "pipeline";
    }

    @Override
    public List<Metric> metrics() {
        return List.of(
                new Metric(RATE, "msg/s", Goal.ratioAtLeast(3)),
                new Metric(P50, "ms", Goal.NONE),
                new Metric(P99, "ms", Goal.ratioBelow(1)));
    }

    @Override
    public boolean freshServersEachRound() {
        return false;
    }

    /**
     * The SDK client in this process needs about four 15-second rounds of load to warm up itself, whichever server it
     * talks to; with fewer, the server measured first in each A B pair (Sluice) meets the colder client (session 3
     * measured Sluice's counted rounds at 3.6k, 7.9k, 11.5k msg/s after one warm-up round per server).
     */
    @Override
    public int defaultWarmupRounds() {
        return 3;
    }

    @Override
    public Measurement run(Server server, int round) throws Exception {
        String queueUrl;
        try (QueueAdmin admin = new QueueAdmin(server.address())) {
            queueUrl = admin.createQueue("bench-pipeline-" + round + "-" + System.nanoTime(), Map.of());
        }
        Semaphore inFlight = new Semaphore(window);
        LongAdder failures = new LongAdder();
        CallStats stats = new CallStats();
        CpuTime cpu = CpuTime.start(server.pid());
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long measureTo = measureFrom + duration.toNanos();
        List<Future<Latencies>> consumed = new ArrayList<>();
        try (SqsAsyncClient sqs = client(server);
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < producers; i++) {
                threads.submit(() -> produce(sqs, queueUrl, inFlight, measureTo, failures, stats));
            }
            for (int i = 0; i < consumers; i++) {
                consumed.add(threads.submit(() -> consume(sqs, queueUrl, inFlight, measureFrom, measureTo, stats)));
            }
            threads.shutdown();
            threads.awaitTermination(duration.toSeconds() + warmup.toSeconds() + 60, TimeUnit.SECONDS);
        }
        List<Latencies> parts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Future<Latencies> result : consumed) {
            try {
                parts.add(result.get());
            } catch (Exception e) {
                notes.add("a consumer failed: " + e.getCause());
            }
        }
        notes.add(stats.toString());
        notes.add(cpu.note());
        if (failures.sum() > 0) {
            notes.add(failures.sum() + " failed sends");
        }
        try (QueueAdmin admin = new QueueAdmin(server.address())) {
            admin.deleteQueue(queueUrl);
        }
        Latencies all = Latencies.merge(parts);
        double seconds = duration.toNanos() / 1e9;
        return new Measurement(
                Map.of(RATE, all.count() / seconds, P50, all.percentileMillis(50), P99, all.percentileMillis(99)),
                notes.stream().distinct().limit(5).toList());
    }

    private static SqsAsyncClient client(Server server) {
        return SqsAsyncClient.builder()
                .endpointOverride(URI.create("http://" + server.address().getHostString() + ":"
                        + server.address().getPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .maxConcurrency(512)
                        .connectionAcquisitionTimeout(Duration.ofSeconds(60)))
                // Completes each call's future on the SDK's Netty thread instead of handing it to the SDK's
                // completion pool first: the callers are virtual threads that only wake up, so the extra thread
                // hop per call is pure load-generator CPU, taken from the two cores the server under test shares.
                .asyncConfiguration(
                        b -> b.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR, Runnable::run))
                .build();
    }

    private static Void produce(
            SqsAsyncClient sqs,
            String queueUrl,
            Semaphore inFlight,
            long measureTo,
            LongAdder failures,
            CallStats stats)
            throws InterruptedException {
        while (System.nanoTime() < measureTo) {
            if (!inFlight.tryAcquire(10, 100, TimeUnit.MILLISECONDS)) {
                continue;
            }
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>(10);
            long now = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id("m" + i)
                        .messageBody(Bodies.stamped(now))
                        .build());
            }
            long started = System.nanoTime();
            try {
                SendMessageBatchResponse response = sqs.sendMessageBatch(
                                b -> b.queueUrl(queueUrl).entries(entries))
                        .join();
                stats.sends.add(System.nanoTime() - started);
                if (response.hasFailed() && !response.failed().isEmpty()) {
                    failures.add(response.failed().size());
                    inFlight.release(response.failed().size());
                }
            } catch (RuntimeException e) {
                failures.add(10);
                inFlight.release(10);
            }
        }
        return null;
    }

    private Latencies consume(
            SqsAsyncClient sqs,
            String queueUrl,
            Semaphore inFlight,
            long measureFrom,
            long measureTo,
            CallStats stats) {
        Latencies latencies = new Latencies();
        while (System.nanoTime() < measureTo) {
            long started = System.nanoTime();
            ReceiveMessageResponse response = sqs.receiveMessage(
                            b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(waitTimeSeconds))
                    .join();
            long now = System.nanoTime();
            List<Message> messages = response.messages();
            stats.receives.add(now - started);
            stats.received.add(messages.size());
            if (messages.isEmpty()) {
                continue;
            }
            List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>(messages.size());
            for (Message message : messages) {
                if (now >= measureFrom && now < measureTo) {
                    Bodies.stamp(message.body()).ifPresent(sent -> latencies.record(now - sent));
                }
                deletes.add(DeleteMessageBatchRequestEntry.builder()
                        .id("d" + deletes.size())
                        .receiptHandle(message.receiptHandle())
                        .build());
            }
            long deleting = System.nanoTime();
            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(deletes)).join();
            stats.deletes.add(System.nanoTime() - deleting);
            inFlight.release(messages.size());
        }
        return latencies;
    }
}
