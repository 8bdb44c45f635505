package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PurgeQueue (REFERENCE §2.7) and TagQueue / UntagQueue / ListQueueTags (§2.16-2.18, §6.4). */
class PurgeAndTagsTest {
    @RegisterExtension
    static final SluiceExtension sluice = new SluiceExtension();

    @BothSdks
    void purgeDeletesVisibleInFlightAndDelayedMessagesAndASecondPurgeIsRefused(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var name = SluiceExtension.uniqueQueueName("purge");
        var url = sqs.createQueue(name);
        sqs.send(url, "visible");
        sqs.send(url, "in flight");
        sqs.send(url, OutgoingMessage.of("delayed").withDelay(1));
        var inFlight = Messages.receiveOne(sqs, url, ReceiveOptions.defaults());

        sqs.purge(url);

        assertThat(sqs.getQueueAttributes(
                        url,
                        List.of(
                                "ApproximateNumberOfMessages",
                                "ApproximateNumberOfMessagesNotVisible",
                                "ApproximateNumberOfMessagesDelayed")))
                .isEqualTo(Map.of(
                        "ApproximateNumberOfMessages", "0",
                        "ApproximateNumberOfMessagesNotVisible", "0",
                        "ApproximateNumberOfMessagesDelayed", "0"));
        // the purged in-flight message is gone: its handle can no longer make it visible (REFERENCE §2.13)
        Expect.error("InvalidParameterValue", 400, () -> sqs.changeVisibility(url, inFlight.receiptHandle(), 0));
        assertThat(sqs.receive(url, ReceiveOptions.upTo(10).wait(2)))
                .as("nothing comes back")
                .isEmpty();
        var e = Expect.error("AWS.SimpleQueueService.PurgeQueueInProgress", 403, () -> sqs.purge(url));
        assertThat(e.errorMessage())
                .isEqualTo("Only one PurgeQueue operation on " + name + " is allowed every 60 seconds.");
        // the queue keeps working after a purge
        var sent = sqs.send(url, "after purge");
        assertThat(Messages.receiveOne(sqs, url, ReceiveOptions.defaults()).messageId())
                .isEqualTo(sent.messageId());
    }

    @BothSdks
    void tagsGivenAtCreateAndByTagQueueAreListedAndUntagRemovesThem(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(
                SluiceExtension.uniqueQueueName("tags"), Map.of(), Map.of("team", "core", "env", "dev"));

        assertThat(sqs.listTags(url)).isEqualTo(Map.of("team", "core", "env", "dev"));

        sqs.tag(url, Map.of("env", "prod", "Cost-Center", "42", "empty", ""));
        assertThat(sqs.listTags(url))
                .isEqualTo(Map.of("team", "core", "env", "prod", "Cost-Center", "42", "empty", ""));

        sqs.untag(url, List.of("team", "empty", "no-such-key"));
        assertThat(sqs.listTags(url)).isEqualTo(Map.of("env", "prod", "Cost-Center", "42"));

        sqs.untag(url, List.of("env", "Cost-Center"));
        assertThat(sqs.listTags(url)).isEmpty();
    }

    @BothSdks
    void tagKeysAreCaseSensitive(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("tagcase"));

        sqs.tag(url, Map.of("Key", "upper", "key", "lower"));

        assertThat(sqs.listTags(url)).isEqualTo(Map.of("Key", "upper", "key", "lower"));
    }

    @BothSdks
    void tagActionsOnUnknownQueueAreQueueDoesNotExist(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sluice.endpoint() + "/000000000000/" + SluiceExtension.uniqueQueueName("notag");

        QueueLifecycleTest.assertQueueDoesNotExist(sdk, () -> sqs.tag(url, Map.of("a", "b")));
        QueueLifecycleTest.assertQueueDoesNotExist(sdk, () -> sqs.untag(url, List.of("a")));
        QueueLifecycleTest.assertQueueDoesNotExist(sdk, () -> sqs.listTags(url));
        QueueLifecycleTest.assertQueueDoesNotExist(sdk, () -> sqs.purge(url));
    }
}
