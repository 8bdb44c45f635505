package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GetQueueAttributes and SetQueueAttributes (REFERENCE §2.5, §2.6, §3). */
class QueueAttributesTest {
    @RegisterExtension
    static final SluiceExtension sluice = new SluiceExtension();

    @BothSdks
    void freshStandardQueueAnswersExactlyTheDefaultsOfReference3(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var name = SluiceExtension.uniqueQueueName("defaults");
        long before = Instant.now().getEpochSecond();
        var url = sqs.createQueue(name);
        long after = Instant.now().getEpochSecond();

        var attributes = sqs.getQueueAttributes(url, List.of("All"));

        assertThat(attributes)
                .containsOnlyKeys(
                        "ApproximateNumberOfMessages",
                        "ApproximateNumberOfMessagesNotVisible",
                        "ApproximateNumberOfMessagesDelayed",
                        "CreatedTimestamp",
                        "DelaySeconds",
                        "LastModifiedTimestamp",
                        "MaximumMessageSize",
                        "MessageRetentionPeriod",
                        "QueueArn",
                        "ReceiveMessageWaitTimeSeconds",
                        "SqsManagedSseEnabled",
                        "VisibilityTimeout")
                .containsEntry("ApproximateNumberOfMessages", "0")
                .containsEntry("ApproximateNumberOfMessagesNotVisible", "0")
                .containsEntry("ApproximateNumberOfMessagesDelayed", "0")
                .containsEntry("DelaySeconds", "0")
                .containsEntry("MaximumMessageSize", "1048576")
                .containsEntry("MessageRetentionPeriod", "345600")
                .containsEntry("QueueArn", "arn:aws:sqs:us-east-1:000000000000:" + name)
                .containsEntry("ReceiveMessageWaitTimeSeconds", "0")
                .containsEntry("SqsManagedSseEnabled", "true")
                .containsEntry("VisibilityTimeout", "30");
        // epoch seconds, not milliseconds (REFERENCE §3)
        assertThat(Long.parseLong(attributes.get("CreatedTimestamp"))).isBetween(before, after);
        assertThat(attributes.get("LastModifiedTimestamp")).isEqualTo(attributes.get("CreatedTimestamp"));
    }

    @BothSdks
    void getQueueAttributesWithoutNamesAnswersNothingAndWithNamesOnlyThose(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("select"));

        assertThat(sqs.getQueueAttributes(url, List.of())).isEmpty();
        assertThat(sqs.getQueueAttributes(url, List.of("VisibilityTimeout", "DelaySeconds")))
                .isEqualTo(Map.of("VisibilityTimeout", "30", "DelaySeconds", "0"));
    }

    @BothSdks
    void attributesGivenAtCreateAndSetLaterAreReadBack(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(
                SluiceExtension.uniqueQueueName("set"),
                Map.of("VisibilityTimeout", "45", "DelaySeconds", "3", "SqsManagedSseEnabled", "false"),
                Map.of());

        assertThat(sqs.getQueueAttributes(url, List.of("All")))
                .containsEntry("VisibilityTimeout", "45")
                .containsEntry("DelaySeconds", "3")
                .containsEntry("SqsManagedSseEnabled", "false");

        sqs.setQueueAttributes(
                url,
                Map.of(
                        "VisibilityTimeout", "0",
                        "DelaySeconds", "900",
                        "MaximumMessageSize", "1024",
                        "MessageRetentionPeriod", "60",
                        "ReceiveMessageWaitTimeSeconds", "20"));

        assertThat(sqs.getQueueAttributes(url, List.of("All")))
                .containsEntry("VisibilityTimeout", "0")
                .containsEntry("DelaySeconds", "900")
                .containsEntry("MaximumMessageSize", "1024")
                .containsEntry("MessageRetentionPeriod", "60")
                .containsEntry("ReceiveMessageWaitTimeSeconds", "20");
    }

    @BothSdks
    void setQueueAttributesBumpsLastModifiedTimestamp(Sdk sdk) throws InterruptedException {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("modified"));
        var created = sqs.getQueueAttributes(url, List.of("CreatedTimestamp")).get("CreatedTimestamp");
        // timestamps are whole seconds: wait until the next second starts
        Thread.sleep(1_000 - Instant.now().toEpochMilli() % 1_000 + 50);

        sqs.setQueueAttributes(url, Map.of("VisibilityTimeout", "31"));

        var after = sqs.getQueueAttributes(url, List.of("CreatedTimestamp", "LastModifiedTimestamp"));
        assertThat(after.get("CreatedTimestamp")).isEqualTo(created);
        assertThat(Long.parseLong(after.get("LastModifiedTimestamp"))).isGreaterThan(Long.parseLong(created));
    }

    @BothSdks
    void unknownAttributeNamesAreInvalidAttributeName(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("badname"));

        var get = Expect.error("InvalidAttributeName", 400, () -> sqs.getQueueAttributes(url, List.of("Foobar")));
        assertThat(get.errorMessage()).isEqualTo("Unknown Attribute Foobar.");
        var set = Expect.error("InvalidAttributeName", 400, () -> sqs.setQueueAttributes(url, Map.of("Foobar", "1")));
        assertThat(set.errorMessage()).isEqualTo("Unknown Attribute Foobar.");
        Expect.error(
                "InvalidAttributeName",
                400,
                () -> sqs.createQueue(SluiceExtension.uniqueQueueName("x"), Map.of("Foobar", "1"), Map.of()));
    }

    @BothSdks
    void readOnlyAndFifoOnlyAttributesCannotBeSetOnAStandardQueue(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("readonly"));

        Expect.error("InvalidAttributeName", 400, () -> sqs.setQueueAttributes(url, Map.of("QueueArn", "x")));
        Expect.error(
                "InvalidAttributeName",
                400,
                () -> sqs.setQueueAttributes(url, Map.of("ApproximateNumberOfMessages", "3")));
        var fifo = Expect.error(
                "InvalidAttributeName", 400, () -> sqs.setQueueAttributes(url, Map.of("FifoQueue", "true")));
        assertThat(fifo.errorMessage()).isEqualTo("Unknown Attribute FifoQueue.");
        var created = Expect.error(
                "InvalidAttributeName",
                400,
                () -> sqs.createQueue(
                        SluiceExtension.uniqueQueueName("std"), Map.of("ContentBasedDeduplication", "true"), Map.of()));
        assertThat(created.errorMessage()).isEqualTo("Unknown Attribute ContentBasedDeduplication.");
    }

    @BothSdks
    void outOfRangeOrNonNumericValuesAreInvalidAttributeValueAndChangeNothing(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("badvalue"));

        for (var bad : List.of(
                Map.of("VisibilityTimeout", "43201"),
                Map.of("VisibilityTimeout", "-1"),
                Map.of("VisibilityTimeout", "soon"),
                Map.of("DelaySeconds", "901"),
                Map.of("MaximumMessageSize", "1023"),
                Map.of("MaximumMessageSize", "1048577"),
                Map.of("MessageRetentionPeriod", "59"),
                Map.of("MessageRetentionPeriod", "1209601"),
                Map.of("ReceiveMessageWaitTimeSeconds", "21"),
                Map.of("SqsManagedSseEnabled", "maybe"))) {
            var e = Expect.error("InvalidAttributeValue", 400, () -> sqs.setQueueAttributes(url, bad));
            var name = bad.keySet().iterator().next();
            assertThat(e.errorMessage()).as("for %s", bad).startsWith("Invalid value for the parameter " + name);
        }
        // SetQueueAttributes is atomic: one bad value, nothing applied
        Expect.error(
                "InvalidAttributeValue",
                400,
                () -> sqs.setQueueAttributes(url, Map.of("DelaySeconds", "5", "VisibilityTimeout", "99999")));
        assertThat(sqs.getQueueAttributes(url, List.of("DelaySeconds", "VisibilityTimeout")))
                .isEqualTo(Map.of("DelaySeconds", "0", "VisibilityTimeout", "30"));
        Expect.error(
                "InvalidAttributeValue",
                400,
                () -> sqs.createQueue(SluiceExtension.uniqueQueueName("x"), Map.of("DelaySeconds", "1000"), Map.of()));
    }

    @BothSdks
    void approximateCountersFollowVisibleInFlightAndDelayedMessages(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("counters"));
        sqs.send(url, "a");
        sqs.send(url, "b");
        sqs.send(url, OutgoingMessage.of("c").withDelay(60));
        sqs.receive(url, ReceiveOptions.upTo(1));

        assertThat(sqs.getQueueAttributes(
                        url,
                        List.of(
                                "ApproximateNumberOfMessages",
                                "ApproximateNumberOfMessagesNotVisible",
                                "ApproximateNumberOfMessagesDelayed")))
                .isEqualTo(Map.of(
                        "ApproximateNumberOfMessages", "1",
                        "ApproximateNumberOfMessagesNotVisible", "1",
                        "ApproximateNumberOfMessagesDelayed", "1"));
    }
}
