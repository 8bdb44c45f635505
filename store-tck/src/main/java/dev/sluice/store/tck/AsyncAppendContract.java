package dev.sluice.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.AppendResult;
import dev.sluice.store.NewMessage;
import dev.sluice.store.QueueId;
import dev.sluice.store.QueueNotFoundException;
import dev.sluice.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link dev.sluice.store.QueueStore#appendAsync}: the same decisions as {@code append}, made before
 * the call returns, and a future that completes only once the messages are durable, or fails with the store's error.
 */
public abstract class AsyncAppendContract extends StoreContractSupport {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private List<AppendResult> await(CompletableFuture<List<AppendResult>> future) throws Exception {
        return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private CompletableFuture<List<AppendResult>> sendAsync(QueueId queue, String... ids) {
        List<NewMessage> messages = new ArrayList<>();
        for (String id : ids) {
            messages.add(message(id, T0));
        }
        return store.appendAsync(queue, messages, AppendOptions.at(T0));
    }

    @Test
    void appendAsyncStoresTheMessagesInOrderAndAnswersWithTheirResults() throws Exception {
        QueueId queue = standardQueue("orders");
        List<AppendResult> first = send(queue, "m1");

        List<AppendResult> results = await(sendAsync(queue, "m2", "m3"));

        assertThat(results).extracting(AppendResult::messageId).containsExactly("m2", "m3");
        assertThat(results).noneMatch(AppendResult::duplicate);
        assertThat(sequences(results).get(0)).isGreaterThan(first.get(0).sequence());
        assertThat(sequences(results).get(1)).isGreaterThan(sequences(results).get(0));
        assertThat(ids(peekAll(queue))).containsExactly("m1", "m2", "m3");
        assertThat(ids(receive(queue, 10, T0, at(30)))).containsExactly("m1", "m2", "m3");
    }

    @Test
    void appendsMadeOneAfterAnotherWithoutWaitingKeepTheirCallOrder() throws Exception {
        QueueId queue = standardQueue("orders");
        List<CompletableFuture<List<AppendResult>>> futures = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            futures.add(sendAsync(queue, "m" + i));
            expected.add("m" + i);
        }

        long previous = Long.MIN_VALUE;
        for (CompletableFuture<List<AppendResult>> future : futures) {
            long sequence = await(future).get(0).sequence();
            assertThat(sequence).isGreaterThan(previous);
            previous = sequence;
        }
        assertThat(ids(peekAll(queue))).containsExactlyElementsOf(expected);
    }

    @Test
    void appendAsyncDeduplicatesOnFifoQueuesAsAppendDoes() throws Exception {
        QueueId queue = fifoQueue("events.fifo");
        List<AppendResult> original =
                store.append(queue, List.of(fifoMessage("m1", "g", "d1", T0)), AppendOptions.at(T0));

        List<AppendResult> again = await(store.appendAsync(
                queue,
                List.of(fifoMessage("m2", "g", "d1", T0), fifoMessage("m3", "g", "d3", T0)),
                AppendOptions.at(T0.plusSeconds(1))));

        assertThat(again.get(0))
                .isEqualTo(new AppendResult("m1", original.get(0).sequence(), true));
        assertThat(again.get(1).messageId()).isEqualTo("m3");
        assertThat(again.get(1).duplicate()).isFalse();
        assertThat(ids(peekAll(queue))).containsExactly("m1", "m3");
    }

    @Test
    void appendAsyncOfOnlyDuplicatesCompletesWithTheOriginals() throws Exception {
        QueueId queue = fifoQueue("events.fifo");
        List<AppendResult> original =
                store.append(queue, List.of(fifoMessage("m1", "g", "d1", T0)), AppendOptions.at(T0));

        List<AppendResult> again =
                await(store.appendAsync(queue, List.of(fifoMessage("m2", "g", "d1", T0)), AppendOptions.at(T0)));

        assertThat(again).containsExactly(new AppendResult("m1", original.get(0).sequence(), true));
        assertThat(ids(peekAll(queue))).containsExactly("m1");
    }

    @Test
    void appendAsyncToAMissingQueueFailsWithQueueNotFound() {
        QueueId missing = new QueueId(ACCOUNT, "missing");

        CompletableFuture<List<AppendResult>> future =
                store.appendAsync(missing, List.of(message("m1", T0)), AppendOptions.at(T0));

        assertThatThrownBy(() -> future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .hasCauseInstanceOf(QueueNotFoundException.class);
    }

    @Test
    void appendAsyncOnAClosedStoreFailsWithStoreException() {
        QueueId queue = standardQueue("orders");
        closeStore();

        CompletableFuture<List<AppendResult>> future =
                store.appendAsync(queue, List.of(message("m1", T0)), AppendOptions.at(T0));

        assertThatThrownBy(future::join)
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(StoreException.class);
    }

    @Test
    void listenersAreToldOfAnAsyncAppend() throws Exception {
        QueueId queue = standardQueue("orders");
        LinkedBlockingQueue<QueueId> notified = new LinkedBlockingQueue<>();
        store.addListener(notified::add);

        await(sendAsync(queue, "m1"));

        assertThat(notified.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(queue);
    }

    @Test
    void completedAsyncAppendsSurviveACrash() throws Exception {
        QueueId queue = standardQueue("orders");
        List<CompletableFuture<List<AppendResult>>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            futures.add(sendAsync(queue, "m" + i));
        }
        for (CompletableFuture<List<AppendResult>> future : futures) {
            await(future);
        }

        crash();

        assertThat(peekAll(queue)).hasSize(50);
    }
}
