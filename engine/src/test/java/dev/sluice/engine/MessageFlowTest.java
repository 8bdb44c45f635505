package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.engine.crypto.PayloadSealer;
import dev.sluice.store.QueueId;
import dev.sluice.store.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageFlowTest {
    @TempDir
    Path dir;

    final ManualClock clock = new ManualClock();
    EngineFixture f;
    QueueEngine engine;
    QueueId q;

    @BeforeEach
    void open() {
        f = new EngineFixture(dir, clock);
        engine = f.engine;
        q = f.create("orders");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static void assertCode(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        SqsException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    /** REFERENCE §5.3 end to end: digests on send and on receive, attributes round-trip exactly. */
    @Test
    void sendReceiveDeleteWithDigestsAndAttributes() {
        Map<String, MessageAttributeValue> attributes = Map.of(
                "trace-id", MessageAttributeValue.ofString("String", "abc-123"),
                "Priority", MessageAttributeValue.ofString("Number.int", "5"),
                "blob", MessageAttributeValue.ofBinary("Binary", new byte[] {0, 1, 2, (byte) 0xFF}));
        Map<String, MessageAttributeValue> system = Map.of(
                "AWSTraceHeader",
                MessageAttributeValue.ofString("String", "Root=1-65a1b2c3-0123456789abcdef01234567;Sampled=1"));
        SendMessageOutput sent =
                engine.sendMessage(q, new SendMessageInput("{\"order\":42}", null, attributes, system, null, null));

        assertThat(sent.md5OfMessageBody()).isEqualTo("0d15cd31971ecd0d554a062cddbab844");
        assertThat(sent.md5OfMessageAttributes()).isEqualTo("3c24df738f73cdb53937453806beb8c7");
        assertThat(sent.md5OfMessageSystemAttributes()).isEqualTo("c96c3f11f20eef7fa8a72059cfb17958");
        assertThat(sent.sequenceNumber()).isNull();

        clock.advanceSeconds(2);
        List<ReceivedMessage> got = f.receive(q, 10);
        assertThat(got).hasSize(1);
        ReceivedMessage m = got.get(0);
        assertThat(m.messageId()).isEqualTo(sent.messageId());
        assertThat(m.body()).isEqualTo("{\"order\":42}");
        assertThat(m.md5OfBody()).isEqualTo("0d15cd31971ecd0d554a062cddbab844");
        assertThat(m.md5OfMessageAttributes()).isEqualTo("3c24df738f73cdb53937453806beb8c7");
        assertThat(m.messageAttributes().get("blob").binaryValue()).containsExactly(0, 1, 2, 0xFF);
        assertThat(m.attributes())
                .containsEntry("SenderId", "000000000000")
                .containsEntry("ApproximateReceiveCount", "1")
                .containsEntry(
                        "SentTimestamp",
                        Long.toString(clock.instant().minusSeconds(2).toEpochMilli()))
                .containsEntry(
                        "ApproximateFirstReceiveTimestamp",
                        Long.toString(clock.instant().toEpochMilli()))
                .containsEntry("AWSTraceHeader", "Root=1-65a1b2c3-0123456789abcdef01234567;Sampled=1")
                .doesNotContainKeys("SequenceNumber", "MessageGroupId", "DeadLetterQueueSourceArn");

        engine.deleteMessage(q, m.receiptHandle());
        assertThat(f.attributes(q))
                .containsEntry("ApproximateNumberOfMessages", "0")
                .containsEntry("ApproximateNumberOfMessagesNotVisible", "0");
    }

    @Test
    void noAttributesSentMeansNoAttributeDigests() {
        SendMessageOutput sent = f.send(q, "msg");
        assertThat(sent.md5OfMessageBody()).isEqualTo("6e2baaf3b97dbeef01c0043275f9a0e7");
        assertThat(sent.md5OfMessageAttributes()).isNull();
        assertThat(sent.md5OfMessageSystemAttributes()).isNull();
        ReceivedMessage m =
                engine.receiveMessage(q, ReceiveMessageInput.defaults()).get(0);
        assertThat(m.md5OfMessageAttributes()).isNull();
        assertThat(m.messageAttributes()).isEmpty();
        assertThat(m.attributes()).isEmpty();
    }

    @Test
    void receiveReturnsOnlyRequestedSystemAndUserAttributes() {
        engine.sendMessage(
                q,
                new SendMessageInput(
                        "b",
                        null,
                        Map.of(
                                "Hello", MessageAttributeValue.ofString("String", "There"),
                                "General", MessageAttributeValue.ofString("String", "Kenobi")),
                        null,
                        null,
                        null));
        ReceivedMessage m = engine.receiveMessage(
                        q, new ReceiveMessageInput(1, null, 0, List.of("SentTimestamp"), List.of("Hello"), null))
                .get(0);
        assertThat(m.attributes()).containsOnlyKeys("SentTimestamp");
        assertThat(m.messageAttributes()).containsOnlyKeys("Hello");
        assertThat(m.md5OfMessageAttributes()).isEqualTo("a311262e065454b75da111d535b8dacd");
    }

    /** Visibility timeout: the message comes back after it, with a higher receive count. */
    @Test
    void visibilityTimeoutExpiryMakesMessageReceivableAgain() {
        f.send(q, "a");
        ReceivedMessage first = f.receive(q, 1, 10).get(0);
        assertThat(f.receive(q, 1)).isEmpty();
        clock.advanceSeconds(9);
        assertThat(f.receive(q, 1)).isEmpty();
        clock.advanceSeconds(1);
        ReceivedMessage second = f.receive(q, 1).get(0);
        assertThat(second.messageId()).isEqualTo(first.messageId());
        assertThat(second.receiptHandle()).isNotEqualTo(first.receiptHandle());
        assertThat(second.attributes())
                .containsEntry("ApproximateReceiveCount", "2")
                .containsEntry(
                        "ApproximateFirstReceiveTimestamp", first.attributes().get("ApproximateFirstReceiveTimestamp"));
    }

    @Test
    void queueVisibilityTimeoutIsTheDefault() {
        engine.setQueueAttributes(q, Map.of("VisibilityTimeout", "5"));
        f.send(q, "a");
        engine.receiveMessage(q, ReceiveMessageInput.defaults());
        clock.advanceSeconds(4);
        assertThat(engine.receiveMessage(q, ReceiveMessageInput.defaults())).isEmpty();
        clock.advanceSeconds(1);
        assertThat(engine.receiveMessage(q, ReceiveMessageInput.defaults())).hasSize(1);
    }

    @Test
    void messageDelayAndQueueDelayHoldMessagesBack() {
        engine.sendMessage(q, new SendMessageInput("per-message", 30, null, null, null, null));
        assertThat(f.attributes(q)).containsEntry("ApproximateNumberOfMessagesDelayed", "1");
        assertThat(f.receive(q, 10)).isEmpty();
        clock.advanceSeconds(30);
        assertThat(f.receive(q, 10)).extracting(ReceivedMessage::body).containsExactly("per-message");

        engine.setQueueAttributes(q, Map.of("DelaySeconds", "10"));
        f.send(q, "queue-delay");
        assertThat(f.receive(q, 10)).isEmpty();
        clock.advanceSeconds(10);
        assertThat(f.receive(q, 10)).extracting(ReceivedMessage::body).containsExactly("queue-delay");
        assertCode(
                () -> engine.sendMessage(q, new SendMessageInput("x", 901, null, null, null, null)),
                ErrorCode.INVALID_PARAMETER_VALUE);
    }

    /** Retention: expired messages are gone, by maintenance and at receive. */
    @Test
    void messagesPastRetentionAreRemoved() {
        engine.setQueueAttributes(q, Map.of("MessageRetentionPeriod", "60"));
        f.send(q, "old");
        clock.advanceSeconds(30);
        f.send(q, "young");
        clock.advanceSeconds(31);
        assertThat(engine.runMaintenance()).isEqualTo(1);
        assertThat(f.attributes(q)).containsEntry("ApproximateNumberOfMessages", "1");
        clock.advanceSeconds(30);
        assertThat(f.receive(q, 10)).isEmpty();
    }

    @Test
    void backgroundMaintenanceExpiresMessagesOnItsOwn() throws InterruptedException {
        engine.setQueueAttributes(q, Map.of("MessageRetentionPeriod", "60"));
        f.send(q, "old");
        clock.advanceSeconds(61);
        String visible = "1";
        for (int i = 0; i < 40 && !visible.equals("0"); i++) {
            Thread.sleep(100);
            visible = engine.getQueueAttributes(q, List.of("ApproximateNumberOfMessages"))
                    .get("ApproximateNumberOfMessages");
        }
        assertThat(visible).isEqualTo("0");
        assertThat(f.store.peek(q, 0, 10)).isEmpty();
    }

    /** REFERENCE §2.11 receipt leniency on standard queues. */
    @Test
    void standardDeleteAcceptsExpiredAndRepeatedHandles() {
        f.send(q, "a");
        ReceivedMessage m = f.receive(q, 1, 5).get(0);
        clock.advanceSeconds(10);
        engine.deleteMessage(q, m.receiptHandle());
        engine.deleteMessage(q, m.receiptHandle());
        assertThat(f.receive(q, 1)).isEmpty();
    }

    @Test
    void olderHandleStillDeletesAfterReReceive() {
        f.send(q, "a");
        ReceivedMessage first = f.receive(q, 1, 5).get(0);
        clock.advanceSeconds(5);
        f.receive(q, 1, 5);
        engine.deleteMessage(q, first.receiptHandle());
        clock.advanceSeconds(5);
        assertThat(f.receive(q, 1)).isEmpty();
    }

    @Test
    void garbageForeignAndStaleHandlesAreInvalid() {
        f.send(q, "a");
        ReceivedMessage m = f.receive(q, 1).get(0);
        assertCode(() -> engine.deleteMessage(q, "garbage"), ErrorCode.RECEIPT_HANDLE_IS_INVALID);
        QueueId other = f.create("other");
        assertCode(() -> engine.deleteMessage(other, m.receiptHandle()), ErrorCode.RECEIPT_HANDLE_IS_INVALID);

        engine.deleteQueue(q);
        clock.advanceSeconds(61);
        f.create("orders");
        assertCode(() -> engine.deleteMessage(q, m.receiptHandle()), ErrorCode.RECEIPT_HANDLE_IS_INVALID);
    }

    /** REFERENCE §2.13. */
    @Test
    void changeMessageVisibilityRules() {
        f.send(q, "a");
        ReceivedMessage m = f.receive(q, 1, 30).get(0);
        engine.changeMessageVisibility(q, m.receiptHandle(), 0);
        ReceivedMessage again = f.receive(q, 1, 30).get(0);

        engine.changeMessageVisibility(q, again.receiptHandle(), 100);
        clock.advanceSeconds(99);
        assertThat(f.receive(q, 1)).isEmpty();
        clock.advanceSeconds(1);
        ReceivedMessage third = f.receive(q, 1, 43_200).get(0);

        clock.advanceSeconds(3600);
        assertThatThrownBy(() -> engine.changeMessageVisibility(q, third.receiptHandle(), 43_200 - 3600 + 1))
                .hasMessage(
                        "Value 39601 for parameter VisibilityTimeout is invalid. Reason: Total VisibilityTimeout for"
                                + " the message is beyond the limit [43200 seconds]");
        engine.changeMessageVisibility(q, third.receiptHandle(), 43_200 - 3600);
        assertCode(
                () -> engine.changeMessageVisibility(q, third.receiptHandle(), 43_201),
                ErrorCode.INVALID_PARAMETER_VALUE);

        engine.deleteMessage(q, third.receiptHandle());
        assertThatThrownBy(() -> engine.changeMessageVisibility(q, third.receiptHandle(), 10))
                .hasMessage("Value " + third.receiptHandle() + " for parameter ReceiptHandle is invalid. Reason:"
                        + " Message does not exist or is not available for visibility timeout change.");
        assertCode(() -> engine.changeMessageVisibility(q, "garbage", 10), ErrorCode.RECEIPT_HANDLE_IS_INVALID);
    }

    @Test
    void receiveParametersAreRangeChecked() {
        assertThatThrownBy(() -> engine.receiveMessage(q, new ReceiveMessageInput(11, null, 0, null, null, null)))
                .hasMessage("Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10,"
                        + " if provided.");
        assertThatThrownBy(() -> engine.receiveMessage(q, new ReceiveMessageInput(1, null, 21, null, null, null)))
                .hasMessage("Value 21 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if"
                        + " provided.");
        assertCode(
                () -> engine.receiveMessage(q, new ReceiveMessageInput(1, 43_201, 0, null, null, null)),
                ErrorCode.INVALID_PARAMETER_VALUE);
    }

    /** REFERENCE §2.9: per-entry failures next to successes; request-level failures. */
    @Test
    void sendBatchReportsPerEntryFailures() {
        engine.setQueueAttributes(q, Map.of("MaximumMessageSize", "1024"));
        List<BatchEntry<SendMessageInput>> entries = new ArrayList<>();
        entries.add(new BatchEntry<>("ok", SendMessageInput.ofBody("fine")));
        entries.add(new BatchEntry<>("chars", SendMessageInput.ofBody("bad\u0001")));
        entries.add(new BatchEntry<>("big", SendMessageInput.ofBody("x".repeat(1025))));
        BatchResult<SendMessageOutput> result = engine.sendMessageBatch(q, entries);

        assertThat(result.successful()).extracting(BatchEntry::id).containsExactly("ok");
        assertThat(result.successful().get(0).value().md5OfMessageBody()).isEqualTo(Md5Digests.ofBody("fine"));
        assertThat(result.failed())
                .containsExactly(
                        new BatchFailure("chars", true, "InvalidMessageContents", MessageValidator.INVALID_CHARACTERS),
                        new BatchFailure(
                                "big",
                                true,
                                "InvalidParameterValue",
                                "One or more parameters cannot be validated. Reason: Message must be shorter than 1024"
                                        + " bytes."));
        assertThat(f.receive(q, 10)).extracting(ReceivedMessage::body).containsExactly("fine");

        List<BatchEntry<SendMessageInput>> tooLong = List.of(
                new BatchEntry<>("a", SendMessageInput.ofBody("x".repeat(600_000))),
                new BatchEntry<>("b", SendMessageInput.ofBody("x".repeat(600_000))));
        assertCode(() -> engine.sendMessageBatch(q, tooLong), ErrorCode.BATCH_REQUEST_TOO_LONG);
        assertCode(() -> engine.sendMessageBatch(q, List.of()), ErrorCode.EMPTY_BATCH_REQUEST);
    }

    @Test
    void deleteAndVisibilityBatchesReportPerEntry() {
        for (int i = 0; i < 3; i++) {
            f.send(q, "m" + i);
        }
        List<ReceivedMessage> got = f.receive(q, 10);
        assertThat(got).hasSize(3);
        BatchResult<Void> vis = engine.changeMessageVisibilityBatch(
                q,
                List.of(
                        new BatchEntry<>("a", new VisibilityChange(got.get(0).receiptHandle(), 0)),
                        new BatchEntry<>("b", new VisibilityChange("garbage", 0))));
        assertThat(vis.successful()).extracting(BatchEntry::id).containsExactly("a");
        assertThat(vis.failed()).extracting(BatchFailure::code).containsExactly("ReceiptHandleIsInvalid");

        BatchResult<Void> del = engine.deleteMessageBatch(
                q,
                List.of(
                        new BatchEntry<>("x", got.get(1).receiptHandle()),
                        new BatchEntry<>("y", got.get(2).receiptHandle()),
                        new BatchEntry<>("z", "garbage")));
        assertThat(del.successful()).extracting(BatchEntry::id).containsExactly("x", "y");
        assertThat(del.failed()).extracting(BatchFailure::id).containsExactly("z");
        assertThat(f.receive(q, 10)).extracting(ReceivedMessage::body).containsExactly("m0");
    }

    /** REFERENCE §8.1: maxReceiveCount=1 — the second receive moves the message. */
    @Test
    void messageOverMaxReceiveCountMovesToDeadLetterQueue() {
        QueueId dlq = f.create("dlq");
        QueueId src = f.create(
                "src",
                Map.of(
                        "RedrivePolicy",
                        "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:dlq\",\"maxReceiveCount\":1}"));
        SendMessageOutput sent = engine.sendMessage(
                src,
                new SendMessageInput(
                        "doomed", null, Map.of("k", MessageAttributeValue.ofString("String", "v")), null, null, null));
        f.receive(src, 1, 1);
        clock.advanceSeconds(1);
        assertThat(f.receive(src, 1)).isEmpty();

        ReceivedMessage dead = f.receive(dlq, 1).get(0);
        assertThat(dead.messageId()).isEqualTo(sent.messageId());
        assertThat(dead.body()).isEqualTo("doomed");
        assertThat(dead.messageAttributes()).containsKey("k");
        assertThat(dead.attributes())
                .containsEntry("ApproximateReceiveCount", "2")
                .containsEntry("DeadLetterQueueSourceArn", "arn:aws:sqs:us-east-1:000000000000:src");
    }

    /** REFERENCE §8.2: with the dead-letter queue gone, messages stay in the source and are delivered. */
    @Test
    void missingDeadLetterQueueKeepsMessagesInTheSource() {
        QueueId dlq = f.create("dlq");
        QueueId src = f.create(
                "src",
                Map.of(
                        "RedrivePolicy",
                        "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:dlq\",\"maxReceiveCount\":1}"));
        f.send(src, "stays");
        engine.deleteQueue(dlq);
        f.receive(src, 1, 1);
        clock.advanceSeconds(1);
        assertThat(f.receive(src, 1))
                .singleElement()
                .satisfies(m -> assertThat(m.attributes()).containsEntry("ApproximateReceiveCount", "2"));
    }

    /** Encryption at rest: the store never sees the body of an SSE queue; SSE off stores it tagged but readable. */
    @Test
    void payloadsAreSealedUnlessSseIsOff() {
        f.send(q, "top secret body");
        StoredMessage stored = f.store.peek(q, 0, 10).get(0);
        assertThat(PayloadSealer.isSealed(stored.payload())).isTrue();
        assertThat(new String(stored.payload(), StandardCharsets.ISO_8859_1)).doesNotContain("top secret");

        QueueId open = f.create("open", Map.of("SqsManagedSseEnabled", "false"));
        f.send(open, "plain body");
        assertThat(PayloadSealer.isSealed(f.store.peek(open, 0, 10).get(0).payload()))
                .isFalse();
        assertThat(f.receive(open, 1).get(0).body()).isEqualTo("plain body");

        f.restart();
        assertThat(f.receive(q, 1).get(0).body()).isEqualTo("top secret body");
    }

    @Test
    void standardQueueKeepsMessageGroupIdAsSystemAttribute() {
        engine.sendMessage(q, new SendMessageInput("t", null, null, null, null, "tenant-1"));
        assertThat(f.receive(q, 1).get(0).attributes()).containsEntry("MessageGroupId", "tenant-1");
        assertCode(
                () -> engine.sendMessage(q, new SendMessageInput("t", null, null, null, null, "bad id")),
                ErrorCode.INVALID_PARAMETER_VALUE);
    }

    @Test
    void sendValidatesBodyAndSize() {
        assertCode(() -> f.send(q, "a\uFFFE"), ErrorCode.INVALID_MESSAGE_CONTENTS);
        assertCode(() -> f.send(q, ""), ErrorCode.MISSING_PARAMETER);
        f.send(q, "x".repeat(1_048_576));
        assertThatThrownBy(() -> f.send(q, "x".repeat(1_048_577)))
                .hasMessage("One or more parameters are invalid. Reason: Message must be shorter than 1048576 bytes.");
    }
}
