package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Message attributes, system attributes and the digests the SDKs verify (REFERENCE §2.8, §2.10, §4, §5, §6.3). Both
 * SDKs recompute MD5OfMessageBody and MD5OfMessageAttributes and throw on a mismatch, so every successful send and
 * receive here is already a digest check; the values are also compared with REFERENCE §5.3 and AWS recordings.
 */
class MessageAttributesTest {
    @RegisterExtension
    static final SluiceExtension sluice = new SluiceExtension();

    private static final String TRACE = "Root=1-65a1b2c3-0123456789abcdef01234567;Sampled=1";

    /** The worked example of REFERENCE §5.3. */
    private static final OutgoingMessage EXAMPLE = OutgoingMessage.of("{\"order\":42}")
            .withAttribute("trace-id", MessageAttribute.string("abc-123"))
            .withAttribute("Priority", MessageAttribute.ofType("Number.int", "5"))
            .withAttribute("blob", MessageAttribute.binary((byte) 0, (byte) 1, (byte) 2, (byte) 0xFF))
            .withTraceHeader(TRACE);

    @BothSdks
    void sendAnswersTheDigestsOfTheWorkedExample(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("md5"));

        var sent = sqs.send(url, EXAMPLE);

        assertThat(sent.md5OfMessageBody()).isEqualTo("0d15cd31971ecd0d554a062cddbab844");
        assertThat(sent.md5OfMessageAttributes()).contains("3c24df738f73cdb53937453806beb8c7");
        assertThat(sent.md5OfMessageSystemAttributes()).contains("c96c3f11f20eef7fa8a72059cfb17958");
    }

    @BothSdks
    void receivedAttributesKeepTypesValuesAndDigest(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("attrs"));
        sqs.send(url, EXAMPLE);

        var m = Messages.receiveOne(sqs, url, ReceiveOptions.defaults().messageAttributes("All"));

        assertThat(m.body()).isEqualTo("{\"order\":42}");
        assertThat(m.md5OfBody()).isEqualTo("0d15cd31971ecd0d554a062cddbab844");
        assertThat(m.messageAttributes())
                .isEqualTo(Map.of(
                        "trace-id", MessageAttribute.string("abc-123"),
                        "Priority", MessageAttribute.ofType("Number.int", "5"),
                        "blob", MessageAttribute.binary((byte) 0, (byte) 1, (byte) 2, (byte) 0xFF)));
        assertThat(m.md5OfMessageAttributes()).contains("3c24df738f73cdb53937453806beb8c7");
    }

    @BothSdks
    void messageAttributeNamesFilterTheAttributesAndTheDigestCoversOnlyThoseReturned(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("filter"));
        sqs.send(
                url,
                OutgoingMessage.of("filter me")
                        .withAttribute("Help.Me", MessageAttribute.string("Me"))
                        .withAttribute("Hello", MessageAttribute.string("There"))
                        .withAttribute("General", MessageAttribute.string("Kenobi")));
        // visibility 0 keeps the message receivable for the next filter
        var visible = ReceiveOptions.defaults().visibility(0);

        var none = Messages.receiveOne(sqs, url, visible);
        assertThat(none.messageAttributes()).isEmpty();
        assertThat(none.md5OfMessageAttributes()).isEmpty();

        // digests recorded from AWS for exactly these subsets (REFERENCE §5.2)
        var all = Messages.receiveOne(sqs, url, visible.messageAttributes("All"));
        assertThat(all.messageAttributes()).containsOnlyKeys("Help.Me", "Hello", "General");
        assertThat(all.md5OfMessageAttributes()).contains("4c360f3fdafd970e05fae2f149d997f5");

        var two = Messages.receiveOne(sqs, url, visible.messageAttributes("General", "Hello", "Unknown"));
        assertThat(two.messageAttributes()).containsOnlyKeys("General", "Hello");
        assertThat(two.md5OfMessageAttributes()).contains("fca026605781cb4126a1e9044df24232");

        var one = Messages.receiveOne(sqs, url, visible.messageAttributes("Hello"));
        assertThat(one.messageAttributes()).isEqualTo(Map.of("Hello", MessageAttribute.string("There")));
        assertThat(one.md5OfMessageAttributes()).contains("a311262e065454b75da111d535b8dacd");

        var dotStar = Messages.receiveOne(sqs, url, visible.messageAttributes(".*"));
        assertThat(dotStar.messageAttributes()).hasSize(3);
        var star = Messages.receiveOne(sqs, url, visible.messageAttributes("*"));
        assertThat(star.messageAttributes()).hasSize(3);
        var partial = Messages.receiveOne(sqs, url, visible.messageAttributes("Foo", "Help"));
        assertThat(partial.messageAttributes())
                .as("names match whole names, not prefixes")
                .isEmpty();
        var nothing = Messages.receiveOne(sqs, url, visible.messageAttributes("Nope"));
        assertThat(nothing.messageAttributes()).isEmpty();
        assertThat(nothing.md5OfMessageAttributes()).isEmpty();

        // the filter AWS was recorded with (localstack test_receive_message_message_attribute_names_filters)
        var prefix = Messages.receiveOne(sqs, url, visible.messageAttributes("Hel.*"));
        assertThat(prefix.messageAttributes()).containsOnlyKeys("Hello", "Help.Me");
        assertThat(prefix.md5OfMessageAttributes()).contains("83fee93c1bcd8b9a5a923ffacdc636c7");
    }

    @BothSdks
    void systemAttributesReportSenderTimesReceiveCountAndTraceHeader(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("system"));
        long before = Instant.now().toEpochMilli();
        sqs.send(url, EXAMPLE);
        long sentBy = Instant.now().toEpochMilli();

        var first = Messages.receiveOne(
                sqs, url, ReceiveOptions.defaults().visibility(0).systemAttributes("All"));
        long firstReceivedBy = Instant.now().toEpochMilli();
        var second = Messages.receiveOne(sqs, url, ReceiveOptions.defaults().systemAttributes("All"));

        assertThat(first.systemAttributes())
                .containsOnlyKeys(
                        "SenderId",
                        "SentTimestamp",
                        "ApproximateReceiveCount",
                        "ApproximateFirstReceiveTimestamp",
                        "AWSTraceHeader")
                .containsEntry("ApproximateReceiveCount", "1")
                .containsEntry("AWSTraceHeader", TRACE);
        assertThat(first.systemAttributes().get("SenderId")).isNotBlank();
        long sent = Long.parseLong(first.systemAttributes().get("SentTimestamp"));
        assertThat(sent).as("epoch milliseconds").isBetween(before - 1_000, sentBy + 1_000);
        long firstReceive = Long.parseLong(first.systemAttributes().get("ApproximateFirstReceiveTimestamp"));
        assertThat(firstReceive).isBetween(sent, firstReceivedBy + 1_000);

        assertThat(second.systemAttributes())
                .containsEntry("ApproximateReceiveCount", "2")
                .containsEntry("ApproximateFirstReceiveTimestamp", String.valueOf(firstReceive))
                .containsEntry("SentTimestamp", String.valueOf(sent));
        assertThat(second.receiptHandle()).isNotEqualTo(first.receiptHandle());
    }

    @BothSdks
    void onlyTheRequestedSystemAttributesAreReturned(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("sysfilter"));
        sqs.send(url, "plain");

        var m = Messages.receiveOne(
                sqs, url, ReceiveOptions.defaults().visibility(0).systemAttributes("ApproximateReceiveCount"));
        var none = Messages.receiveOne(sqs, url, ReceiveOptions.defaults());

        assertThat(m.systemAttributes()).isEqualTo(Map.of("ApproximateReceiveCount", "1"));
        assertThat(none.systemAttributes()).isEmpty();
    }

    @BothSdks
    void customTypeLabelsRoundTripAndCountInTheDigest(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("custom"));
        var message = OutgoingMessage.of("typed")
                .withAttribute("json", MessageAttribute.ofType("String.json", "{\"a\":[1,2]}"))
                .withAttribute("n", MessageAttribute.ofType("Number", "1493147359900"))
                .withAttribute("png", new MessageAttribute("Binary.png", null, new byte[] {(byte) 0x89, 'P', 'N', 'G'}))
                .withAttribute("unicode", MessageAttribute.string("ünïcødé 😀"));

        sqs.send(url, message);
        var m = Messages.receiveOne(sqs, url, ReceiveOptions.defaults().messageAttributes("All"));

        assertThat(m.messageAttributes()).isEqualTo(message.attributes());
    }

    @BothSdks
    void invalidMessageAttributesAreRejected(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("badattrs"));

        var empty = Expect.error(
                "InvalidParameterValue",
                400,
                () -> sqs.send(
                        url, OutgoingMessage.of("x").withAttribute("ErrorDetails", MessageAttribute.string(""))));
        assertThat(empty.errorMessage())
                .isEqualTo("Message (user) attribute 'ErrorDetails' must contain a non-empty value of type 'String'.");
        var eleven = OutgoingMessage.of("x");
        for (int i = 0; i < 11; i++) {
            eleven = eleven.withAttribute("a" + i, MessageAttribute.string("v"));
        }
        var tooMany = eleven;
        Expect.error("InvalidParameterValue", 400, () -> sqs.send(url, tooMany));
        Expect.error(
                "InvalidParameterValue",
                400,
                () -> sqs.send(
                        url, OutgoingMessage.of("x").withAttribute("AWS.reserved", MessageAttribute.string("v"))));
        Expect.error(
                "InvalidParameterValue",
                400,
                () -> sqs.send(url, OutgoingMessage.of("x").withAttribute("a..b", MessageAttribute.string("v"))));
        Expect.error(
                "InvalidParameterValue",
                400,
                () -> sqs.send(url, OutgoingMessage.of("x").withAttribute("t", MessageAttribute.ofType("Text", "v"))));
        Expect.error(
                "InvalidParameterValue",
                400,
                () -> sqs.send(
                        url, OutgoingMessage.of("x").withAttribute("n", MessageAttribute.ofType("Number", "twelve"))));
        Expect.error(
                "InvalidParameterValue",
                400,
                () -> sqs.send(
                        url, OutgoingMessage.of("x").withAttribute("c", MessageAttribute.string("bell \u0007"))));

        assertThat(sqs.getQueueAttributes(url, java.util.List.of("ApproximateNumberOfMessages")))
                .containsEntry("ApproximateNumberOfMessages", "0");
    }
}
