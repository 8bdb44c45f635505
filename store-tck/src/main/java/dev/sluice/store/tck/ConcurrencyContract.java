package dev.sluice.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.AppendResult;
import dev.sluice.store.CreateOutcome;
import dev.sluice.store.DeleteOutcome;
import dev.sluice.store.NewMessage;
import dev.sluice.store.QueueCounts;
import dev.sluice.store.QueueId;
import dev.sluice.store.QueueNotFoundException;
import dev.sluice.store.QueueRecord;
import dev.sluice.store.Redrive;
import dev.sluice.store.StoredMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The contract that each method is atomic when called from many threads at once: no message is handed out twice
 * while in flight, no sequence is given twice, no FIFO group is split between concurrent receives.
 */
public abstract class ConcurrencyContract extends StoreContractSupport {
    private static final int THREADS = 8;

    /** Runs {@code task} on {@link #THREADS} threads started together, bounded to 20 s. */
    private static <T> List<T> onAllThreads(Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(20, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentAppendsGetDistinctSequencesAndAreAllStored() throws Exception {
        QueueId queue = standardQueue("orders");
        ConcurrentLinkedQueue<Long> sequences = new ConcurrentLinkedQueue<>();

        onAllThreads(() -> {
            for (int i = 0; i < 25; i++) {
                String id = Thread.currentThread().getName() + "-" + i;
                List<AppendResult> results = store.append(
                        queue, List.of(message(id + "a", T0), message(id + "b", T0)), AppendOptions.at(T0));
                results.forEach(r -> sequences.add(r.sequence()));
            }
            return null;
        });

        assertThat(sequences).hasSize(THREADS * 50).doesNotHaveDuplicates();
        assertThat(peekAll(queue)).hasSize(THREADS * 50);
    }

    @Test
    void concurrentClaimsNeverHandOutTheSameMessageTwice() throws Exception {
        QueueId queue = standardQueue("orders");
        List<NewMessage> batch = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            batch.add(message("m" + i, T0));
            if (batch.size() == 10) {
                store.append(queue, batch, AppendOptions.at(T0));
                batch.clear();
            }
        }

        AtomicInteger total = new AtomicInteger();
        List<List<String>> perThread = onAllThreads(() -> {
            List<String> mine = new ArrayList<>();
            // A backend may skip rows another claim holds, so an empty claim does not mean "all claimed".
            for (int attempt = 0; attempt < 1_000 && total.get() < 400; attempt++) {
                List<StoredMessage> claimed = receive(queue, 3, at(1), at(300));
                total.addAndGet(claimed.size());
                mine.addAll(ids(claimed));
            }
            return mine;
        });

        List<String> all = perThread.stream().flatMap(Collection::stream).toList();
        assertThat(all).hasSize(400).doesNotHaveDuplicates();
    }

    @Test
    void concurrentClaimsNeverSplitAFifoGroup() throws Exception {
        QueueId queue = fifoQueue("orders");
        for (int g = 0; g < 40; g++) {
            sendToGroup(queue, "g" + g, "g" + g + "-m1", "g" + g + "-m2", "g" + g + "-m3");
        }

        AtomicInteger total = new AtomicInteger();
        List<List<StoredMessage>> perThread = onAllThreads(() -> {
            List<StoredMessage> mine = new ArrayList<>();
            for (int attempt = 0; attempt < 500 && total.get() < 40; attempt++) {
                List<StoredMessage> claimed = receive(queue, 1, at(1), at(300));
                total.addAndGet(claimed.size());
                mine.addAll(claimed);
            }
            // Claims after every head is out must still find nothing: the rest of each group is blocked.
            mine.addAll(receive(queue, 10, at(1), at(300)));
            return mine;
        });

        List<String> all = perThread.stream()
                .flatMap(Collection::stream)
                .map(StoredMessage::messageId)
                .toList();
        // With one message per claim and nothing deleted, each group hands out only its head.
        assertThat(all).hasSize(40).doesNotHaveDuplicates().allMatch(id -> id.endsWith("-m1"));
    }

    @Test
    void concurrentDeletesOfOneMessageDeleteItExactlyOnce() throws Exception {
        QueueId queue = standardQueue("orders");
        send(queue, "m1");
        StoredMessage claimed = receiveOne(queue, at(0), at(30));

        List<DeleteOutcome> outcomes = onAllThreads(() -> store.delete(queue, claimed.ref(), at(1), true));

        assertThat(outcomes).containsOnlyOnce(DeleteOutcome.DELETED);
        assertThat(outcomes).filteredOn(o -> o != DeleteOutcome.DELETED).containsOnly(DeleteOutcome.NOT_FOUND);
    }

    @Test
    void concurrentQueueUpdatesLoseNoChange() throws Exception {
        QueueId queue = standardQueue("orders");
        store.updateQueue(queue, q -> q.withAttributes(Map.of("counter", "0"), T0));

        onAllThreads(() -> {
            for (int i = 0; i < 10; i++) {
                store.updateQueue(queue, q -> {
                    int next = Integer.parseInt(q.attributes().get("counter")) + 1;
                    return q.withAttributes(Map.of("counter", Integer.toString(next)), T0);
                });
            }
            return null;
        });

        assertThat(store.findQueue(queue).orElseThrow().attributes()).containsEntry("counter", "" + THREADS * 10);
    }

    @Test
    void concurrentCreatesOfOneQueueCreateItExactlyOnce() throws Exception {
        QueueId queue = new QueueId(ACCOUNT, "orders");

        List<CreateOutcome> outcomes =
                onAllThreads(() -> store.createQueue(queueRecord(queue, false), NO_RECREATE_GUARD));

        assertThat(outcomes).filteredOn(o -> o instanceof CreateOutcome.Created).hasSize(1);
        QueueRecord created = outcomes.stream()
                .filter(o -> o instanceof CreateOutcome.Created)
                .map(o -> ((CreateOutcome.Created) o).queue())
                .findFirst()
                .orElseThrow();
        assertThat(outcomes)
                .filteredOn(o -> !(o instanceof CreateOutcome.Created))
                .containsOnly(new CreateOutcome.Exists(created));
    }

    @Test
    void concurrentSendsOfOneDeduplicationIdStoreOneMessage() throws Exception {
        // REFERENCE §7.2: deduplication is decided inside the store's atomic step.
        QueueId queue = fifoQueue("orders");

        List<AppendResult> results = onAllThreads(() -> store.append(
                        queue,
                        List.of(fifoMessage(Thread.currentThread().getName(), "g", "same", T0)),
                        AppendOptions.at(T0))
                .get(0));

        assertThat(results).filteredOn(r -> !r.duplicate()).hasSize(1);
        AppendResult original =
                results.stream().filter(r -> !r.duplicate()).findFirst().orElseThrow();
        assertThat(results)
                .allSatisfy(r -> assertThat(r.messageId()).isEqualTo(original.messageId()))
                .allSatisfy(r -> assertThat(r.sequence()).isEqualTo(original.sequence()));
        assertThat(peekAll(queue)).hasSize(1);
    }

    @Test
    void concurrentClaimsMoveEachMessageToTheDeadLetterQueueOnce() throws Exception {
        QueueId source = standardQueue("orders");
        QueueId dlq = standardQueue("orders-dlq");
        for (int i = 0; i < 10; i++) {
            sendAt(source, T0, "a" + i, "b" + i, "c" + i, "d" + i, "e" + i);
        }
        Redrive policy = new Redrive(dlq, 1, "arn:aws:sqs:us-east-1:000000000000:orders");
        for (int i = 0; i < 5; i++) {
            receiveWithRedrive(source, 10, at(0), at(30), policy);
        }

        onAllThreads(() -> {
            for (int attempt = 0; attempt < 20; attempt++) {
                receiveWithRedrive(source, 10, at(30), at(60), policy);
            }
            return null;
        });

        assertThat(peekAll(source)).isEmpty();
        List<String> moved = ids(peekAll(dlq));
        assertThat(moved).hasSize(50).doesNotHaveDuplicates();
    }

    @Test
    void appendsRacingAQueueDeletionNeverLeakIntoItsSuccessor() throws Exception {
        QueueId queue = standardQueue("orders");
        CountDownLatch someSent = new CountDownLatch(THREADS);
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                senders.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        try {
                            send(queue, "m" + i);
                        } catch (QueueNotFoundException e) {
                            return;
                        } catch (RuntimeException e) {
                            unexpected.add(e);
                            return;
                        } finally {
                            if (i == 0) {
                                someSent.countDown();
                            }
                        }
                    }
                }));
            }
            assertThat(someSent.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(store.deleteQueue(queue, at(1))).isTrue();
            for (Future<?> sender : senders) {
                sender.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        createQueue(queue, false);

        assertThat(unexpected).isEmpty();
        assertThat(peekAll(queue)).isEmpty();
        assertThat(store.counts(queue, at(2))).isEqualTo(new QueueCounts(0, 0, 0));
    }
}
