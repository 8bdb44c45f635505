package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.store.QueueId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FifoQueueTest {
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
        q = f.create("jobs.fifo", Map.of("FifoQueue", "true"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private SendMessageOutput send(String body, String group, String dedup) {
        return engine.sendMessage(q, new SendMessageInput(body, null, null, null, dedup, group));
    }

    /** REFERENCE §2.8 FIFO send rules. */
    @Test
    void fifoSendNeedsGroupAndDeduplicationIds() {
        assertThatThrownBy(() -> send("a", null, "d"))
                .hasMessage("The request must contain the parameter MessageGroupId.");
        assertThatThrownBy(() -> send("a", "g", null))
                .hasMessage("The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId"
                        + " provided explicitly");
        assertThatThrownBy(() -> engine.sendMessage(q, new SendMessageInput("a", 2, null, null, "d", "g")))
                .hasMessage("Value 2 for parameter DelaySeconds is invalid. Reason: The request include parameter that"
                        + " is not valid for this queue type.");
        engine.sendMessage(q, new SendMessageInput("a", 0, null, null, "d0", "g"));
    }

    /** REFERENCE §7.2, §7.4: duplicates are accepted but stored once, with the original's id and sequence. */
    @Test
    void duplicateWithinWindowReturnsOriginalAndIsDeliveredOnce() {
        SendMessageOutput first = send("a", "g", "d1");
        SendMessageOutput dup = send("a", "g", "d1");
        assertThat(first.sequenceNumber()).hasSize(20);
        assertThat(dup.messageId()).isEqualTo(first.messageId());
        assertThat(dup.sequenceNumber()).isEqualTo(first.sequenceNumber());
        SendMessageOutput second = send("b", "g", "d2");
        assertThat(second.sequenceNumber()).isGreaterThan(first.sequenceNumber());

        List<ReceivedMessage> got = f.receive(q, 10);
        assertThat(got).extracting(ReceivedMessage::body).containsExactly("a", "b");
        assertThat(got.get(0).attributes())
                .containsEntry("MessageGroupId", "g")
                .containsEntry("MessageDeduplicationId", "d1")
                .containsEntry("SequenceNumber", first.sequenceNumber());
    }

    @Test
    void contentBasedDeduplicationUsesSha256OfBody() {
        engine.setQueueAttributes(q, Map.of("ContentBasedDeduplication", "true"));
        SendMessageOutput first = send("same", "g", null);
        assertThat(send("same", "g", null).messageId()).isEqualTo(first.messageId());
        ReceivedMessage m = f.receive(q, 10).get(0);
        assertThat(m.attributes()).containsEntry("MessageDeduplicationId", Md5Digests.sha256OfBody("same"));
    }

    /** REFERENCE §2.11: an expired FIFO handle does not delete. */
    @Test
    void expiredFifoReceiptHandleCannotDelete() {
        send("a", "g", "d1");
        ReceivedMessage m = f.receive(q, 1, 5).get(0);
        clock.advanceSeconds(6);
        assertThatThrownBy(() -> engine.deleteMessage(q, m.receiptHandle()))
                .hasMessage("Value " + m.receiptHandle() + " for parameter ReceiptHandle is invalid. Reason: The"
                        + " receipt handle has expired.");
        ReceivedMessage again = f.receive(q, 1, 5).get(0);
        engine.deleteMessage(q, again.receiptHandle());
        assertThat(f.receive(q, 1)).isEmpty();
    }

    @Test
    void fifoBatchWithoutGroupIdFailsAsAWhole() {
        assertThatThrownBy(() -> engine.sendMessageBatch(
                        q,
                        List.of(
                                new BatchEntry<>("a", new SendMessageInput("a", null, null, null, "d", "g")),
                                new BatchEntry<>("b", new SendMessageInput("b", null, null, null, "e", null)))))
                .isInstanceOfSatisfying(
                        SqsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE));
    }
}
