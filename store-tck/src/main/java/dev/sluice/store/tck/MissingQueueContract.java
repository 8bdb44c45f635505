package dev.sluice.store.tck;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.MessageRef;
import dev.sluice.store.NewVisibility;
import dev.sluice.store.QueueId;
import dev.sluice.store.QueueNotFoundException;
import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract that every message operation on a queue that does not exist, or no longer exists, throws {@link
 * QueueNotFoundException} naming the queue (the engine answers QueueDoesNotExist, REFERENCE ERRORS).
 */
public abstract class MissingQueueContract extends StoreContractSupport {

    /** One message operation, applied to a queue id. */
    @FunctionalInterface
    protected interface MessageOperation {
        void apply(StoreContractSupport kit, QueueId queue);
    }

    static List<Named<MessageOperation>> messageOperations() {
        return List.of(
                Named.of("append", (k, q) -> k.store.append(q, List.of(message("m", T0)), AppendOptions.at(T0))),
                Named.of("claim", (k, q) -> k.store.claim(q, claimRequest(10, T0, at(30)))),
                Named.of(
                        "changeVisibility",
                        (k, q) -> k.store.changeVisibility(q, new MessageRef(1, 1), at(1), T0, false)),
                Named.of("delete", (k, q) -> k.store.delete(q, new MessageRef(1, 1), T0, false)),
                Named.of(
                        "changeVisibilityAll",
                        (k, q) -> k.store.changeVisibilityAll(
                                q, List.of(new NewVisibility(new MessageRef(1, 1), at(1))), T0, false)),
                Named.of("deleteAll", (k, q) -> k.store.deleteAll(q, List.of(new MessageRef(1, 1)), T0, false)),
                Named.of("purge", (k, q) -> k.store.purge(q)),
                Named.of("expire", (k, q) -> k.store.expire(q, T0)),
                Named.of("counts", (k, q) -> k.store.counts(q, T0)),
                Named.of("nextVisibleAt", (k, q) -> k.store.nextVisibleAt(q, T0)),
                Named.of("peek", (k, q) -> k.store.peek(q, Long.MIN_VALUE, 10)));
    }

    @ParameterizedTest
    @MethodSource("messageOperations")
    void messageOperationOnAnUnknownQueueThrowsQueueNotFound(MessageOperation operation) {
        QueueId missing = new QueueId(ACCOUNT, "missing");

        assertThatThrownBy(() -> operation.apply(this, missing))
                .isInstanceOf(QueueNotFoundException.class)
                .extracting(e -> ((QueueNotFoundException) e).queue())
                .isEqualTo(missing);
    }

    @ParameterizedTest
    @MethodSource("messageOperations")
    void messageOperationOnADeletedQueueThrowsQueueNotFound(MessageOperation operation) {
        QueueId queue = standardQueue("orders");
        send(queue, "m1");
        store.deleteQueue(queue, at(1));

        assertThatThrownBy(() -> operation.apply(this, queue))
                .isInstanceOf(QueueNotFoundException.class)
                .extracting(e -> ((QueueNotFoundException) e).queue())
                .isEqualTo(queue);
    }

    @ParameterizedTest
    @MethodSource("messageOperations")
    void messageOperationOnAQueueOfTheSameNameInAnotherAccountThrowsQueueNotFound(MessageOperation operation) {
        createQueue(new QueueId(OTHER_ACCOUNT, "orders"), false);
        QueueId missing = new QueueId(ACCOUNT, "orders");

        assertThatThrownBy(() -> operation.apply(this, missing)).isInstanceOf(QueueNotFoundException.class);
    }
}
