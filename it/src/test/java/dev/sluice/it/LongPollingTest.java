package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Long polling is push-based: a waiting receive returns as soon as a message arrives (REFERENCE §2.10). */
class LongPollingTest {
    @RegisterExtension
    static final SluiceExtension sluice = new SluiceExtension();

    @BothSdks
    void waitingReceiveReturnsWellWithinASecondOfASendFromAnotherThread(Sdk sdk) throws Exception {
        var sqs = sluice.driver(sdk);
        try (var sender = Sdk.V2_JSON.open(sluice.endpoint());
                var executor = Executors.newSingleThreadExecutor()) {
            var url = sqs.createQueue(SluiceExtension.uniqueQueueName("push"));
            sender.getQueueAttributes(url, List.of("All")); // warm the sending client up: measure the server only
            var waiting = CompletableFuture.supplyAsync(
                    () -> sqs.receive(url, ReceiveOptions.upTo(10).wait(10)), executor);
            Thread.sleep(500); // let the receive reach the server and park

            long sentAt = System.nanoTime();
            var sent = sender.send(url, "wake up");
            var received = waiting.get(5, TimeUnit.SECONDS);
            long latencyMs = (System.nanoTime() - sentAt) / 1_000_000;

            assertThat(received).extracting(ReceivedMessage::messageId).containsExactly(sent.messageId());
            assertThat(latencyMs).as("send-to-delivery latency").isLessThan(500);
        }
    }

    @BothSdks
    void changeVisibilityToZeroWakesAWaitingReceive(Sdk sdk) throws Exception {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("wakevis"));
        sqs.send(url, "held");
        var held = Messages.receiveOne(sqs, url, ReceiveOptions.defaults().visibility(600));
        try (var executor = Executors.newSingleThreadExecutor()) {
            var waiting = CompletableFuture.supplyAsync(
                    () -> sqs.receive(url, ReceiveOptions.upTo(10).wait(10)), executor);
            Thread.sleep(500);

            long releasedAt = System.nanoTime();
            sqs.changeVisibility(url, held.receiptHandle(), 0);
            var received = waiting.get(5, TimeUnit.SECONDS);
            long latencyMs = (System.nanoTime() - releasedAt) / 1_000_000;

            assertThat(received).extracting(ReceivedMessage::messageId).containsExactly(held.messageId());
            assertThat(latencyMs).as("release-to-delivery latency").isLessThan(500);
        }
    }

    @BothSdks
    void concurrentWaitingReceiversEachGetADifferentMessage(Sdk sdk) throws Exception {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("fanout"));
        int receivers = 5;
        try (var executor = Executors.newFixedThreadPool(receivers)) {
            var waiting = new ArrayList<CompletableFuture<List<ReceivedMessage>>>();
            for (int i = 0; i < receivers; i++) {
                waiting.add(CompletableFuture.supplyAsync(
                        () -> sqs.receive(url, ReceiveOptions.upTo(1).wait(10)), executor));
            }
            Thread.sleep(500);

            var sent = new HashSet<String>();
            for (int i = 0; i < receivers; i++) {
                sent.add(sqs.send(url, "m" + i).messageId());
            }
            var received = new ArrayList<String>();
            for (var w : waiting) {
                var messages = w.get(5, TimeUnit.SECONDS);
                assertThat(messages)
                        .as("each waiting receive gets one message, none is left waiting")
                        .hasSize(1);
                received.add(messages.get(0).messageId());
            }

            assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
        }
    }

    @BothSdks
    void longPollOnEmptyQueueReturnsEmptyAfterTheWait(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("emptywait"));

        long start = System.nanoTime();
        var received = sqs.receive(url, ReceiveOptions.upTo(10).wait(1));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(received).isEmpty();
        assertThat(elapsedMs).isBetween(900L, 2_000L);
    }

    @BothSdks
    void queueReceiveWaitTimeSecondsIsTheDefaultWait(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(
                SluiceExtension.uniqueQueueName("qwait"), Map.of("ReceiveMessageWaitTimeSeconds", "1"), Map.of());

        long start = System.nanoTime();
        var received = sqs.receive(url, ReceiveOptions.upTo(10));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(received).isEmpty();
        assertThat(elapsedMs).isBetween(900L, 2_000L);
        long shortStart = System.nanoTime();
        assertThat(sqs.receive(url, ReceiveOptions.upTo(10).wait(0))).isEmpty();
        assertThat((System.nanoTime() - shortStart) / 1_000_000)
                .as("explicit 0 is a short poll")
                .isLessThan(700L);
    }

    @BothSdks
    void longPollReturnsAvailableMessagesWithoutWaitingToFillTheBatch(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("nofill"));
        sqs.send(url, "only one");

        long start = System.nanoTime();
        var received = sqs.receive(url, ReceiveOptions.upTo(10).wait(5));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(received).hasSize(1);
        assertThat(elapsedMs).isLessThan(700L);
        assertThat(sqs.getQueueAttributes(url, List.of("ApproximateNumberOfMessagesNotVisible")))
                .containsEntry("ApproximateNumberOfMessagesNotVisible", "1");
    }
}
