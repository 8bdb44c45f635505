package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SendMessage, ReceiveMessage and DeleteMessage: bodies, sizes, characters, parameter errors (REFERENCE §2.8-2.11, §6). */
class MessageTest {
    @RegisterExtension
    static final SluiceExtension sluice = new SluiceExtension();

    @BothSdks
    void sentMessageIsReceivedOnceAndGoneAfterDelete(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("roundtrip"));

        var sent = sqs.send(url, "msg");

        // AWS-recorded digest of "msg" (REFERENCE §5.1)
        assertThat(sent.md5OfMessageBody()).isEqualTo("6e2baaf3b97dbeef01c0043275f9a0e7");
        assertThat(sent.md5OfMessageAttributes()).isEmpty();
        assertThat(sent.md5OfMessageSystemAttributes()).isEmpty();
        var received = Messages.receiveOne(sqs, url, ReceiveOptions.defaults());
        assertThat(received.messageId()).isEqualTo(sent.messageId());
        assertThat(received.body()).isEqualTo("msg");
        assertThat(received.md5OfBody()).isEqualTo("6e2baaf3b97dbeef01c0043275f9a0e7");
        assertThat(received.messageAttributes()).isEmpty();
        assertThat(received.md5OfMessageAttributes()).isEmpty();
        assertThat(sqs.receive(url, ReceiveOptions.upTo(10))).as("in flight").isEmpty();

        sqs.delete(url, received.receiptHandle());
        sqs.delete(url, received.receiptHandle()); // deleting twice succeeds (REFERENCE §2.11)

        assertThat(sqs.receive(url, ReceiveOptions.upTo(10).visibility(0))).isEmpty();
        assertThat(sqs.getQueueAttributes(url, List.of("ApproximateNumberOfMessagesNotVisible")))
                .containsEntry("ApproximateNumberOfMessagesNotVisible", "0");
    }

    @BothSdks
    void receiveReturnsAtMostMaxNumberOfMessagesAndEveryMessageEventually(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("many"));
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 15; i++) {
            sent.add(sqs.send(url, "m" + i).messageId());
        }

        var first = sqs.receive(url, ReceiveOptions.upTo(10).visibility(60));
        assertThat(first).hasSizeBetween(1, 10);
        var rest = Messages.receiveAll(sqs, url, 15 - first.size(), Duration.ofSeconds(10));

        var all = new HashSet<String>(rest.keySet());
        first.forEach(m -> all.add(m.messageId()));
        assertThat(all).isEqualTo(sent);
    }

    @BothSdks
    void messagesRoundTripWithEncryptionAtRestOffAndAcrossAToggle(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(
                SluiceExtension.uniqueQueueName("sse"), Map.of("SqsManagedSseEnabled", "false"), Map.of());
        var message = OutgoingMessage.of("plain at rest")
                .withAttribute("s", MessageAttribute.string("v"))
                .withAttribute("b", MessageAttribute.binary((byte) 7));
        var sentPlain = sqs.send(url, message);
        sqs.setQueueAttributes(url, Map.of("SqsManagedSseEnabled", "true"));
        var sentSealed = sqs.send(url, message);
        sqs.setQueueAttributes(url, Map.of("SqsManagedSseEnabled", "false"));

        var received = Messages.receiveAll(sqs, url, 2, Duration.ofSeconds(5));

        assertThat(received.keySet()).containsExactlyInAnyOrder(sentPlain.messageId(), sentSealed.messageId());
        assertThat(received.values()).allSatisfy(m -> {
            assertThat(m.body()).isEqualTo("plain at rest");
            assertThat(m.messageAttributes()).isEmpty(); // not requested
        });
        var handles =
                received.values().stream().map(ReceivedMessage::receiptHandle).toList();
        var released = sqs.changeVisibilityBatch(
                url,
                List.of(
                        HandleEntry.visibility("a", handles.get(0), 0),
                        HandleEntry.visibility("b", handles.get(1), 0)));
        assertThat(released.successful()).containsExactlyInAnyOrder("a", "b");
        var withAttributes = sqs.receive(url, ReceiveOptions.upTo(10).messageAttributes("All"));
        assertThat(withAttributes)
                .hasSize(2)
                .allSatisfy(m -> assertThat(m.messageAttributes()).isEqualTo(message.attributes()));
    }

    @BothSdks
    void unicodeAndXmlSensitiveBodiesRoundTripExactly(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("unicode"));
        var bodies = List.of(
                "emoji 😀🎉 and CJK 中文字符 日本語 한국어",
                "crlf\r\nline two\r\nlone cr\rend\n",
                "\"&quot;&quot;\r",
                "<xml attr=\"1\">&amp; &lt;tag&gt; ]]></xml>",
                "tab\there + plus & equals = percent %41",
                "\uE000\uFFFD\uD800\uDC00 edges of the allowed set");

        for (var body : bodies) {
            var sent = sqs.send(url, body);
            var received = Messages.receiveOne(sqs, url, ReceiveOptions.defaults());
            assertThat(received.messageId()).isEqualTo(sent.messageId());
            assertThat(received.body()).isEqualTo(body);
            sqs.delete(url, received.receiptHandle());
        }
    }

    @BothSdks
    void messageOfExactlyOneMebibyteIsAcceptedAndOneByteMoreIsRejected(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("size"));
        var max = "a".repeat(1_048_576);

        var sent = sqs.send(url, max);
        var e = Expect.error("InvalidParameterValue", 400, () -> sqs.send(url, max + "b"));

        assertThat(e.errorMessage())
                .isEqualTo("One or more parameters are invalid. Reason: Message must be shorter than 1048576 bytes.");
        var received = Messages.receiveOne(sqs, url, ReceiveOptions.defaults());
        assertThat(received.messageId()).isEqualTo(sent.messageId());
        assertThat(received.body()).isEqualTo(max);
    }

    @BothSdks
    void messageSizeCountsUtf8BytesAndAttributesAgainstTheQueueMaximum(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(
                SluiceExtension.uniqueQueueName("maxsize"), Map.of("MaximumMessageSize", "1024"), Map.of());
        // attribute "k" + "String" + "v" = 8 bytes; "é" is 2 UTF-8 bytes
        var attribute = MessageAttribute.string("v");
        var fits = "é".repeat(508); // 1016 bytes + 8 = 1024

        sqs.send(url, OutgoingMessage.of(fits).withAttribute("k", attribute));
        var e = Expect.error(
                "InvalidParameterValue",
                400,
                () -> sqs.send(url, OutgoingMessage.of(fits + "x").withAttribute("k", attribute)));

        assertThat(e.errorMessage())
                .isEqualTo("One or more parameters are invalid. Reason: Message must be shorter than 1024 bytes.");
    }

    @BothSdks
    void forbiddenCharactersInBodyAreInvalidMessageContents(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("chars"));

        Expect.error("InvalidMessageContents", 400, () -> sqs.send(url, "control \u0001 char"));
        Expect.error("InvalidMessageContents", 400, () -> sqs.send(url, "not a character \uFFFF"));
        Expect.error("InvalidMessageContents", 400, () -> sqs.send(url, "nul \u0000"));

        assertThat(sqs.getQueueAttributes(url, List.of("ApproximateNumberOfMessages")))
                .containsEntry("ApproximateNumberOfMessages", "0");
    }

    @BothSdks
    void emptyBodyIsMissingParameter(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("empty"));

        var e = Expect.error("MissingParameter", 400, () -> sqs.send(url, ""));

        assertThat(e.errorMessage()).isEqualTo("The request must contain the parameter MessageBody.");
    }

    @BothSdks
    void outOfRangeReceiveAndSendParametersAreInvalidParameterValue(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("range"));

        var max = Expect.error("InvalidParameterValue", 400, () -> sqs.receive(url, ReceiveOptions.upTo(11)));
        assertThat(max.errorMessage())
                .isEqualTo("Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10,"
                        + " if provided.");
        Expect.error("InvalidParameterValue", 400, () -> sqs.receive(url, ReceiveOptions.upTo(0)));
        var wait = Expect.error(
                "InvalidParameterValue",
                400,
                () -> sqs.receive(url, ReceiveOptions.defaults().wait(21)));
        assertThat(wait.errorMessage())
                .isEqualTo("Value 21 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if"
                        + " provided.");
        Expect.error(
                "InvalidParameterValue",
                400,
                () -> sqs.receive(url, ReceiveOptions.defaults().visibility(43_201)));
        Expect.error(
                "InvalidParameterValue",
                400,
                () -> sqs.send(url, OutgoingMessage.of("x").withDelay(901)));
        Expect.error(
                "InvalidParameterValue",
                400,
                () -> sqs.send(url, OutgoingMessage.of("x").withDelay(-1)));
    }

    @BothSdks
    void garbageReceiptHandleIsReceiptHandleIsInvalid(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("garbage"));

        var delete = Expect.error("ReceiptHandleIsInvalid", 404, () -> sqs.delete(url, "garbage"));
        assertThat(delete.errorMessage())
                .isEqualTo("The input receipt handle \"garbage\" is not a valid receipt handle.");
        Expect.error("ReceiptHandleIsInvalid", 404, () -> sqs.changeVisibility(url, "garbage", 10));
    }
}
