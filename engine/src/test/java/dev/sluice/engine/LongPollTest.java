package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.QueueId;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Long polling with real time: receivers are woken by sends, not by polling. */
@Timeout(15)
class LongPollTest {
    @TempDir
    Path dir;

    EngineFixture f;
    QueueId q;

    @BeforeEach
    void open() {
        f = new EngineFixture(dir, InstantSource.system());
        q = f.create("orders");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private CompletableFuture<List<ReceivedMessage>> longPoll(int max, int waitSeconds) {
        CompletableFuture<List<ReceivedMessage>> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                result.complete(f.engine.receiveMessage(
                        q, new ReceiveMessageInput(max, null, waitSeconds, List.of(), List.of(), null)));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private void awaitParked(int n) throws InterruptedException {
        LongPolls polls = longPolls();
        for (int i = 0; i < 200 && polls.parked() < n; i++) {
            Thread.sleep(10);
        }
        assertThat(polls.parked()).isEqualTo(n);
    }

    private LongPolls longPolls() {
        try {
            var field = QueueEngine.class.getDeclaredField("longPolls");
            field.setAccessible(true);
            return (LongPolls) field.get(f.engine);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void waitingReceiveReturnsSoonAfterASendFromAnotherThread() throws Exception {
        CompletableFuture<List<ReceivedMessage>> waiting = longPoll(1, 5);
        awaitParked(1);
        long sentAt = System.nanoTime();
        f.send(q, "hello");
        List<ReceivedMessage> got = waiting.get(5, TimeUnit.SECONDS);
        long latencyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt);
        assertThat(got).extracting(ReceivedMessage::body).containsExactly("hello");
        assertThat(latencyMillis).isLessThan(1000);
    }

    @Test
    void emptyLongPollReturnsAfterItsWaitTime() throws Exception {
        long start = System.nanoTime();
        List<ReceivedMessage> got = longPoll(1, 1).get(5, TimeUnit.SECONDS);
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(got).isEmpty();
        assertThat(elapsed).isBetween(900L, 3000L);
    }

    @Test
    void aBatchOfMessagesWakesEnoughReceiversThroughTheChain() throws Exception {
        List<CompletableFuture<List<ReceivedMessage>>> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiting.add(longPoll(1, 10));
        }
        awaitParked(3);
        f.engine.sendMessageBatch(
                q,
                List.of(
                        new BatchEntry<>("a", SendMessageInput.ofBody("a")),
                        new BatchEntry<>("b", SendMessageInput.ofBody("b")),
                        new BatchEntry<>("c", SendMessageInput.ofBody("c"))));
        List<String> bodies = new ArrayList<>();
        for (CompletableFuture<List<ReceivedMessage>> w : waiting) {
            w.get(3, TimeUnit.SECONDS).forEach(m -> bodies.add(m.body()));
        }
        assertThat(bodies).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void messageBecomingVisibleWakesAWaitingReceiver() throws Exception {
        f.engine.sendMessage(q, new SendMessageInput("later", 1, null, null, null, null));
        long start = System.nanoTime();
        List<ReceivedMessage> got = longPoll(1, 10).get(5, TimeUnit.SECONDS);
        assertThat(got).extracting(ReceivedMessage::body).containsExactly("later");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3000);
    }

    /** The store does not announce visibility expiry; the engine's timer wakes a receiver parked before it. */
    @Test
    void visibilityExpiryWakesAReceiverThatParkedBeforeTheMessageWasInFlight() throws Exception {
        CompletableFuture<List<ReceivedMessage>> first = new CompletableFuture<>();
        Thread.ofVirtual()
                .start(() -> first.complete(
                        f.engine.receiveMessage(q, new ReceiveMessageInput(1, 1, 10, List.of(), List.of(), null))));
        awaitParked(1);
        CompletableFuture<List<ReceivedMessage>> second = longPoll(1, 10);
        awaitParked(2);

        f.send(q, "bounce");
        assertThat(first.get(3, TimeUnit.SECONDS))
                .extracting(ReceivedMessage::body)
                .containsExactly("bounce");
        long taken = System.nanoTime();
        List<ReceivedMessage> again = second.get(5, TimeUnit.SECONDS);
        assertThat(again).extracting(ReceivedMessage::body).containsExactly("bounce");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - taken)).isBetween(500L, 2500L);
    }

    @Test
    void visibilityTimeoutExpiryWakesAReceiverParkedBeforeTheReceive() throws Exception {
        f.send(q, "bounce");
        List<ReceivedMessage> taken =
                f.engine.receiveMessage(q, new ReceiveMessageInput(1, 10, 0, List.of(), List.of(), null));
        assertThat(taken).hasSize(1);
        CompletableFuture<List<ReceivedMessage>> waiting = longPoll(1, 10);
        awaitParked(1);
        // a receiver parked while the message was in flight (10 s); shortening it to 1 s must wake it
        f.engine.changeMessageVisibility(q, taken.get(0).receiptHandle(), 1);
        assertThat(waiting.get(4, TimeUnit.SECONDS))
                .extracting(ReceivedMessage::body)
                .containsExactly("bounce");
    }

    /** REFERENCE §7.1: deleting a group's in-flight head unblocks the group for a waiting receiver. */
    @Test
    void deletingAFifoGroupHeadWakesAReceiverWaitingOnTheGroup() throws Exception {
        QueueId fifo = f.create("jobs.fifo", Map.of("FifoQueue", "true"));
        f.engine.sendMessage(fifo, new SendMessageInput("a", null, null, null, "d1", "g"));
        f.engine.sendMessage(fifo, new SendMessageInput("b", null, null, null, "d2", "g"));
        ReceivedMessage head = f.receive(fifo, 1).get(0);
        assertThat(head.body()).isEqualTo("a");
        CompletableFuture<List<ReceivedMessage>> waiting = new CompletableFuture<>();
        Thread.ofVirtual()
                .start(() -> waiting.complete(f.engine.receiveMessage(
                        fifo, new ReceiveMessageInput(1, null, 10, List.of(), List.of(), null))));
        awaitParked(1);
        long start = System.nanoTime();
        f.engine.deleteMessage(fifo, head.receiptHandle());
        assertThat(waiting.get(5, TimeUnit.SECONDS))
                .extracting(ReceivedMessage::body)
                .containsExactly("b");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);
    }

    /** As above, for a head deleted by DeleteMessageBatch (one store call for the whole batch). */
    @Test
    void deleteBatchOfAFifoGroupHeadWakesAReceiverWaitingOnTheGroup() throws Exception {
        QueueId fifo = f.create("jobs.fifo", Map.of("FifoQueue", "true"));
        f.engine.sendMessage(fifo, new SendMessageInput("a", null, null, null, "d1", "g"));
        f.engine.sendMessage(fifo, new SendMessageInput("b", null, null, null, "d2", "g"));
        ReceivedMessage head = f.receive(fifo, 1).get(0);
        CompletableFuture<List<ReceivedMessage>> waiting = new CompletableFuture<>();
        Thread.ofVirtual()
                .start(() -> waiting.complete(f.engine.receiveMessage(
                        fifo, new ReceiveMessageInput(1, null, 10, List.of(), List.of(), null))));
        awaitParked(1);
        long start = System.nanoTime();
        BatchResult<Void> result = f.engine.deleteMessageBatch(
                fifo, List.of(new BatchEntry<>("head", head.receiptHandle()), new BatchEntry<>("bad", "garbage")));
        assertThat(result.successful()).extracting(BatchEntry::id).containsExactly("head");
        assertThat(waiting.get(5, TimeUnit.SECONDS))
                .extracting(ReceivedMessage::body)
                .containsExactly("b");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);
    }

    @Test
    void deletingTheQueueAnswersItsWaitingReceiversEmpty() throws Exception {
        CompletableFuture<List<ReceivedMessage>> waiting = longPoll(1, 20);
        awaitParked(1);
        f.engine.deleteQueue(q);
        assertThat(waiting.get(2, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void closeAnswersWaitingReceiversEmpty() throws Exception {
        CompletableFuture<List<ReceivedMessage>> waiting = longPoll(1, 20);
        awaitParked(1);
        f.engine.close();
        assertThat(waiting.get(2, TimeUnit.SECONDS)).isEmpty();
    }
}
