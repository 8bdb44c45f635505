package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Visibility timeouts with short real timeouts (REFERENCE §2.10, §2.11, §2.13, §3 VisibilityTimeout). */
class VisibilityTest {
    @RegisterExtension
    static final SluiceExtension sluice = new SluiceExtension();

    @BothSdks
    void visibilityTimeoutExpiryMakesMessageReceivableAgain(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("expiry"));
        sqs.send(url, "come back");

        var first = Messages.receiveOne(sqs, url, ReceiveOptions.defaults().visibility(1));
        long receivedAt = System.nanoTime();
        assertThat(sqs.receive(url, ReceiveOptions.upTo(10)))
                .as("invisible right after receive")
                .isEmpty();
        // a long poll wakes when the message becomes visible again
        var again =
                Messages.receiveOne(sqs, url, ReceiveOptions.defaults().wait(5).systemAttributes("All"));
        long elapsedMs = (System.nanoTime() - receivedAt) / 1_000_000;

        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(again.systemAttributes()).containsEntry("ApproximateReceiveCount", "2");
        assertThat(elapsedMs).isBetween(700L, 2_500L);
    }

    @BothSdks
    void queueDefaultVisibilityTimeoutAppliesWhenReceiveGivesNone(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(
                SluiceExtension.uniqueQueueName("qdefault"), Map.of("VisibilityTimeout", "1"), Map.of());
        sqs.send(url, "short lease");

        var first = Messages.receiveOne(sqs, url, ReceiveOptions.defaults());
        assertThat(sqs.receive(url, ReceiveOptions.upTo(10))).isEmpty();
        var again = Messages.receiveOne(sqs, url, ReceiveOptions.defaults().wait(5));

        assertThat(again.messageId()).isEqualTo(first.messageId());
    }

    @BothSdks
    void changeMessageVisibilityToZeroMakesTheMessageVisibleNow(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("vis0"));
        sqs.send(url, "release me");
        var first = Messages.receiveOne(sqs, url, ReceiveOptions.defaults().visibility(600));

        sqs.changeVisibility(url, first.receiptHandle(), 0);

        var again = Messages.receiveOne(sqs, url, ReceiveOptions.defaults());
        assertThat(again.messageId()).isEqualTo(first.messageId());
    }

    @BothSdks
    void changeMessageVisibilityCountsFromNowAndCanExtendTheLease(Sdk sdk) throws InterruptedException {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("extend"));
        sqs.send(url, "extend me");
        var first = Messages.receiveOne(sqs, url, ReceiveOptions.defaults().visibility(1));

        sqs.changeVisibility(url, first.receiptHandle(), 3);
        Thread.sleep(1_500);

        assertThat(sqs.receive(url, ReceiveOptions.upTo(10)))
                .as("extended past the first second")
                .isEmpty();
        sqs.changeVisibility(url, first.receiptHandle(), 1);
        var again = Messages.receiveOne(sqs, url, ReceiveOptions.defaults().wait(5));
        assertThat(again.messageId()).isEqualTo(first.messageId());
    }

    @BothSdks
    void expiredHandleStillDeletesAStandardMessage(Sdk sdk) throws InterruptedException {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("oldhandle"));
        sqs.send(url, "late delete");
        var first = Messages.receiveOne(sqs, url, ReceiveOptions.defaults().visibility(1));
        Thread.sleep(1_200);

        sqs.changeVisibility(url, first.receiptHandle(), 30); // expired but present: 200 (REFERENCE §2.13)
        sqs.delete(url, first.receiptHandle());

        assertThat(sqs.receive(url, ReceiveOptions.upTo(10).visibility(0))).isEmpty();
        assertThat(sqs.getQueueAttributes(
                        url, List.of("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")))
                .isEqualTo(Map.of("ApproximateNumberOfMessages", "0", "ApproximateNumberOfMessagesNotVisible", "0"));
    }

    @BothSdks
    void changeVisibilityOfADeletedMessageIsInvalidParameterValue(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("deletedvis"));
        sqs.send(url, "soon gone");
        var m = Messages.receiveOne(sqs, url, ReceiveOptions.defaults());
        sqs.delete(url, m.receiptHandle());

        var e = Expect.error("InvalidParameterValue", 400, () -> sqs.changeVisibility(url, m.receiptHandle(), 10));

        assertThat(e.errorMessage())
                .isEqualTo("Value " + m.receiptHandle() + " for parameter ReceiptHandle is invalid. Reason: Message"
                        + " does not exist or is not available for visibility timeout change.");
    }

    @BothSdks
    void changeVisibilityOutOfRangeIsInvalidParameterValue(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("visrange"));
        sqs.send(url, "m");
        var m = Messages.receiveOne(sqs, url, ReceiveOptions.defaults());

        Expect.error("InvalidParameterValue", 400, () -> sqs.changeVisibility(url, m.receiptHandle(), 43_201));
        Expect.error("InvalidParameterValue", 400, () -> sqs.changeVisibility(url, m.receiptHandle(), -1));
    }
}
