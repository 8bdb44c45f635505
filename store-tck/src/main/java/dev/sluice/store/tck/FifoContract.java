package dev.sluice.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.ClaimRequest;
import dev.sluice.store.QueueCounts;
import dev.sluice.store.QueueId;
import dev.sluice.store.StoredMessage;
import dev.sluice.store.VisibilityOutcome;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The contract for FIFO ordering and group blocking, enforced inside claim (REFERENCE §7.1). */
public abstract class FifoContract extends StoreContractSupport {

    private static Map<String, List<String>> idsByGroup(List<StoredMessage> messages) {
        return messages.stream()
                .collect(Collectors.groupingBy(
                        StoredMessage::groupId, Collectors.mapping(StoredMessage::messageId, Collectors.toList())));
    }

    @Test
    void groupWithAMessageInFlightDeliversNothing() {
        QueueId queue = fifoQueue("orders");
        sendToGroup(queue, "g", "m1", "m2", "m3");

        assertThat(ids(receive(queue, 1, at(1), at(30)))).containsExactly("m1");

        assertThat(receive(queue, 10, at(2), at(30))).isEmpty();
        assertThat(store.counts(queue, at(2))).isEqualTo(new QueueCounts(2, 1, 0));
    }

    @Test
    void oneClaimReturnsSeveralMessagesOfAGroupInSequenceOrder() {
        // REFERENCE §7.1: one ReceiveMessage may return several messages of the same group, in order.
        QueueId queue = fifoQueue("orders");
        sendToGroup(queue, "g", "m1", "m2", "m3", "m4");

        List<StoredMessage> claimed = receive(queue, 3, at(1), at(30));

        assertThat(ids(claimed)).containsExactly("m1", "m2", "m3");
        assertThat(claimed).extracting(StoredMessage::groupId).containsOnly("g");
        assertThat(receive(queue, 10, at(2), at(30))).isEmpty();
    }

    @Test
    void oneClaimReturnsSeveralGroupsEachInOrder() {
        // REFERENCE §7.1 [O test_fifo_receive_message_group_id_ordering]: sent g1-m1, g2-m1, g1-m2, g1-m3; one receive
        // of 10 returned all four, each group in send order.
        QueueId queue = fifoQueue("orders");
        sendToGroup(queue, "g1", "g1-m1");
        sendToGroup(queue, "g2", "g2-m1");
        sendToGroup(queue, "g1", "g1-m2", "g1-m3");

        List<StoredMessage> claimed = receive(queue, 10, at(1), at(30));

        assertThat(idsByGroup(claimed))
                .isEqualTo(Map.of("g1", List.of("g1-m1", "g1-m2", "g1-m3"), "g2", List.of("g2-m1")));
    }

    @Test
    void blockedGroupDoesNotHoldBackOtherGroups() {
        QueueId queue = fifoQueue("orders");
        sendToGroup(queue, "g1", "a1", "a2");
        sendToGroup(queue, "g2", "b1", "b2");
        receive(queue, 10, at(1), at(30)).stream()
                .filter(m -> m.groupId().equals("g2"))
                .forEach(m -> store.delete(queue, m.ref(), at(2), true));
        sendToGroup(queue, "g2", "b3");

        assertThat(ids(receive(queue, 10, at(3), at(30)))).containsExactly("b3");
    }

    @Test
    void deletingTheInFlightHeadUnblocksTheGroup() {
        QueueId queue = fifoQueue("orders");
        sendToGroup(queue, "g", "m1", "m2", "m3");
        StoredMessage head = receiveOne(queue, at(1), at(30));

        store.delete(queue, head.ref(), at(2), true);

        assertThat(ids(receive(queue, 10, at(3), at(30)))).containsExactly("m2", "m3");
    }

    @Test
    void expiredVisibilityUnblocksTheGroupFromItsHead() {
        QueueId queue = fifoQueue("orders");
        sendToGroup(queue, "g", "m1", "m2");
        receiveOne(queue, at(1), at(30));

        List<StoredMessage> again = receive(queue, 10, at(30), at(60));

        assertThat(ids(again)).containsExactly("m1", "m2");
        assertThat(again).extracting(StoredMessage::receiveCount).containsExactly(2, 1);
    }

    @Test
    void visibilityChangeToNowUnblocksTheGroup() {
        // REFERENCE §2.13: VisibilityTimeout 0 makes the message visible and, for FIFO, unblocks its group.
        QueueId queue = fifoQueue("orders");
        sendToGroup(queue, "g", "m1", "m2");
        StoredMessage head = receiveOne(queue, at(1), at(30));

        store.changeVisibility(queue, head.ref(), at(5), at(5), true);

        assertThat(ids(receive(queue, 10, at(5), at(30)))).containsExactly("m1", "m2");
    }

    @ParameterizedTest(name = "extending {0} lets {1} be received")
    @CsvSource({"foo, ''", "bar, foo", "baz, foo bar"})
    void groupDeliversOnlyThePrefixBeforeItsFirstInFlightMessage(String extended, String expected) {
        // REFERENCE §7.1 [O test_fifo_group_visibility_extends_with_change_message_visibility]: receive foo, bar, baz
        // of one group with visibility 1 s, extend one of them to 4 s, receive again 2.5 s later.
        QueueId queue = fifoQueue("orders");
        sendToGroup(queue, "g", "foo", "bar", "baz");
        List<StoredMessage> claimed = receive(queue, 10, atMillis(0), atMillis(1_000));
        assertThat(ids(claimed)).containsExactly("foo", "bar", "baz");
        StoredMessage toExtend = claimed.stream()
                .filter(m -> m.messageId().equals(extended))
                .findFirst()
                .orElseThrow();
        assertThat(store.changeVisibility(queue, toExtend.ref(), atMillis(4_500), atMillis(500), true))
                .isEqualTo(VisibilityOutcome.CHANGED);

        List<StoredMessage> again = receive(queue, 10, atMillis(2_500), atMillis(3_500));

        List<String> expectedIds = expected.isBlank() ? List.of() : List.of(expected.split(" "));
        assertThat(ids(again)).containsExactlyElementsOf(expectedIds);
    }

    @Test
    void groupThatBecameEmptyAcceptsAndDeliversNewMessages() {
        // REFERENCE §7.1 [O test_fifo_empty_message_groups_added_back_to_queue].
        QueueId queue = fifoQueue("orders");
        sendToGroup(queue, "g", "m1");
        store.delete(queue, receiveOne(queue, at(1), at(30)).ref(), at(2), true);

        sendToGroup(queue, "g", "m2");

        assertThat(ids(receive(queue, 10, at(3), at(30)))).containsExactly("m2");
    }

    @Test
    void fifoMessagesKeepTheirGroupAndDeduplicationIds() {
        QueueId queue = fifoQueue("orders");
        store.append(queue, List.of(fifoMessage("m1", "g", "dedup-1", T0)), AppendOptions.at(T0));

        StoredMessage claimed = receiveOne(queue, at(1), at(30));

        assertThat(claimed.groupId()).isEqualTo("g");
        assertThat(claimed.deduplicationId()).isEqualTo("dedup-1");
    }

    @Test
    void maxMessagesCutsAGroupsPrefix() {
        QueueId queue = fifoQueue("orders");
        sendToGroup(queue, "g", "m1", "m2", "m3");

        assertThat(ids(receive(queue, 2, at(1), at(30)))).containsExactly("m1", "m2");
        assertThat(receive(queue, 10, at(1), at(30))).isEmpty();
    }

    @Test
    void claimFillsMaxMessagesFromSeveralGroupsTakingOnlyPrefixes() {
        QueueId queue = fifoQueue("orders");
        sendToGroup(queue, "g1", "a1", "a2", "a3");
        sendToGroup(queue, "g2", "b1", "b2", "b3");

        List<StoredMessage> first = receive(queue, 4, at(1), at(30));
        List<StoredMessage> second = receive(queue, 10, at(1), at(30));

        assertThat(first).hasSize(4);
        Map<String, List<String>> byGroup = idsByGroup(first);
        assertThat(List.of("a1", "a2", "a3")
                        .subList(0, byGroup.getOrDefault("g1", List.of()).size()))
                .isEqualTo(byGroup.getOrDefault("g1", List.of()));
        assertThat(List.of("b1", "b2", "b3")
                        .subList(0, byGroup.getOrDefault("g2", List.of()).size()))
                .isEqualTo(byGroup.getOrDefault("g2", List.of()));
        // Every group with a message in flight is blocked, so nothing else can be received.
        assertThat(second).isEmpty();
    }

    @Test
    void expiredHeadOfAGroupIsRemovedAndTheRestOfTheGroupDelivered() {
        // REFERENCE §3 MessageRetentionPeriod: expired messages are deleted, never delivered.
        QueueId queue = fifoQueue("orders");
        store.append(queue, List.of(fifoMessage("old", "g", "old", at(0))), AppendOptions.at(at(0)));
        store.append(queue, List.of(fifoMessage("new", "g", "new", at(100))), AppendOptions.at(at(100)));

        List<StoredMessage> claimed = store.claim(queue, new ClaimRequest(10, at(101), at(130), at(50), null, null));

        assertThat(ids(claimed)).containsExactly("new");
        assertThat(ids(peekAll(queue))).containsExactly("new");
    }
}
