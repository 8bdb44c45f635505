package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.QueueId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FIFO receive retries (REFERENCE §7.3): a retry with the same ReceiveRequestAttemptId within five minutes returns the
 * same messages with the same receipt handles and resets their visibility timeout, unless one of them was deleted or
 * had its visibility changed in between; then, or after five minutes, the id is a new receive.
 */
class ReceiveRequestAttemptIdTest {
    @TempDir
    Path dir;

    final ManualClock clock = new ManualClock();
    EngineFixture f;
    QueueEngine engine;
    QueueId q;

    @BeforeEach
    void fifoQueueWithTwoGroups() {
        f = new EngineFixture(dir, clock);
        engine = f.engine;
        q = f.create("jobs.fifo", Map.of("FifoQueue", "true"));
        engine.sendMessage(q, new SendMessageInput("x", null, null, null, "dx", "g1"));
        engine.sendMessage(q, new SendMessageInput("y", null, null, null, "dy", "g2"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private List<ReceivedMessage> receive(String attemptId) {
        return engine.receiveMessage(q, new ReceiveMessageInput(10, 30, 0, List.of("All"), List.of("All"), attemptId));
    }

    private static List<String> handles(List<ReceivedMessage> messages) {
        return messages.stream().map(ReceivedMessage::receiptHandle).toList();
    }

    private static List<String> bodies(List<ReceivedMessage> messages) {
        return messages.stream().map(ReceivedMessage::body).toList();
    }

    @Test
    void retryWithinFiveMinutesReturnsTheSameReceiptHandlesAndResetsTheVisibilityTimeout() {
        List<ReceivedMessage> first = receive("attempt-1");
        clock.advanceSeconds(20);

        List<ReceivedMessage> retry = receive("attempt-1");

        assertThat(bodies(first)).containsExactlyInAnyOrder("x", "y");
        assertThat(retry)
                .extracting(ReceivedMessage::messageId)
                .containsExactlyElementsOf(
                        first.stream().map(ReceivedMessage::messageId).toList());
        assertThat(handles(retry)).containsExactlyElementsOf(handles(first));
        assertThat(retry)
                .extracting(m -> m.attributes().get("ApproximateReceiveCount"))
                .containsOnly("1");
        // the first receive's 30 s would end at 30 s; the retry at 20 s reset it to 50 s
        clock.advanceSeconds(15);
        assertThat(receive("attempt-2")).isEmpty();
        // the (one and only) handles still work
        engine.changeMessageVisibility(q, first.get(0).receiptHandle(), 60);
        engine.deleteMessage(q, first.get(1).receiptHandle());
    }

    @Test
    void retryAfterADeleteIsANewReceive() {
        List<ReceivedMessage> first = receive("attempt-1");
        ReceivedMessage x =
                first.stream().filter(m -> m.body().equals("x")).findFirst().orElseThrow();
        ReceivedMessage y =
                first.stream().filter(m -> m.body().equals("y")).findFirst().orElseThrow();
        engine.deleteMessage(q, x.receiptHandle());

        // a new receive: y is still in flight and x is gone, so there is nothing to hand out
        assertThat(receive("attempt-1")).isEmpty();
        clock.advanceSeconds(31);
        List<ReceivedMessage> later = receive("attempt-1");
        assertThat(bodies(later)).containsExactly("y");
        assertThat(later.get(0).receiptHandle()).isNotEqualTo(y.receiptHandle());
        assertThat(later.get(0).attributes()).containsEntry("ApproximateReceiveCount", "2");
    }

    @Test
    void retryAfterAVisibilityChangeIsANewReceive() {
        List<ReceivedMessage> first = receive("attempt-1");
        ReceivedMessage y =
                first.stream().filter(m -> m.body().equals("y")).findFirst().orElseThrow();
        clock.advanceSeconds(1);
        engine.changeMessageVisibility(q, y.receiptHandle(), 0);

        List<ReceivedMessage> retry = receive("attempt-1");

        // x stays in flight from the first receive; y was made visible and is received anew
        assertThat(bodies(retry)).containsExactly("y");
        assertThat(retry.get(0).receiptHandle()).isNotEqualTo(y.receiptHandle());
        assertThat(retry.get(0).attributes()).containsEntry("ApproximateReceiveCount", "2");
    }

    @Test
    void retryAfterAVisibilityChangeToTheSameDeadlineIsStillANewReceive() {
        List<ReceivedMessage> first = receive("attempt-1");
        // at the same instant, 30 s again: the deadline does not move, but the visibility was changed
        engine.changeMessageVisibility(q, first.get(0).receiptHandle(), 30);

        assertThat(receive("attempt-1")).isEmpty();
    }

    @Test
    void retryAfterFiveMinutesIsANewReceive() {
        List<ReceivedMessage> first = receive("attempt-1");
        clock.advanceSeconds(300);

        List<ReceivedMessage> retry = receive("attempt-1");

        // the first receive's timeout ran out long ago: both messages are received again, with new handles
        assertThat(bodies(retry)).containsExactlyInAnyOrder("x", "y");
        assertThat(handles(retry)).doesNotContainAnyElementsOf(handles(first));
        assertThat(retry)
                .extracting(m -> m.attributes().get("ApproximateReceiveCount"))
                .containsOnly("2");
    }

    @Test
    void standardQueuesIgnoreTheAttemptId() {
        QueueId standard = f.create("plain");
        f.send(standard, "a");
        f.send(standard, "b");
        ReceiveMessageInput one = new ReceiveMessageInput(1, 30, 0, List.of(), List.of(), "attempt-1");

        List<ReceivedMessage> first = engine.receiveMessage(standard, one);
        List<ReceivedMessage> second = engine.receiveMessage(standard, one);

        assertThat(first).hasSize(1);
        assertThat(second).hasSize(1);
        assertThat(second.get(0).messageId()).isNotEqualTo(first.get(0).messageId());
    }
}
