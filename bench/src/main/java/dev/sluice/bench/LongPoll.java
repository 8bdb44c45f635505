package dev.sluice.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many concurrent idle long polls (raw HTTP, one connection each): the server's resident memory while they are
 * held, then the delivery latency of messages sent meanwhile, from just before the send to the waiting receiver.
 *
 * <p>Each connection first sends a short receive (WaitTimeSeconds=0) and counts as served only if that is
 * answered: a server that stops accepting connections leaves the rest in the kernel's queue, unanswered.
 */
final class LongPoll implements Scenario {
    private static final Logger log = LoggerFactory.getLogger(LongPoll.class);
    private static final String RSS = "RSS while polls held";
    private static final String RSS_GC = "RSS after a full GC (jcmd GC.run)";
    private static final String HELD = "polls held";
    private static final String P50 = "delivery p50";
    private static final String P99 = "delivery p99";
    private static final String DELIVERED = "messages delivered";
    private static final String SEND_P99 = "SendMessage reply p99 (sender)";
    private static final int CONNECT_CONCURRENCY = 1_000;
    private static final int CONNECT_TIMEOUT_MILLIS = 3_000;
    private static final int PROBE_TIMEOUT_MILLIS = 15_000;

    private final int polls;
    private final int messages;
    private final Duration messageInterval;

    LongPoll(int polls, int messages, Duration messageInterval) {
        this.polls = polls;
        this.messages = messages;
        this.messageInterval = messageInterval;
    }

    @Override
    public String name() {
        return "longpoll";
    }

    @Override
    public List<Metric> metrics() {
        return List.of(
                new Metric(HELD, "polls", Goal.NONE),
                new Metric(RSS, "MiB", Goal.sluiceBelow(300)),
                new Metric(RSS_GC, "MiB", Goal.NONE),
                new Metric(P50, "ms", Goal.NONE),
                new Metric(P99, "ms", Goal.sluiceBelow(50)),
                new Metric(DELIVERED, "msgs", Goal.NONE),
                new Metric(SEND_P99, "ms", Goal.NONE));
    }

    @Override
    public boolean freshServersEachRound() {
        return true;
    }

    @Override
    public Measurement run(Server server, int round) throws Exception {
        InetSocketAddress address = server.address();
        QueueAdmin admin = new QueueAdmin(address);
        // Receivers never delete: a long visibility timeout keeps a delivered message from coming back.
        String queueUrl = admin.createQueue("bench-longpoll-" + round, Map.of("VisibilityTimeout", "3600"));
        Pollers pollers = new Pollers(address, queueUrl, polls);
        Map<String, Double> values;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < polls; i++) {
                threads.submit(pollers::poll);
            }
            pollers.awaitSettled(Duration.ofSeconds(120));
            Thread.sleep(2_000);
            int held = pollers.held.get();
            double rss = ProcessMemory.residentMiB(server.pid());
            log.info("{}: {} polls held, server RSS {} MiB", server.name(), held, Math.round(rss));
            double rssAfterGc = residentAfterFullGc(server.pid());
            Latencies sendReplies = sendStamped(admin, address, queueUrl);
            pollers.awaitDeliveries(sendReplies.count(), Duration.ofSeconds(5));
            Latencies latencies = new Latencies();
            pollers.deliveries.forEach(latencies::record);
            Latencies sorted = Latencies.merge(List.of(latencies));
            values = Map.of(
                    HELD,
                    (double) held,
                    RSS,
                    rss,
                    RSS_GC,
                    rssAfterGc,
                    P50,
                    sorted.percentileMillis(50),
                    P99,
                    sorted.percentileMillis(99),
                    DELIVERED,
                    (double) sorted.count(),
                    SEND_P99,
                    sendReplies.percentileMillis(99));
            pollers.stop();
        } finally {
            admin.close();
        }
        return new Measurement(values, pollers.notes());
    }

    private static double residentAfterFullGc(long pid) throws IOException, InterruptedException {
        try {
            Jcmd.fullGc(pid);
        } catch (IOException e) {
            log.warn("no full GC: {}", e.getMessage());
            return Double.NaN;
        }
        Thread.sleep(1_000);
        return ProcessMemory.residentMiB(pid);
    }

    /** Sends the stamped messages one by one, recording how long each SendMessage took to be answered. */
    private Latencies sendStamped(QueueAdmin admin, InetSocketAddress address, String queueUrl)
            throws IOException, InterruptedException {
        Latencies replies = new Latencies();
        for (int i = 0; i < messages; i++) {
            long started = System.nanoTime();
            byte[] request =
                    JsonRequest.of(address, "SendMessage", JsonRequest.sendMessage(queueUrl, Bodies.stamped(started)));
            if (admin.send(request).ok()) {
                replies.record(System.nanoTime() - started);
            }
            Thread.sleep(messageInterval);
        }
        return Latencies.merge(List.of(replies));
    }

    /** The waiting receivers of one round and what happened to them. */
    private static final class Pollers {
        private final InetSocketAddress address;
        private final int expected;
        private final byte[] probe;
        private final byte[] poll;
        private final Semaphore connecting = new Semaphore(CONNECT_CONCURRENCY);
        private final Queue<RawHttpConnection> connections = new ConcurrentLinkedQueue<>();
        private final Queue<Long> deliveries = new ConcurrentLinkedQueue<>();
        private final AtomicInteger held = new AtomicInteger();
        private final AtomicInteger served = new AtomicInteger();
        private final LongAdder connectFailures = new LongAdder();
        private final LongAdder probeTimeouts = new LongAdder();
        private final LongAdder otherFailures = new LongAdder();
        private final Queue<String> failureKinds = new ConcurrentLinkedQueue<>();
        private volatile boolean stopping;

        Pollers(InetSocketAddress address, String queueUrl, int expected) {
            this.address = address;
            this.expected = expected;
            this.probe = JsonRequest.of(address, "ReceiveMessage", JsonRequest.receiveMessage(queueUrl, 1, 0));
            this.poll = JsonRequest.of(address, "ReceiveMessage", JsonRequest.receiveMessage(queueUrl, 1, 20));
        }

        Void poll() throws InterruptedException {
            RawHttpConnection connection;
            connecting.acquire();
            try {
                if (stopping) {
                    return null;
                }
                connection = connect();
            } catch (IOException e) {
                connectFailures.increment();
                failureKinds.add("connect: " + e);
                return null;
            } finally {
                connecting.release();
            }
            connections.add(connection);
            try {
                if (stopping) {
                    connection.close();
                    return null;
                }
                connection.readTimeoutMillis(PROBE_TIMEOUT_MILLIS);
                if (!connection.exchange(probe).ok()) {
                    otherFailures.increment();
                    return null;
                }
                served.incrementAndGet();
                connection.readTimeoutMillis(45_000);
                while (!stopping) {
                    connection.send(poll);
                    held.incrementAndGet();
                    RawHttpResponse response;
                    try {
                        response = connection.readResponse();
                    } finally {
                        held.decrementAndGet();
                    }
                    long now = System.nanoTime();
                    for (String body : JsonFields.all(response.text(), "Body")) {
                        Bodies.stamp(body).ifPresent(sent -> deliveries.add(now - sent));
                    }
                }
            } catch (SocketTimeoutException e) {
                probeTimeouts.increment();
            } catch (IOException e) {
                if (!stopping) {
                    otherFailures.increment();
                    failureKinds.add(e.toString());
                }
            }
            return null;
        }

        /** Connects, trying again once: a client whose first SYN was dropped under a connection storm retries. */
        private RawHttpConnection connect() throws IOException {
            try {
                return RawHttpConnection.open(address, CONNECT_TIMEOUT_MILLIS);
            } catch (IOException first) {
                return RawHttpConnection.open(address, CONNECT_TIMEOUT_MILLIS);
            }
        }

        void awaitSettled(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                long failed = connectFailures.sum() + probeTimeouts.sum() + otherFailures.sum();
                if (served.get() + failed >= expected && held.get() >= served.get()) {
                    return;
                }
                Thread.sleep(100);
            }
        }

        void awaitDeliveries(int expected, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (deliveries.size() < expected && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }

        void stop() {
            stopping = true;
            for (RawHttpConnection connection : connections) {
                try {
                    connection.close();
                } catch (IOException ignored) {
                    // closing is best effort
                }
            }
        }

        List<String> notes() {
            List<String> notes = new ArrayList<>();
            notes.add(String.format(
                    "%d of %d connections served; %d connect failures, %d unanswered after %d s, %d other failures",
                    served.get(),
                    expected,
                    connectFailures.sum(),
                    probeTimeouts.sum(),
                    PROBE_TIMEOUT_MILLIS / 1000,
                    otherFailures.sum()));
            failureKinds.stream().distinct().limit(4).forEach(kind -> notes.add("failure: " + kind));
            return notes;
        }
    }
}
