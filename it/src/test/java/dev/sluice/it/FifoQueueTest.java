package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** FIFO queues: ordering, group blocking, deduplication, sequence numbers (REFERENCE §2.8, §7.1-7.4). */
class FifoQueueTest {
    @RegisterExtension
    static final SluiceExtension sluice = new SluiceExtension();

    private static String fifoQueue(SqsDriver sqs, String prefix, Map<String, String> extra) {
        var attributes = new java.util.HashMap<>(extra);
        attributes.put("FifoQueue", "true");
        return sqs.createQueue(SluiceExtension.uniqueQueueName(prefix) + ".fifo", attributes, Map.of());
    }

    private static OutgoingMessage fifo(String body, String group, String dedupId) {
        return OutgoingMessage.of(body).withGroup(group).withDeduplicationId(dedupId);
    }

    @BothSdks
    void oneGroupIsDeliveredInSendOrderWithIncreasingSequenceNumbers(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = fifoQueue(sqs, "order", Map.of());
        var sent = new java.util.ArrayList<SendResult>();
        for (int i = 0; i < 5; i++) {
            sent.add(sqs.send(url, fifo("m" + i, "g1", "d" + i)));
        }

        BigInteger previous = BigInteger.valueOf(-1);
        for (var s : sent) {
            assertThat(s.sequenceNumber())
                    .as("SequenceNumber of %s", s.messageId())
                    .isPresent();
            var n = new BigInteger(s.sequenceNumber().orElseThrow());
            assertThat(n).isGreaterThan(previous);
            previous = n;
        }
        var bodies = new java.util.ArrayList<String>();
        for (int round = 0; round < 10 && bodies.size() < 5; round++) {
            for (var m : sqs.receive(url, ReceiveOptions.upTo(10).visibility(60))) {
                bodies.add(m.body());
                sqs.delete(url, m.receiptHandle());
            }
        }
        assertThat(bodies).containsExactly("m0", "m1", "m2", "m3", "m4");
    }

    @BothSdks
    void aGroupWithAMessageInFlightDeliversNothingUntilItIsDeleted(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = fifoQueue(sqs, "block", Map.of());
        var g1a = sqs.send(url, fifo("g1-a", "g1", "1a"));
        var g1b = sqs.send(url, fifo("g1-b", "g1", "1b"));
        var g2a = sqs.send(url, fifo("g2-a", "g2", "2a"));

        var first = Messages.receiveOne(sqs, url, ReceiveOptions.defaults().visibility(60));
        assertThat(first.messageId()).isEqualTo(g1a.messageId());
        var second = sqs.receive(url, ReceiveOptions.upTo(10).visibility(60));
        assertThat(second).extracting(ReceivedMessage::messageId).containsExactly(g2a.messageId());
        assertThat(sqs.receive(url, ReceiveOptions.upTo(10).visibility(60))).isEmpty();

        sqs.delete(url, first.receiptHandle());
        var third = sqs.receive(url, ReceiveOptions.upTo(10).visibility(60));
        assertThat(third).extracting(ReceivedMessage::messageId).containsExactly(g1b.messageId());
    }

    @BothSdks
    void aRepeatedDeduplicationIdIsAcceptedButEnqueuedOnce(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = fifoQueue(sqs, "dedup", Map.of());
        var original = sqs.send(url, fifo("first", "g", "same-id"));
        var duplicate = sqs.send(url, fifo("second", "g", "same-id"));

        assertThat(duplicate.messageId()).isEqualTo(original.messageId());
        var received = Messages.receiveAll(sqs, url, 2, Duration.ofSeconds(2));
        assertThat(received.values()).extracting(ReceivedMessage::body).containsExactly("first");
    }

    @BothSdks
    void contentBasedDeduplicationDropsIdenticalBodies(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = fifoQueue(sqs, "cbd", Map.of("ContentBasedDeduplication", "true"));
        var original = sqs.send(url, OutgoingMessage.of("same body").withGroup("g"));
        var duplicate = sqs.send(url, OutgoingMessage.of("same body").withGroup("g"));
        var other = sqs.send(url, OutgoingMessage.of("other body").withGroup("g"));

        assertThat(duplicate.messageId()).isEqualTo(original.messageId());
        assertThat(other.messageId()).isNotEqualTo(original.messageId());
        var received = Messages.receiveAll(sqs, url, 3, Duration.ofSeconds(2));
        assertThat(received.values()).extracting(ReceivedMessage::body).containsExactly("same body", "other body");
    }

    @BothSdks
    void fifoOnlyRulesAreEnforced(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = fifoQueue(sqs, "rules", Map.of());

        Expect.error(
                "MissingParameter",
                400,
                () -> sqs.send(url, OutgoingMessage.of("no group").withDeduplicationId("d")));
        Expect.error(
                "InvalidParameterValue",
                400,
                () -> sqs.send(url, fifo("delayed", "g", "d2").withDelay(2)));
        Expect.error(
                "InvalidParameterValue",
                400,
                () -> sqs.createQueue(SluiceExtension.uniqueQueueName("nofifo") + ".fifo"));
    }

    @BothSdks
    void fifoSystemAttributesAreReturnedOnReceive(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = fifoQueue(sqs, "sysattrs", Map.of());
        var sent = sqs.send(url, fifo("hello", "group-7", "dedup-7"));

        var m = Messages.receiveOne(sqs, url, ReceiveOptions.defaults().systemAttributes("All"));

        assertThat(m.messageId()).isEqualTo(sent.messageId());
        assertThat(m.systemAttributes())
                .containsEntry("MessageGroupId", "group-7")
                .containsEntry("MessageDeduplicationId", "dedup-7")
                .containsEntry("SequenceNumber", sent.sequenceNumber().orElseThrow());
        assertThat(List.copyOf(m.systemAttributes().keySet())).contains("SentTimestamp", "ApproximateReceiveCount");
    }

    @BothSdks
    void batchEntriesOfOneGroupKeepRequestOrderAndGetSequenceNumbers(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = fifoQueue(sqs, "fifobatch", Map.of());
        var entries = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> new SendEntry("e" + i, fifo("b" + i, "g", "bd" + i)))
                .toList();

        var outcome = sqs.sendBatch(url, entries);

        assertThat(outcome.failed()).isEmpty();
        BigInteger previous = BigInteger.valueOf(-1);
        for (int i = 0; i < 4; i++) {
            var n = new BigInteger(
                    outcome.successful().get("e" + i).sequenceNumber().orElseThrow());
            assertThat(n).isGreaterThan(previous);
            previous = n;
        }
        assertThat(sqs.receive(url, ReceiveOptions.upTo(10).visibility(60)))
                .extracting(ReceivedMessage::body)
                .containsExactly("b0", "b1", "b2", "b3");
    }

    @BothSdks
    void aRepeatedReceiveRequestAttemptIdReturnsTheSameMessagesAndReceiptHandlesAgain(Sdk sdk) {
        var sqs = sluice.driver(sdk);
        var url = fifoQueue(sqs, "attempt", Map.of());
        sqs.send(url, fifo("x", "g", "x1"));
        sqs.send(url, fifo("y", "g", "y1"));

        var options = ReceiveOptions.upTo(10).visibility(60).attemptId("attempt-1");
        var first = sqs.receive(url, options);
        var retry = sqs.receive(url, options);

        assertThat(first).extracting(ReceivedMessage::body).containsExactly("x", "y");
        // the same messages and the same receipt handles again, although they are in flight (REFERENCE §7.3)
        assertThat(retry)
                .extracting(ReceivedMessage::messageId, ReceivedMessage::receiptHandle)
                .containsExactlyElementsOf(first.stream()
                        .map(m -> tuple(m.messageId(), m.receiptHandle()))
                        .toList());
        sqs.delete(url, first.get(0).receiptHandle());
        // a delete ends the attempt: the same id is now a new receive, and y is still in flight
        assertThat(sqs.receive(url, options)).isEmpty();
        assertThat(sqs.receive(url, ReceiveOptions.upTo(10).visibility(60).attemptId("attempt-2")))
                .isEmpty();
    }
}
