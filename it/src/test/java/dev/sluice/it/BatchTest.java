package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SendMessageBatch, DeleteMessageBatch, ChangeMessageVisibilityBatch (REFERENCE §2.9, §2.12, §2.14). */
class BatchTest {
    @RegisterExtension
    static final SluiceExtension sluice = new SluiceExtension();

    private static List<SendEntry> entries(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new SendEntry("e" + i, OutgoingMessage.of("body " + i)))
                .toList();
    }

    @BothSdks
    void sendBatchEnqueuesEveryEntryWithItsDigests(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("sendbatch"));
        var batch = new ArrayList<>(entries(9));
        batch.add(new SendEntry(
                "with_attrs-1",
                OutgoingMessage.of("{\"order\":42}")
                        .withAttribute("trace-id", MessageAttribute.string("abc-123"))
                        .withAttribute("Priority", MessageAttribute.ofType("Number.int", "5"))
                        .withAttribute("blob", MessageAttribute.binary((byte) 0, (byte) 1, (byte) 2, (byte) 0xFF))
                        .withTraceHeader("Root=1-65a1b2c3-0123456789abcdef01234567;Sampled=1")));

        var outcome = sqs.sendBatch(url, batch);

        assertThat(outcome.failed()).isEmpty();
        assertThat(outcome.successful()).hasSize(10);
        var attrs = outcome.successful().get("with_attrs-1");
        assertThat(attrs.md5OfMessageBody()).isEqualTo("0d15cd31971ecd0d554a062cddbab844");
        assertThat(attrs.md5OfMessageAttributes()).contains("3c24df738f73cdb53937453806beb8c7");
        assertThat(attrs.md5OfMessageSystemAttributes()).contains("c96c3f11f20eef7fa8a72059cfb17958");
        assertThat(outcome.successful().get("e0").md5OfMessageAttributes()).isEmpty();
        var received = Messages.receiveAll(sqs, url, 10, Duration.ofSeconds(10));
        assertThat(received.keySet())
                .containsExactlyInAnyOrderElementsOf(outcome.successful().values().stream()
                        .map(SendResult::messageId)
                        .toList());
    }

    @BothSdks
    void badEntriesFailAloneWhileTheOthersAreSent(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(
                SluiceExtension.uniqueQueueName("partial"),
                java.util.Map.of("MaximumMessageSize", "1024"),
                java.util.Map.of());
        var batch = new ArrayList<>(entries(8));
        batch.add(new SendEntry("badchars", OutgoingMessage.of("bell \u0007")));
        batch.add(new SendEntry("toolong", OutgoingMessage.of("x".repeat(1025))));

        var outcome = sqs.sendBatch(url, batch);

        assertThat(outcome.successful()).hasSize(8);
        assertThat(outcome.failed())
                .extracting(BatchFailure::id, BatchFailure::code, BatchFailure::senderFault)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("badchars", "InvalidMessageContents", true),
                        org.assertj.core.groups.Tuple.tuple("toolong", "InvalidParameterValue", true));
        assertThat(outcome.failed())
                .filteredOn(f -> f.id().equals("toolong"))
                .extracting(BatchFailure::message)
                .containsExactly(
                        "One or more parameters cannot be validated. Reason: Message must be shorter than 1024 bytes.");
        assertThat(Messages.receiveAll(sqs, url, 8, Duration.ofSeconds(10))).hasSize(8);
    }

    @BothSdks
    void malformedSendBatchesFailAsAWholeAndEnqueueNothing(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("badbatch"));

        Expect.error("AWS.SimpleQueueService.EmptyBatchRequest", 400, () -> sqs.sendBatch(url, List.of()));
        var tooMany = Expect.error(
                "AWS.SimpleQueueService.TooManyEntriesInBatchRequest", 400, () -> sqs.sendBatch(url, entries(11)));
        assertThat(tooMany.errorMessage()).isEqualTo("Maximum number of entries per request are 10. You have sent 11.");
        Expect.error(
                "AWS.SimpleQueueService.BatchEntryIdsNotDistinct",
                400,
                () -> sqs.sendBatch(
                        url,
                        List.of(
                                new SendEntry("same", OutgoingMessage.of("a")),
                                new SendEntry("same", OutgoingMessage.of("b")))));
        for (var badId : List.of("has space", "dot.ted", "x".repeat(81), "")) {
            var e = Expect.error(
                    "AWS.SimpleQueueService.InvalidBatchEntryId",
                    400,
                    () -> sqs.sendBatch(
                            url,
                            List.of(
                                    new SendEntry("ok", OutgoingMessage.of("a")),
                                    new SendEntry(badId, OutgoingMessage.of("b")))));
            assertThat(e.errorMessage())
                    .isEqualTo("A batch entry id can only contain alphanumeric characters, hyphens and underscores. It"
                            + " can be at most 80 letters long.");
        }
        var half = "h".repeat(524_288);
        var tooLong = Expect.error(
                "AWS.SimpleQueueService.BatchRequestTooLong",
                400,
                () -> sqs.sendBatch(
                        url,
                        List.of(
                                new SendEntry("a", OutgoingMessage.of(half)),
                                new SendEntry("b", OutgoingMessage.of(half + "!")))));
        assertThat(tooLong.errorMessage())
                .isEqualTo("Batch requests cannot be longer than 1048576 bytes. You have sent 1048577 bytes.");

        assertThat(sqs.getQueueAttributes(url, List.of("ApproximateNumberOfMessages")))
                .containsEntry("ApproximateNumberOfMessages", "0");
    }

    @BothSdks
    void deleteBatchDeletesGoodHandlesAndReportsBadOnes(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("delbatch"));
        sqs.sendBatch(url, entries(3));
        var received = new ArrayList<>(
                Messages.receiveAll(sqs, url, 3, Duration.ofSeconds(10)).values());
        assertThat(received).hasSize(3);

        var outcome = sqs.deleteBatch(
                url,
                List.of(
                        HandleEntry.delete("d0", received.get(0).receiptHandle()),
                        HandleEntry.delete("d1", received.get(1).receiptHandle()),
                        HandleEntry.delete("bad", "garbage")));

        assertThat(outcome.successful()).containsExactlyInAnyOrder("d0", "d1");
        assertThat(outcome.failed())
                .extracting(BatchFailure::id, BatchFailure::code, BatchFailure::senderFault)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bad", "ReceiptHandleIsInvalid", true));
        assertThat(sqs.getQueueAttributes(url, List.of("ApproximateNumberOfMessagesNotVisible")))
                .containsEntry("ApproximateNumberOfMessagesNotVisible", "1");
    }

    @BothSdks
    void malformedDeleteAndVisibilityBatchesFailAsAWhole(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("badhandles"));
        var eleven = IntStream.range(0, 11)
                .mapToObj(i -> new HandleEntry("h" + i, "garbage", 1))
                .toList();
        var twins = List.of(new HandleEntry("t", "garbage", 1), new HandleEntry("t", "garbage", 1));
        var badId = List.of(new HandleEntry("bad id", "garbage", 1));

        Expect.error("AWS.SimpleQueueService.EmptyBatchRequest", 400, () -> sqs.deleteBatch(url, List.of()));
        Expect.error("AWS.SimpleQueueService.TooManyEntriesInBatchRequest", 400, () -> sqs.deleteBatch(url, eleven));
        Expect.error("AWS.SimpleQueueService.BatchEntryIdsNotDistinct", 400, () -> sqs.deleteBatch(url, twins));
        Expect.error("AWS.SimpleQueueService.InvalidBatchEntryId", 400, () -> sqs.deleteBatch(url, badId));
        Expect.error("AWS.SimpleQueueService.EmptyBatchRequest", 400, () -> sqs.changeVisibilityBatch(url, List.of()));
        Expect.error(
                "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
                400,
                () -> sqs.changeVisibilityBatch(url, eleven));
        Expect.error(
                "AWS.SimpleQueueService.BatchEntryIdsNotDistinct", 400, () -> sqs.changeVisibilityBatch(url, twins));
        Expect.error("AWS.SimpleQueueService.InvalidBatchEntryId", 400, () -> sqs.changeVisibilityBatch(url, badId));
    }

    @BothSdks
    void changeVisibilityBatchMakesChosenMessagesVisibleAndReportsBadHandles(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = sqs.createQueue(SluiceExtension.uniqueQueueName("visbatch"));
        sqs.sendBatch(url, entries(2));
        var received = new ArrayList<>(
                Messages.receiveAll(sqs, url, 2, Duration.ofSeconds(10)).values());
        assertThat(received).hasSize(2);

        var outcome = sqs.changeVisibilityBatch(
                url,
                List.of(
                        HandleEntry.visibility("now", received.get(0).receiptHandle(), 0),
                        HandleEntry.visibility("later", received.get(1).receiptHandle(), 120),
                        HandleEntry.visibility("bad", "garbage", 0)));

        assertThat(outcome.successful()).containsExactlyInAnyOrder("now", "later");
        assertThat(outcome.failed()).extracting(BatchFailure::id).containsExactly("bad");
        var again = sqs.receive(url, ReceiveOptions.upTo(10));
        assertThat(again)
                .extracting(ReceivedMessage::messageId)
                .containsExactly(received.get(0).messageId());
    }
}
