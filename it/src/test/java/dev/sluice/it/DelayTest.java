package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Delay queues and per-message delays with 1-2 s real delays (REFERENCE §2.8 DelaySeconds, §3 DelaySeconds). */
class DelayTest {
    @RegisterExtension
    static final SluiceExtension sluice = new SluiceExtension();

    @BothSdks
    void perMessageDelayHidesTheMessageUntilItEnds(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("msgdelay"));
        long sentAt = System.nanoTime();
        var sent = sqs.send(url, OutgoingMessage.of("later").withDelay(1));

        assertThat(sqs.receive(url, ReceiveOptions.upTo(10))).isEmpty();
        assertThat(sqs.getQueueAttributes(
                        url, List.of("ApproximateNumberOfMessagesDelayed", "ApproximateNumberOfMessages")))
                .isEqualTo(Map.of("ApproximateNumberOfMessagesDelayed", "1", "ApproximateNumberOfMessages", "0"));
        // a long poll wakes when the delay ends
        var m = Messages.receiveOne(sqs, url, ReceiveOptions.defaults().wait(5));
        long elapsedMs = (System.nanoTime() - sentAt) / 1_000_000;

        assertThat(m.messageId()).isEqualTo(sent.messageId());
        assertThat(elapsedMs).isBetween(700L, 2_500L);
    }

    @BothSdks
    void queueDelayAppliesToNewMessagesAndPerMessageZeroOverridesIt(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("qdelay"), Map.of("DelaySeconds", "2"), Map.of());
        long sentAt = System.nanoTime();
        var delayed = sqs.send(url, "queue default delay");
        var immediate = sqs.send(url, OutgoingMessage.of("no delay").withDelay(0));

        var first = sqs.receive(url, ReceiveOptions.upTo(10));
        assertThat(first).extracting(ReceivedMessage::messageId).containsExactly(immediate.messageId());
        var second = Messages.receiveOne(sqs, url, ReceiveOptions.defaults().wait(5));
        long elapsedMs = (System.nanoTime() - sentAt) / 1_000_000;

        assertThat(second.messageId()).isEqualTo(delayed.messageId());
        assertThat(elapsedMs).isBetween(1_700L, 3_500L);
    }
}
