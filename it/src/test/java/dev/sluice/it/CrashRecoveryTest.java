package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 under load: Sluice runs as its own process, several client threads send and delete (both SDKs, single and
 * batch calls), the process is killed with SIGKILL mid-load and restarted on the same data folder. Every send the
 * server acknowledged must be there afterwards, and no message whose delete was acknowledged may come back. Three
 * rounds, each on a fresh queue, while the queues of the earlier rounds stay in the folder (their messages in flight).
 */
class CrashRecoveryTest {
    private static final int ROUNDS = 3;
    private static final Duration LOAD_BEFORE_KILL = Duration.ofMillis(1_500);

    @TempDir
    Path dataDir;

    @TempDir
    Path logDir;

    /** What the clients of one round were told by the server. */
    private record Acks(Set<String> sent, Set<String> deleted, List<Throwable> errorsBeforeKill) {
        static Acks create() {
            return new Acks(ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet(), new ArrayList<>());
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void everyAcknowledgedSendSurvivesSigkillAndNoAcknowledgedDeleteComesBack() throws Exception {
        var log = logDir.resolve("sluice.log");
        var server = SluiceProcess.start(dataDir, log);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                var queueName = SluiceExtension.uniqueQueueName("crash" + round);
                var acks = Acks.create();
                var killed = new AtomicBoolean();
                var workers = startLoad(server, queueName, acks, killed);

                Thread.sleep(LOAD_BEFORE_KILL.toMillis() + ThreadLocalRandom.current().nextInt(500));
                killed.set(true);
                server.kill();
                for (var worker : workers) {
                    worker.join(10_000);
                    assertThat(worker.isAlive()).as("load thread stopped").isFalse();
                }
                server = SluiceProcess.start(dataDir, log);

                synchronized (acks.errorsBeforeKill()) {
                    assertThat(acks.errorsBeforeKill()).as("errors while the server was up").isEmpty();
                }
                assertThat(acks.sent()).as("round %d acknowledged sends", round).hasSizeGreaterThan(50);
                assertThat(acks.deleted()).as("round %d acknowledged deletes", round).isNotEmpty();
                verify(server, queueName, acks, round);
            }
        } finally {
            server.close();
        }
    }

    private static List<Thread> startLoad(SluiceProcess server, String queueName, Acks acks, AtomicBoolean killed) {
        var v2 = Sdk.V2_JSON.open(server.endpoint());
        var v1 = Sdk.V1_QUERY.open(server.endpoint());
        var url = v2.createQueue(queueName);
        List<Runnable> loops = List.of(
                () -> sendSingles(v2, url, acks),
                () -> sendSingles(v2, url, acks),
                () -> sendBatches(v1, url, acks),
                () -> deleteBatches(v2, url, acks),
                () -> deleteSingles(v1, url, acks));
        var threads = new ArrayList<Thread>();
        for (var loop : loops) {
            threads.add(Thread.ofPlatform().daemon().start(() -> {
                try {
                    loop.run();
                } catch (RuntimeException e) {
                    if (!killed.get()) {
                        synchronized (acks.errorsBeforeKill()) {
                            acks.errorsBeforeKill().add(e);
                        }
                    }
                }
            }));
        }
        // the drivers are closed once the load threads have died with the server
        Thread.ofPlatform().daemon().start(() -> {
            for (var t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            v2.close();
            v1.close();
        });
        return threads;
    }

    // Each loop runs until a request fails: after the kill every request fails. Bounded by count as well.
    private static void sendSingles(SqsDriver sqs, String url, Acks acks) {
        for (int i = 0; i < 1_000_000; i++) {
            acks.sent().add(sqs.send(url, "single " + i).messageId());
        }
    }

    private static void sendBatches(SqsDriver sqs, String url, Acks acks) {
        for (int i = 0; i < 100_000; i++) {
            int batch = i;
            var entries = IntStream.range(0, 10)
                    .mapToObj(j -> new SendEntry("e" + j, OutgoingMessage.of("batch " + batch + "/" + j)))
                    .toList();
            var outcome = sqs.sendBatch(url, entries);
            assertThat(outcome.failed()).isEmpty();
            outcome.successful().values().forEach(r -> acks.sent().add(r.messageId()));
        }
    }

    private static void deleteBatches(SqsDriver sqs, String url, Acks acks) {
        for (int i = 0; i < 1_000_000; i++) {
            var received = sqs.receive(url, ReceiveOptions.upTo(10).visibility(2));
            if (received.isEmpty()) {
                continue;
            }
            var entries = IntStream.range(0, received.size())
                    .mapToObj(j -> HandleEntry.delete("d" + j, received.get(j).receiptHandle()))
                    .toList();
            var outcome = sqs.deleteBatch(url, entries);
            assertThat(outcome.failed()).isEmpty();
            for (var id : outcome.successful()) {
                acks.deleted().add(received.get(Integer.parseInt(id.substring(1))).messageId());
            }
        }
    }

    private static void deleteSingles(SqsDriver sqs, String url, Acks acks) {
        for (int i = 0; i < 1_000_000; i++) {
            for (var m : sqs.receive(url, ReceiveOptions.upTo(10).visibility(2))) {
                sqs.delete(url, m.receiptHandle());
                acks.deleted().add(m.messageId());
            }
        }
    }

    /** Drains the round's queue after the restart and compares with what was acknowledged. */
    private static void verify(SluiceProcess server, String queueName, Acks acks, int round) {
        try (var sqs = Sdk.V2_JSON.open(server.endpoint())) {
            var url = sqs.getQueueUrl(queueName);
            var expected = new HashSet<>(acks.sent());
            expected.removeAll(acks.deleted());
            // in-flight messages come back when their 2 s visibility (which survived the crash) ends
            var present = new HashSet<String>();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!present.containsAll(expected) && System.nanoTime() < deadline) {
                for (var m : sqs.receive(url, ReceiveOptions.upTo(10).visibility(600).wait(1))) {
                    present.add(m.messageId());
                }
            }

            var lost = new HashSet<>(expected);
            lost.removeAll(present);
            assertThat(lost).as("round %d: acknowledged sends lost (of %d expected)", round, expected.size()).isEmpty();
            var resurrected = new HashSet<>(present);
            resurrected.retainAll(acks.deleted());
            assertThat(resurrected)
                    .as("round %d: acknowledged deletes that came back (of %d)", round, acks.deleted().size())
                    .isEmpty();
        }
    }
}
