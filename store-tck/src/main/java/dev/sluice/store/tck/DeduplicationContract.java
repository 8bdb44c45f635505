package dev.sluice.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.AppendResult;
import dev.sluice.store.NewMessage;
import dev.sluice.store.QueueId;
import dev.sluice.store.StoredMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract for FIFO deduplication, enforced inside append (REFERENCE §7.2, §7.4). */
public abstract class DeduplicationContract extends StoreContractSupport {
    private static final Duration WINDOW = AppendOptions.SQS_DEDUPLICATION_WINDOW;

    private AppendResult sendOnce(QueueId queue, NewMessage message, Instant now, boolean perMessageGroup) {
        return store.append(queue, List.of(message), new AppendOptions(now, WINDOW, perMessageGroup))
                .get(0);
    }

    @Test
    void duplicateWithinTheWindowIsNotStoredAndReportsTheOriginal() {
        // REFERENCE §7.2: a duplicate inside the window is accepted but not enqueued; §7.4: return the original
        // message's id and sequence number.
        QueueId queue = fifoQueue("orders");
        AppendResult original = sendOnce(queue, fifoMessage("first", "g", "d1", T0), T0, false);

        AppendResult duplicate = sendOnce(queue, fifoMessage("second", "g", "d1", at(60)), at(60), false);

        assertThat(original.duplicate()).isFalse();
        assertThat(duplicate).isEqualTo(new AppendResult("first", original.sequence(), true));
        assertThat(ids(peekAll(queue))).containsExactly("first");
        assertThat(ids(receive(queue, 10, at(61), at(90)))).containsExactly("first");
    }

    @Test
    void duplicateJustInsideTheWindowIsStillSuppressed() {
        QueueId queue = fifoQueue("orders");
        sendOnce(queue, fifoMessage("first", "g", "d1", T0), T0, false);

        Instant justInside = T0.plus(WINDOW).minusSeconds(1);
        AppendResult result = sendOnce(queue, fifoMessage("second", "g", "d1", justInside), justInside, false);

        assertThat(result.duplicate()).isTrue();
    }

    @Test
    void sameDeduplicationIdAfterTheWindowIsStoredAgain() {
        QueueId queue = fifoQueue("orders");
        AppendResult first = sendOnce(queue, fifoMessage("first", "g", "d1", T0), T0, false);

        Instant later = T0.plus(WINDOW).plusSeconds(1);
        AppendResult second = sendOnce(queue, fifoMessage("second", "g", "d1", later), later, false);

        assertThat(second.duplicate()).isFalse();
        assertThat(second.messageId()).isEqualTo("second");
        assertThat(second.sequence()).isGreaterThan(first.sequence());
        assertThat(ids(peekAll(queue))).containsExactly("first", "second");
    }

    @Test
    void windowCountsFromTheFirstAcceptedSendNotFromDuplicates() {
        // REFERENCE §7.2: the window is 5 minutes from the first successful send with that id.
        QueueId queue = fifoQueue("orders");
        sendOnce(queue, fifoMessage("first", "g", "d1", T0), T0, false);
        Instant inside = T0.plus(WINDOW).minusSeconds(10);
        assertThat(sendOnce(queue, fifoMessage("dup", "g", "d1", inside), inside, false)
                        .duplicate())
                .isTrue();

        Instant afterFirstWindow = T0.plus(WINDOW).plusSeconds(10);
        AppendResult third =
                sendOnce(queue, fifoMessage("third", "g", "d1", afterFirstWindow), afterFirstWindow, false);

        assertThat(third.duplicate()).isFalse();
        assertThat(third.messageId()).isEqualTo("third");
    }

    @Test
    void queueScopeTreatsTheSameIdInAnotherGroupAsDuplicate() {
        // REFERENCE §7.2 [O test_sqs_fifo_same_dedup_id_different_message_groups]: only one was received.
        QueueId queue = fifoQueue("orders");
        sendOnce(queue, fifoMessage("first", "g1", "d1", T0), T0, false);

        AppendResult result = sendOnce(queue, fifoMessage("second", "g2", "d1", at(1)), at(1), false);

        assertThat(result.duplicate()).isTrue();
        assertThat(result.messageId()).isEqualTo("first");
    }

    @Test
    void messageGroupScopeStoresTheSameIdInAnotherGroup() {
        // REFERENCE §7.2 [O test_sqs_fifo_message_group_scope_no_throughput_setting]: both were received.
        QueueId queue = fifoQueue("orders");
        sendOnce(queue, fifoMessage("first", "g1", "d1", T0), T0, true);

        AppendResult otherGroup = sendOnce(queue, fifoMessage("second", "g2", "d1", at(1)), at(1), true);
        AppendResult sameGroup = sendOnce(queue, fifoMessage("third", "g1", "d1", at(2)), at(2), true);

        assertThat(otherGroup.duplicate()).isFalse();
        assertThat(sameGroup.duplicate()).isTrue();
        assertThat(sameGroup.messageId()).isEqualTo("first");
        assertThat(ids(peekAll(queue))).containsExactly("first", "second");
    }

    @Test
    void duplicateWithinOneBatchIsSuppressed() {
        QueueId queue = fifoQueue("orders");

        List<AppendResult> results = store.append(
                queue,
                List.of(
                        fifoMessage("a", "g", "d1", T0),
                        fifoMessage("b", "g", "d2", T0),
                        fifoMessage("c", "g", "d1", T0)),
                AppendOptions.at(T0));

        assertThat(results).extracting(AppendResult::duplicate).containsExactly(false, false, true);
        assertThat(results.get(2).messageId()).isEqualTo("a");
        assertThat(results.get(2).sequence()).isEqualTo(results.get(0).sequence());
        assertThat(ids(peekAll(queue))).containsExactly("a", "b");
    }

    @Test
    void deduplicationSurvivesDeleteOfTheOriginal() {
        // REFERENCE §7.2 [O test_fifo_deduplication_arrives_once_after_delete].
        QueueId queue = fifoQueue("orders");
        AppendResult original = sendOnce(queue, fifoMessage("first", "g", "d1", T0), T0, false);
        StoredMessage claimed = receiveOne(queue, at(1), at(30));
        store.delete(queue, claimed.ref(), at(2), true);

        AppendResult again = sendOnce(queue, fifoMessage("second", "g", "d1", at(3)), at(3), false);

        assertThat(again).isEqualTo(new AppendResult("first", original.sequence(), true));
        assertThat(peekAll(queue)).isEmpty();
    }

    @Test
    void purgeClearsTheDeduplicationHistory() {
        // REFERENCE §2.7 [O test_purge_queue_clears_fifo_deduplication_cache].
        QueueId queue = fifoQueue("orders");
        sendOnce(queue, fifoMessage("first", "g", "d1", T0), T0, false);
        store.purge(queue);

        AppendResult again = sendOnce(queue, fifoMessage("second", "g", "d1", at(1)), at(1), false);

        assertThat(again.duplicate()).isFalse();
        assertThat(ids(peekAll(queue))).containsExactly("second");
    }

    @Test
    void deduplicationHistoryIsPerQueue() {
        QueueId a = fifoQueue("a");
        QueueId b = fifoQueue("b");
        sendOnce(a, fifoMessage("first", "g", "d1", T0), T0, false);

        assertThat(sendOnce(b, fifoMessage("second", "g", "d1", at(1)), at(1), false)
                        .duplicate())
                .isFalse();
    }

    @Test
    void recreatedQueueDoesNotInheritTheDeduplicationHistory() {
        QueueId queue = fifoQueue("orders");
        sendOnce(queue, fifoMessage("first", "g", "d1", T0), T0, false);
        store.deleteQueue(queue, at(1));
        createQueue(queue, true);

        assertThat(sendOnce(queue, fifoMessage("second", "g", "d1", at(2)), at(2), false)
                        .duplicate())
                .isFalse();
    }

    @Test
    void standardQueueIgnoresDeduplicationIds() {
        QueueId queue = standardQueue("orders");

        AppendResult first = sendOnce(queue, fifoMessage("first", null, "d1", T0), T0, false);
        AppendResult second = sendOnce(queue, fifoMessage("second", null, "d1", at(1)), at(1), false);

        assertThat(first.duplicate()).isFalse();
        assertThat(second.duplicate()).isFalse();
        assertThat(second.sequence()).isGreaterThan(first.sequence());
        assertThat(ids(peekAll(queue))).containsExactly("first", "second");
    }
}
