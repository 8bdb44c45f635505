package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kill -9 under load: Sluice runs as its own process, several client threads send and delete (both SDKs, single and
 * batch calls), the process is killed with SIGKILL mid-load and restarted on the same data folder. Every send the
 * server acknowledged must be there afterwards, and no message whose delete was acknowledged may come back. Three
 * rounds, each on a fresh queue, while the queues of the earlier rounds stay in the folder (their messages in flight).
 */
class CrashRecoveryTest {
    private static final Logger log = LoggerFactory.getLogger(CrashRecoveryTest.class);
    private static final int ROUNDS = 3;
    private static final int SENDS_BEFORE_KILL = 200;
    private static final int DELETES_BEFORE_KILL = 20;
    private static final Duration MAX_LOAD_BEFORE_KILL = Duration.ofSeconds(5);

    @TempDir
    Path dataDir;

    @TempDir
    Path logDir;

    /**
     * What the clients of one round asked for and were told ({@code sent}: message id to body). A delete in progress
     * at the kill may or may not have happened, so a message whose delete was requested but not acknowledged may be
     * either present or gone.
     */
    private record Acks(
            Map<String, String> sent,
            Set<String> deleteRequested,
            Set<String> deleted,
            List<Throwable> errorsBeforeKill) {
        static Acks create() {
            return new Acks(
                    new ConcurrentHashMap<>(),
                    ConcurrentHashMap.newKeySet(),
                    ConcurrentHashMap.newKeySet(),
                    new ArrayList<>());
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void everyAcknowledgedSendSurvivesSigkillAndNoAcknowledgedDeleteComesBack() throws Exception {
        var logFile = logDir.resolve("sluice.log");
        var server = SluiceProcess.start(dataDir, logFile);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                var queueName = SluiceExtension.uniqueQueueName("crash" + round);
                var acks = Acks.create();
                var killed = new AtomicBoolean();
                var workers = startLoad(server, queueName, acks, killed);

                awaitLoad(acks);
                Thread.sleep(ThreadLocalRandom.current().nextInt(300)); // kill at a random point of the load
                killed.set(true);
                server.kill();
                long killedAt = System.nanoTime();
                for (var worker : workers) {
                    worker.join(10_000);
                    assertThat(worker.isAlive()).as("load thread stopped").isFalse();
                }
                long restartAt = System.nanoTime();
                server = SluiceProcess.start(dataDir, logFile);
                log.info(
                        "round {}: killed after {} acknowledged sends and {} acknowledged deletes; ready again in {} ms",
                        round,
                        acks.sent().size(),
                        acks.deleted().size(),
                        (System.nanoTime() - restartAt) / 1_000_000);

                synchronized (acks.errorsBeforeKill()) {
                    assertThat(acks.errorsBeforeKill())
                            .as("errors while the server was up")
                            .isEmpty();
                }
                assertThat(acks.sent()).as("round %d acknowledged sends", round).isNotEmpty();
                assertThat(acks.deleted())
                        .as("round %d acknowledged deletes", round)
                        .isNotEmpty();
                verify(server, queueName, acks, round, killedAt);
            }
        } finally {
            server.close();
        }
    }

    /** Waits until the load is well under way (bounded: a slow machine gets a kill after the maximum wait). */
    private static void awaitLoad(Acks acks) throws InterruptedException {
        long deadline = System.nanoTime() + MAX_LOAD_BEFORE_KILL.toNanos();
        while (System.nanoTime() < deadline
                && (acks.sent().size() < SENDS_BEFORE_KILL || acks.deleted().size() < DELETES_BEFORE_KILL)) {
            Thread.sleep(20);
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
                } catch (RuntimeException | AssertionError e) {
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
            var body = "single " + i + " ✓";
            var message = OutgoingMessage.of(body).withAttribute("n", MessageAttribute.ofType("Number", "" + i));
            acks.sent().put(sqs.send(url, message).messageId(), body);
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
            outcome.successful()
                    .forEach((id, r) -> acks.sent().put(r.messageId(), "batch " + batch + "/" + id.substring(1)));
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
            received.forEach(m -> acks.deleteRequested().add(m.messageId()));
            var outcome = sqs.deleteBatch(url, entries);
            assertThat(outcome.failed()).isEmpty();
            for (var id : outcome.successful()) {
                acks.deleted()
                        .add(received.get(Integer.parseInt(id.substring(1))).messageId());
            }
        }
    }

    private static void deleteSingles(SqsDriver sqs, String url, Acks acks) {
        for (int i = 0; i < 1_000_000; i++) {
            for (var m : sqs.receive(url, ReceiveOptions.upTo(10).visibility(2))) {
                acks.deleteRequested().add(m.messageId());
                sqs.delete(url, m.receiptHandle());
                acks.deleted().add(m.messageId());
            }
        }
    }

    /** Drains the round's queue after the restart and compares with what was acknowledged. */
    private static void verify(SluiceProcess server, String queueName, Acks acks, int round, long killedAt)
            throws InterruptedException {
        try (var sqs = Sdk.V2_JSON.open(server.endpoint())) {
            var url = sqs.getQueueUrl(queueName);
            var expected = new HashSet<>(acks.sent().keySet());
            expected.removeAll(acks.deleteRequested());
            var unacknowledgedDeletes = new HashSet<>(acks.deleteRequested());
            unacknowledgedDeletes.removeAll(acks.deleted());
            // at most one batch (10) and one single delete were in progress at the kill
            assertThat(unacknowledgedDeletes).hasSizeLessThanOrEqualTo(11);
            // messages in flight at the kill are visible again once their 2 s visibility (which survived) has ended
            long allVisibleAt = killedAt + Duration.ofMillis(2_500).toNanos();
            Thread.sleep(Math.max(0, (allVisibleAt - System.nanoTime()) / 1_000_000));
            var present = new HashMap<String, ReceivedMessage>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                var received = sqs.receive(
                        url, ReceiveOptions.upTo(10).visibility(600).wait(1).messageAttributes("All"));
                if (received.isEmpty()) {
                    break; // everything is visible, so an empty long poll means the queue is drained
                }
                received.forEach(m -> present.put(m.messageId(), m));
            }

            var lost = new HashSet<>(expected);
            lost.removeAll(present.keySet());
            assertThat(lost)
                    .as("round %d: acknowledged sends lost (of %d expected)", round, expected.size())
                    .isEmpty();
            var resurrected = new HashSet<>(present.keySet());
            resurrected.retainAll(acks.deleted());
            assertThat(resurrected)
                    .as(
                            "round %d: acknowledged deletes that came back (of %d)",
                            round, acks.deleted().size())
                    .isEmpty();
            // the SDK has checked the body and attribute digests; the bodies must also be the ones sent
            present.values().stream()
                    .filter(m -> acks.sent().containsKey(m.messageId()))
                    .forEach(m -> assertThat(m.body()).isEqualTo(acks.sent().get(m.messageId())));
            log.info(
                    "round {}: all {} acknowledged, undeleted messages are back and no deleted one",
                    round,
                    expected.size());
        }
    }
}
