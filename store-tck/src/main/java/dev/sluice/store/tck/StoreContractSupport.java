package dev.sluice.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.AppendResult;
import dev.sluice.store.ClaimRequest;
import dev.sluice.store.CreateOutcome;
import dev.sluice.store.NewMessage;
import dev.sluice.store.QueueId;
import dev.sluice.store.QueueRecord;
import dev.sluice.store.QueueStore;
import dev.sluice.store.Redrive;
import dev.sluice.store.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The hooks a backend implements and the fixtures every contract suite shares.
 *
 * <p>Design: each area suite extends this class and reaches the store under test through {@link #backend()} (see
 * {@link StoreBackend}): a fresh store before each test, a reopened one for {@link #restart()}, and the store a
 * simulated crash left for {@link #crash()}, which is how the durability and crash suites prove what
 * survives a restart. The store takes every instant as an argument, so the kit needs no clock: it uses {@link #T0}
 * plus offsets, far from the real time so a store that reads the system clock shows up.
 */
public abstract class StoreContractSupport {
    /** The base instant of every test; a fixed date in the past of any real clock the tests run on. */
    protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    protected static final String ACCOUNT = "000000000000";
    protected static final String OTHER_ACCOUNT = "111111111111";

    /** A retention boundary older than every message the kit sends: nothing is expired by it. */
    protected static final Instant RETAIN_ALL = T0.minus(Duration.ofDays(30));

    /**
     * A {@code recreateAfter} later than every deletion in the kit: no deleted queue blocks a create made with it.
     */
    protected static final Instant NO_RECREATE_GUARD = T0.plus(Duration.ofDays(365));

    /** The store under test, opened before each test and closed after it. */
    protected QueueStore store;

    private boolean open;

    /** The backend under test (the nested suites of {@link QueueStoreContract} return the enclosing one). */
    protected abstract StoreBackend backend();

    @BeforeEach
    final void openStoreForTest() {
        store = backend().openStore();
        open = true;
    }

    @AfterEach
    final void closeStoreAfterTest() {
        if (open) {
            open = false;
            store.close();
        }
    }

    /** Closes the current store cleanly and continues the test on a store reopened on the same data. */
    protected final void restart() {
        closeStore();
        store = backend().reopenStore();
        open = true;
    }

    /** Continues the test on the store {@link StoreBackend#crashAndReopenStore(QueueStore)} recovered after a simulated crash. */
    protected final void crash() {
        // If the hook fails, the current store is still ours to close after the test.
        store = backend().crashAndReopenStore(store);
    }

    /** Closes the current store; the test must not use it afterwards except to check that calls fail. */
    protected final void closeStore() {
        open = false;
        store.close();
    }

    // ---- time ----

    protected static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    protected static Instant atMillis(long millis) {
        return T0.plusMillis(millis);
    }

    // ---- queues ----

    protected static QueueRecord queueRecord(QueueId id, boolean fifo) {
        return new QueueRecord(
                id, 0, fifo, Map.of("VisibilityTimeout", "30"), Map.of(), fifo ? "key-" + id.name() : "", T0, T0);
    }

    protected final QueueRecord createQueue(QueueId id, boolean fifo) {
        CreateOutcome outcome = store.createQueue(queueRecord(id, fifo), NO_RECREATE_GUARD);
        assertThat(outcome).isInstanceOf(CreateOutcome.Created.class);
        return ((CreateOutcome.Created) outcome).queue();
    }

    protected final QueueId standardQueue(String name) {
        QueueId id = new QueueId(ACCOUNT, name);
        createQueue(id, false);
        return id;
    }

    protected final QueueId fifoQueue(String name) {
        QueueId id = new QueueId(ACCOUNT, name + ".fifo");
        createQueue(id, true);
        return id;
    }

    // ---- messages ----

    protected static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A standard message whose payload is its id, sent at {@code sentAt} and visible at once. */
    protected static NewMessage message(String id, Instant sentAt) {
        return NewMessage.of(id, bytes(id), sentAt, sentAt);
    }

    /** A FIFO message whose payload is its id. */
    protected static NewMessage fifoMessage(String id, String groupId, String deduplicationId, Instant sentAt) {
        return new NewMessage(id, bytes(id), sentAt, sentAt, groupId, deduplicationId, null);
    }

    /** Appends standard messages, sent at {@link #T0} and visible at once, one append per call. */
    protected final List<AppendResult> send(QueueId queue, String... ids) {
        return sendAt(queue, T0, ids);
    }

    protected final List<AppendResult> sendAt(QueueId queue, Instant sentAt, String... ids) {
        List<NewMessage> messages = new ArrayList<>();
        for (String id : ids) {
            messages.add(message(id, sentAt));
        }
        return store.append(queue, messages, AppendOptions.at(sentAt));
    }

    /** Appends one FIFO message per id to one group, each with its id as deduplication id. */
    protected final List<AppendResult> sendToGroup(QueueId queue, String groupId, String... ids) {
        List<NewMessage> messages = new ArrayList<>();
        for (String id : ids) {
            messages.add(fifoMessage(id, groupId, id, T0));
        }
        return store.append(queue, messages, AppendOptions.at(T0));
    }

    protected static ClaimRequest claimRequest(int max, Instant now, Instant visibleUntil) {
        return new ClaimRequest(max, now, visibleUntil, RETAIN_ALL, null, null);
    }

    /** Claims up to {@code max} messages at {@code now}, invisible until {@code visibleUntil}. */
    protected final List<StoredMessage> receive(QueueId queue, int max, Instant now, Instant visibleUntil) {
        return store.claim(queue, claimRequest(max, now, visibleUntil));
    }

    protected final List<StoredMessage> receiveWithRedrive(
            QueueId queue, int max, Instant now, Instant visibleUntil, Redrive redrive) {
        return store.claim(queue, new ClaimRequest(max, now, visibleUntil, RETAIN_ALL, redrive, null));
    }

    /** Claims one message that must be there. */
    protected final StoredMessage receiveOne(QueueId queue, Instant now, Instant visibleUntil) {
        List<StoredMessage> claimed = receive(queue, 1, now, visibleUntil);
        assertThat(claimed).hasSize(1);
        return claimed.get(0);
    }

    /** Every message of the queue, read-only. */
    protected final List<StoredMessage> peekAll(QueueId queue) {
        List<StoredMessage> all = new ArrayList<>();
        long after = Long.MIN_VALUE;
        for (int page = 0; page < 1_000; page++) {
            List<StoredMessage> batch = store.peek(queue, after, 100);
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
            after = batch.get(batch.size() - 1).sequence();
        }
        throw new AssertionError("peek did not end after 1000 pages");
    }

    protected static List<String> ids(List<StoredMessage> messages) {
        return messages.stream().map(StoredMessage::messageId).toList();
    }

    protected static List<Long> sequences(List<AppendResult> results) {
        return results.stream().map(AppendResult::sequence).toList();
    }
}
